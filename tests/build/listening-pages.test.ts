/**
 * What the built example hub says about listening: who chose each segment's critical measures
 * (the November 2026 Superusers ballot, or the editors), the questions IT answered, and that
 * nothing from the inbox but counts and answered questions reaches `dist/`, the search index or
 * a feed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { listFiles, ROOT } from '../helpers/build-hub';

interface Record {
	kind: string;
	from: string;
	name?: string;
	why?: string;
	note?: string;
	body?: string;
	question?: string;
	reason?: string;
	id?: string;
}

const CONTENT = path.join(ROOT, 'content');
const records = parseYaml(fs.readFileSync(path.join(CONTENT, 'inbox', '2026.yaml'), 'utf8')) as Record[];

let dist: string;
let files: string[];
const page = (route: string): HTMLElement => parse(fs.readFileSync(path.join(dist, route, 'index.html'), 'utf8'));
/** Visible text with runs of whitespace folded, as a reader sees it. */
const text = (element: HTMLElement | null | undefined) => (element?.text ?? '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
	dist = inject('exampleDist');
	files = await listFiles(dist);
});

describe('the audience page says who chose its critical measures', () => {
	it('names the ballot, how many of those asked voted, and the tally as a table', () => {
		const main = page('segments/superusers').querySelector('main')!;
		const choice = main.querySelector('.critical-choice')!;
		expect(choice.getAttribute('data-chosen-by')).toBe('ballot');
		expect(text(choice.querySelector('.chosen-by'))).toBe('Chosen by 7 of 9 superusers in the November 2026 ballot.');
		const table = choice.querySelector('table.tally')!;
		expect(text(table.querySelector('caption'))).toBe(
			'How the votes fell in the November 2026 ballot: each person picked up to three of the 9 measures.',
		);
		expect(table.querySelectorAll('thead th').map((th) => [th.getAttribute('scope'), text(th)])).toEqual([
			['col', 'Measure'],
			['col', 'Picked by'],
		]);
		const rows = table
			.querySelectorAll('tbody tr')
			.map((row) => [text(row.querySelector('th[scope="row"]')), text(row.querySelector('td'))]);
		expect(rows).toEqual([
			['Problems fixed on the first call', '6'],
			['Trading time lost at the tills', '5'],
			['Store managers using customer records', '4'],
			['New starters ready to work', '2'],
			['Online orders kept flowing', '2'],
			['Days to answer a trade quote', '1'],
		]);
		expect(text(table.querySelector('tfoot'))).toBe('3 other measures: no picks.');
		// The three most picked are the cards, in the order of their picks.
		expect(main.querySelectorAll('.critical-metrics > li [data-metric]').map((card) => card.getAttribute('data-metric'))).toEqual([
			'first-contact-resolution',
			'till-outage-minutes',
			'crm-adoption',
		]);
	});

	it('says "Chosen by the editors" where the ranks were typed by hand, and claims no focus group', () => {
		for (const segment of ['executives', 'finance', 'divisional-managers', 'all-staff']) {
			const main = page(`segments/${segment}`).querySelector('main')!;
			expect(text(main.querySelector('.critical-choice')), segment).toBe('Chosen by the editors.');
			expect(main.querySelector('table.tally'), segment).toBeNull();
			expect(text(main), segment).not.toMatch(/focus group/i);
		}
	});
});

describe('questions to IT', () => {
	it('lists the answered questions with the asker’s role and the answering page, and counts those waiting', () => {
		const main = page('questions').querySelector('main')!;
		const open = records.filter((r) => r.kind === 'question').length - 2;
		expect(text(main.querySelector('.waiting'))).toBe(`${open} questions are waiting for an answer.`);
		const answered = main.querySelectorAll('.questions > li').map((li) => ({
			id: li.getAttribute('data-question'),
			question: text(li.querySelector('h2')),
			who: text(li.querySelector('.muted')),
			answer: li.querySelector('a')?.getAttribute('href'),
		}));
		expect(answered).toEqual([
			{
				id: '2026-07-30-when-would-new-tills-pay-for-themselves',
				question: 'If we replace the store tills, when would they pay for themselves?',
				who: 'Asked by Chief Financial Officer on 30 July 2026',
				answer: '/papers/replacing-store-tills/',
			},
			{
				id: '2026-06-12-how-long-do-we-keep-customer-data',
				question: 'How long do we keep customer data, and could keeping it too long hurt us?',
				who: 'Asked by Chief Customer Officer on 12 June 2026',
				answer: '/papers/data-retention-and-customer-trust/',
			},
		]);
	});

	it('shows the question on the page that answers it, by role, never by name', () => {
		const aside = page('papers/replacing-store-tills').querySelector('main .answered-question')!;
		expect(text(aside.querySelector('.question'))).toBe('“If we replace the store tills, when would they pay for themselves?”');
		expect(text(aside.querySelector('.muted'))).toBe('Asked by Chief Financial Officer on 30 July 2026.');
		expect(text(aside)).not.toContain('Daniel Achebe');
		expect(page('papers/cutting-cloud-spend').querySelector('main .answered-question')).toBeNull();
	});

	it('links /questions/ from every page', () => {
		expect(page('').querySelector('footer a[href="/questions/"]')).not.toBeNull();
	});
});

describe('the inbox stays private in the built example hub', () => {
	const addresses = [...new Set(records.map((r) => r.from.toLowerCase()))];
	/** What colleagues wrote: lines of why, notes, question bodies, reasons, and questions no page answers yet. */
	const answered = ['2026-07-30-when-would-new-tills-pay-for-themselves', '2026-06-12-how-long-do-we-keep-customer-data'];
	const words = records
		.flatMap((r) => [r.why, r.note, r.body, r.kind === 'question' && !answered.includes(r.id ?? '') ? r.question : undefined])
		.filter((line): line is string => typeof line === 'string' && line.length > 12);
	/** Senders' names that no published content holds (authors, testimonials and papers name some colleagues). */
	const published = ['papers', 'case-studies', 'testimonials', 'authors', 'newsletters', 'campaigns']
		.flatMap((folder) =>
			fs.readdirSync(path.join(CONTENT, folder)).map((name) => fs.readFileSync(path.join(CONTENT, folder, name), 'utf8')),
		)
		.join('\n')
		.toLowerCase();
	const names = [...new Set(records.flatMap((r) => (r.name ? [r.name] : [])))].filter((name) => !published.includes(name.toLowerCase()));
	const leaksIn = (file: string, content: string) => {
		const lower = content.toLowerCase();
		return [...addresses, ...names.map((n) => n.toLowerCase()), ...words.map((w) => w.toLowerCase())]
			.filter((needle) => lower.includes(needle))
			.map((needle) => `${file}: ${needle}`);
	};

	it('has something to look for', () => {
		expect(addresses.length).toBeGreaterThanOrEqual(20);
		expect(names.length).toBeGreaterThanOrEqual(15);
		expect(words.length).toBeGreaterThanOrEqual(25);
	});

	it('publishes no sender’s address or name and no line they wrote, in any file of dist/ (pages, feeds, email, sitemap)', () => {
		for (const kind of ['.html', '.xml', '.txt', '.eml']) expect(files.some((f) => f.endsWith(kind))).toBe(true);
		const leaks = files
			.filter((file) => !file.startsWith('pagefind/'))
			.flatMap((file) => leaksIn(file, fs.readFileSync(path.join(dist, file), 'utf8')));
		expect(leaks).toEqual([]);
	});

	it('puts none of it in the search index either (its fragments are gzipped)', () => {
		const fragments = files.filter((f) => f.startsWith('pagefind/') && /\.pf_(fragment|meta)$/.test(f));
		expect(fragments.length).toBeGreaterThan(20);
		const leaks = fragments.flatMap((file) => leaksIn(file, gunzipSync(fs.readFileSync(path.join(dist, file))).toString('utf8')));
		expect(leaks).toEqual([]);
	});

	it('shows no “Useful to” counts unless hub.yaml turns them on, and writes no email for a closed ballot', () => {
		expect(page('papers/cutting-cloud-spend').querySelector('.useful-count')).toBeNull();
		expect(files.filter((file) => file.startsWith('ballots/'))).toEqual([]);
	});
});
