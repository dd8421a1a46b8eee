/**
 * The list in the built example hub: no contact's address or name reaches `dist/`, segment,
 * subscribe and paper pages offer "Get these by email" with follower counts, papers ask for
 * feedback, published papers and case studies are built as email, and the editors' page is not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { listFiles, ROOT } from '../helpers/build-hub';
import { EXAMPLE_NOW } from '../helpers/example-hub';

interface ContactSource {
	name: string;
	email: string;
	segments: string[];
	joined: string;
	left?: string;
}

const CONTENT = path.join(ROOT, 'content');
const contacts = (parseYaml(fs.readFileSync(path.join(CONTENT, 'contacts.yaml'), 'utf8')) as { contacts: ContactSource[] }).contacts;

/** Every text file of the content except the contacts file and the send ledger (which hold the same people). */
const otherContent = fs
	.readdirSync(CONTENT, { recursive: true, withFileTypes: true })
	.filter((entry) => entry.isFile())
	.map((entry) => path.join(entry.parentPath, entry.name))
	.filter((file) => file !== path.join(CONTENT, 'contacts.yaml') && !file.startsWith(path.join(CONTENT, 'sent')))
	.map((file) => fs.readFileSync(file, 'utf8'))
	.join('\n')
	.toLowerCase();

/** Names that appear only in the contacts file: a page showing one could only have taken it from there. */
const contactOnlyNames = contacts.map((c) => c.name).filter((name) => !otherContent.includes(name.toLowerCase()));

/** On the list on the example build's date, as the build counts them. */
const followers = (segment: string) =>
	contacts.filter((c) => c.segments.includes(segment) && c.joined <= EXAMPLE_NOW && (c.left === undefined || c.left > EXAMPLE_NOW)).length;

let dist: string;
let files: string[];
const page = (route: string): HTMLElement => parse(fs.readFileSync(path.join(dist, route, 'index.html'), 'utf8'));
const mailtoLinks = (root: HTMLElement) =>
	root
		.querySelectorAll('a')
		.map((a) => a.getAttribute('href') ?? '')
		.filter((href) => href.startsWith('mailto:'))
		.map((href) => decodeURIComponent(href));

beforeAll(async () => {
	dist = inject('exampleDist');
	files = await listFiles(dist);
});

describe('the list in the built example hub', () => {
	it('publishes no contact address and no name that only the contacts file holds, in any file of dist/', () => {
		expect(contacts.length).toBeGreaterThanOrEqual(8);
		expect(contactOnlyNames.length).toBeGreaterThanOrEqual(8);
		// Pages, feeds, the sitemap and email files are all scanned here; the search index below.
		for (const kind of ['.html', '.xml', '.eml', '.txt', '.opml'])
			expect(
				files.some((f) => f.endsWith(kind)),
				kind,
			).toBe(true);
		const leaks: string[] = [];
		for (const file of files) {
			// latin1 reads any byte, so binary files are scanned too.
			const text = fs.readFileSync(path.join(dist, file), 'latin1').toLowerCase();
			for (const contact of contacts) if (text.includes(contact.email.toLowerCase())) leaks.push(`${file}: ${contact.email}`);
			for (const name of contactOnlyNames) if (text.includes(name.toLowerCase())) leaks.push(`${file}: ${name}`);
		}
		expect(leaks).toEqual([]);
	});

	it('publishes no contact in the search index either (its fragments are gzipped)', async () => {
		const { gunzipSync } = await import('node:zlib');
		const fragments = files.filter((f) => f.startsWith('pagefind/') && /\.pf_(fragment|index|meta|filter)$/.test(f));
		expect(fragments.length).toBeGreaterThan(0);
		const text = fragments
			.map((f) => {
				const raw = fs.readFileSync(path.join(dist, f));
				return gunzipSync(raw).toString('latin1').toLowerCase();
			})
			.join('\n');
		// The index does hold the writing: the check reads the real content.
		expect(text).toContain('cloud');
		for (const contact of contacts) expect(text).not.toContain(contact.email.toLowerCase());
		for (const name of contactOnlyNames) expect(text).not.toContain(name.toLowerCase());
	});

	it('offers "Get these by email" on each segment page, with how many colleagues already do', () => {
		const main = page('segments/executives').querySelector('main')!;
		const link = main.querySelectorAll('.get-by-email a').find((a) => a.text.trim() === 'Get these by email');
		expect(decodeURIComponent(link?.getAttribute('href') ?? '')).toMatch(
			/^mailto:it-editors@northwind\.example\?subject=Please add me to the Executives list \[hub:list executives\]&body=Hello,\n\nPlease add me to the Executives list/,
		);
		expect(main.querySelector('.get-by-email')?.text).toContain(`${followers('executives')} colleagues get them by email already`);
	});

	it('shows each segment’s follower count on the subscribe page', () => {
		const main = page('subscribe').querySelector('main')!;
		for (const segment of ['executives', 'finance', 'divisional-managers']) {
			const card = main.querySelector(`#feed-${segment}`)!;
			expect(card.querySelector('.get-by-email')?.text, segment).toContain(`${followers(segment)} colleagues get them by email already`);
			expect(mailtoLinks(card).some((href) => href.startsWith('mailto:it-editors@northwind.example?subject=Please add me to the'))).toBe(
				true,
			);
		}
	});

	it('asks "Was this useful? Yes · No" on each paper and issue, to the editors with the writer in Cc, tagged for npm run inbox', () => {
		const useful = (route: string) => {
			const links = page(route).querySelectorAll('.was-it-useful a');
			return Object.fromEntries(links.map((a) => [a.text.trim(), decodeURIComponent(a.getAttribute('href') ?? '')]));
		};
		expect(useful('papers/cutting-cloud-spend')).toEqual({
			Yes: 'mailto:it-editors@northwind.example?cc=priya.raman@northwind.example&subject=Useful: yes · How we are cutting our cloud bill by a fifth [hub:useful paper/cutting-cloud-spend yes]&body=Yes, this was useful. In one line, why:\n\n',
			No: 'mailto:it-editors@northwind.example?cc=priya.raman@northwind.example&subject=Useful: no · How we are cutting our cloud bill by a fifth [hub:useful paper/cutting-cloud-spend no]&body=No, this was not useful. In one line, why:\n\n',
		});
		expect(useful('case-studies/black-friday-checkout').Yes).toMatch(/\[hub:useful case-study\/black-friday-checkout yes\]/);
		expect(useful('newsletter/2').No).toMatch(
			/^mailto:it-editors@northwind\.example\?subject=Useful: no · .* \[hub:useful issue\/2 no\]&body=/,
		);
		const main = page('papers/cutting-cloud-spend').querySelector('main')!;
		expect(
			mailtoLinks(main).some((href) =>
				href.startsWith(
					'mailto:it-editors@northwind.example?subject=Please add me to the Finance and Executives lists [hub:list finance executives]',
				),
			),
		).toBe(true);
	});

	it('offers "Ask IT a question" on each audience page, tagged with its segment', () => {
		const link = page('segments/executives').querySelector('.ask-it a');
		expect(link?.text.trim()).toBe('Ask IT a question');
		expect(decodeURIComponent(link?.getAttribute('href') ?? '')).toMatch(
			/^mailto:it-editors@northwind\.example\?subject=Question for IT \[hub:question executives\]&body=/,
		);
	});

	it('ends every email with Was this useful? Yes · No and Ask IT a question, in both parts', () => {
		for (const [route, entry] of [
			['papers/cutting-cloud-spend', 'paper/cutting-cloud-spend'],
			['newsletter/2', 'issue/2'],
		] as const) {
			const html = parse(fs.readFileSync(path.join(dist, route, 'email.html'), 'utf8'));
			const hrefs = html.querySelectorAll('a').map((a) => `${a.text.trim()} ${decodeURIComponent(a.getAttribute('href') ?? '')}`);
			expect(hrefs.filter((href) => href.includes('[hub:'))).toEqual([
				expect.stringMatching(new RegExp(`^Yes mailto:.*\\[hub:useful ${entry} yes\\]`)),
				expect.stringMatching(new RegExp(`^No mailto:.*\\[hub:useful ${entry} no\\]`)),
				expect.stringMatching(/^Ask IT a question mailto:it-editors@northwind\.example\?subject=Question for IT \[hub:question [a-z-]+\]/),
			]);
			const text = fs.readFileSync(path.join(dist, route, 'email.txt'), 'utf8');
			expect(text).toContain(`Was this useful? Yes: mailto:it-editors@northwind.example?`);
			const notUseful = /^Not useful: (\S+)$/m.exec(text)?.[1] ?? '';
			expect(new URL(notUseful).searchParams.get('subject')).toMatch(new RegExp(`\\[hub:useful ${entry} no\\]$`));
		}
	});

	it('builds each published paper and case study as email, and no draft, scheduled or archived one', () => {
		for (const route of ['papers/cutting-cloud-spend', 'case-studies/black-friday-checkout']) {
			expect(files).toContain(`${route}/email.html`);
			expect(files).toContain(`${route}/email.txt`);
			const html = parse(fs.readFileSync(path.join(dist, route, 'email.html'), 'utf8'));
			for (const a of html.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^(https:\/\/intranet\.example\/|mailto:)/);
		}
		for (const route of [
			'papers/draft-quantum-ready-encryption',
			'papers/future-retail-ai-assistants',
			'papers/windows-10-end-of-support',
		]) {
			expect(files.filter((f) => f.startsWith(`${route}/email`))).toEqual([]);
		}
	});

	it('does not build the editors’ page', () => {
		expect(files.filter((f) => f.startsWith('editors/'))).toEqual([]);
	});
});
