import { parseFeed } from '@rowanmanning/feed-parser';
import { simpleParser, type ParsedMail } from 'mailparser';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { paths } from '../../src/content/paths';
import { buildHub, copyFixture, listFiles, ROOT, type BuildResult } from '../helpers/build-hub';

const SITE = 'https://intranet.example';
const FIXTURE = 'tests/fixtures/basic/content';
const NOW = '2026-06-15';

interface IssueSource {
	number: number;
	title: string;
	date: Date;
	summary: string;
	items: { paper?: string; caseStudy?: string; metric?: string; campaign?: string; blurb?: string }[];
}

/** An issue as its writer wrote it, read straight from the file rather than through the hub. */
async function issueSource(file: string): Promise<IssueSource> {
	const [, frontmatter] = (await fs.readFile(path.join(ROOT, file), 'utf8')).split(/^---$/m);
	return parseYaml(frontmatter!) as IssueSource;
}

type IssueItem = IssueSource['items'][number];

/** The file and the page of the entry an item features. */
function itemTarget(item: IssueItem): { file: string; path: string } {
	if (item.paper) return { file: `content/papers/${item.paper}.mdx`, path: paths.paper(item.paper) };
	if (item.caseStudy) return { file: `content/case-studies/${item.caseStudy}.mdx`, path: paths.caseStudy(item.caseStudy) };
	if (item.metric) return { file: `content/metrics/${item.metric}.yaml`, path: paths.metric(item.metric) };
	return { file: `content/campaigns/${item.campaign}.mdx`, path: paths.campaign(item.campaign!) };
}

/** The segments an item is written for, from its own file. */
async function itemSegments(item: IssueItem): Promise<string[]> {
	const { file } = itemTarget(item);
	const text = await fs.readFile(path.join(ROOT, file), 'utf8');
	const data = parseYaml(file.endsWith('.mdx') ? text.split(/^---$/m)[1]! : text) as { segments: string[] };
	return data.segments;
}

const itemPath = (item: IssueItem) => itemTarget(item).path;

const read = (dist: string, file: string) => fs.readFile(path.join(dist, file), 'utf8');
const page = async (dist: string, route: string): Promise<HTMLElement> => parse(await read(dist, path.join(route, 'index.html')));
const hrefs = (root: HTMLElement, selector = 'a') => root.querySelectorAll(selector).map((a) => a.getAttribute('href') ?? '');

interface BuiltIssue {
	source: IssueSource;
	html: HTMLElement;
	htmlSource: string;
	text: string;
	mail: ParsedMail;
}

async function builtIssue(dist: string, source: IssueSource): Promise<BuiltIssue> {
	const folder = paths.newsletter(source.number);
	const htmlSource = await read(dist, `${folder}email.html`);
	return {
		source,
		html: parse(htmlSource),
		htmlSource,
		text: await read(dist, `${folder}email.txt`),
		mail: await simpleParser(await fs.readFile(path.join(dist, `${folder}issue-${source.number}.eml`))),
	};
}

const builds = [
	{ name: 'at /', dist: () => inject('exampleDist'), root: `${SITE}/` },
	{ name: 'under /it/', dist: () => inject('exampleItDist'), root: `${SITE}/it/` },
];

describe.each(builds)('the example hub’s issues, built $name', ({ dist: distOf, root }) => {
	let dist: string;
	let issues: BuiltIssue[];
	beforeAll(async () => {
		dist = distOf();
		const sources = await Promise.all(['content/newsletters/issue-1.mdx', 'content/newsletters/issue-2.mdx'].map(issueSource));
		issues = await Promise.all(sources.map((source) => builtIssue(dist, source)));
	});

	it('each become a draft message with both parts, the subject and the editors as sender', () => {
		for (const { mail, source } of issues) {
			expect(mail.subject).toBe(`Northwind IT Hub #${source.number}: ${source.title}`);
			expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
			expect(mail.html).toBeTruthy();
			expect(mail.text).toBeTruthy();
			expect(mail.from?.value).toEqual([{ name: 'The IT editors', address: 'it-editors@northwind.example' }]);
			expect(mail.to).toBeUndefined();
			expect(mail.headers.get('x-unsent')).toBe('1');
			expect(mail.date?.toISOString()).toBe(new Date(source.date).toISOString());
			expect(mail.messageId).toMatch(new RegExp(`newsletter\\.${source.number}@intranet\\.example>$`));
			expect(parse(typeof mail.html === 'string' ? mail.html : '').querySelector('h1')?.text).toBe(source.title);
		}
	});

	it('are HTML with no script, SVG or web font, and no style rules left to inline', () => {
		for (const { html, htmlSource } of issues) {
			expect(html.querySelectorAll('script, svg, link, iframe, object, form')).toHaveLength(0);
			expect(htmlSource).not.toMatch(/@font-face|@import|javascript:/i);
			// A dark-mode media query is all that may stay in <style>: inline styles cannot hold it.
			for (const style of html.querySelectorAll('style')) {
				expect(style.text.trim()).toMatch(/^@media \(prefers-color-scheme: dark\)\s*\{[\s\S]*\}$/);
			}
			expect(html.querySelector('meta[name="color-scheme"]')?.getAttribute('content')).toBe('light dark');
			expect(html.querySelector('table.container')?.getAttribute('width')).toBe('600');
			for (const img of html.querySelectorAll('img')) expect(img.getAttribute('alt')?.trim()).toBeTruthy();
		}
	});

	it('link only to absolute URLs of this hub (or the editors’ mailbox)', () => {
		for (const { html } of issues) {
			const links = hrefs(html);
			expect(links.length).toBeGreaterThan(10);
			for (const link of links) expect(link.startsWith(root) || link.startsWith('mailto:'), link).toBe(true);
		}
	});

	it('show every item of the issue, in order, with its blurb or summary and a "Read: <title>" link', () => {
		for (const { html, text, source } of issues) {
			const expected = source.items.map((item) => root + itemPath(item));
			const titles = html.querySelectorAll('h3 a').map((a) => a.getAttribute('href'));
			expect(titles).toEqual(expected);
			const readMore = html.querySelectorAll('a').filter((a) => a.text.startsWith('Read: '));
			expect(readMore.map((a) => a.getAttribute('href'))).toEqual(expected);
			expect(readMore.map((a) => a.text)).toEqual(html.querySelectorAll('h3 a').map((a) => `Read: ${a.text}`));
			for (const [index, item] of source.items.entries()) {
				const cell = html.querySelectorAll('h3 a')[index]!.closest('td')!;
				if (item.blurb) expect(cell.text).toContain(item.blurb);
				if (item.metric)
					expect(cell.text).toMatch(/What it means: .+Where it stands: Latest .+ \(target .+\): (on target|at risk|off target)/);
				else expect(cell.text).toMatch(/Why it matters: /);
				expect(text).toContain(expected[index]);
			}
		}
	});

	it('hide the summary as the preheader', () => {
		for (const { html, source } of issues) {
			const preheader = html.querySelector('body > div');
			expect(preheader?.text).toContain(source.summary);
			expect(preheader?.getAttribute('style')).toMatch(/display:\s*none/);
		}
	});

	it('write out every link of the HTML part in the text part', () => {
		for (const { html, text, mail } of issues) {
			for (const link of hrefs(html).filter((href) => href.startsWith('http'))) expect(text).toContain(link);
			expect(mail.text?.trim()).toBe(text.trim());
			expect(text).toContain(`${root}newsletter/`);
			expect(text).toContain(`${root}subscribe/`);
		}
	});

	it('are built beside the issue page, which keeps the editors\' "send this issue" box to the preview', async () => {
		for (const { source } of issues) {
			const issuePage = await page(dist, paths.newsletter(source.number));
			expect(issuePage.querySelector('.send')).toBeNull();
			expect(issuePage.querySelector('main')!.text).not.toMatch(/Send this issue/);
			for (const file of [`issue-${source.number}.eml`, 'email.html', 'email.txt']) {
				const url = new URL(`${paths.newsletter(source.number)}${file}`, root);
				await expect(fs.stat(path.join(dist, url.href.slice(root.length))), url.href).resolves.toBeTruthy();
			}
		}
	});

	it('list their items on the issue page, with blurbs', async () => {
		for (const { source } of issues) {
			const main = (await page(dist, paths.newsletter(source.number))).querySelector('main')!;
			expect(main.querySelector('h1')?.text).toBe(source.title);
			const base = new URL(root).pathname;
			expect(hrefs(main, '.issue-items h3 a')).toEqual(source.items.map((item) => base + itemPath(item)));
			for (const item of source.items) if (item.blurb) expect(main.text).toContain(item.blurb);
		}
	});

	it('are linked from the papers and case studies they featured', async () => {
		const base = new URL(root).pathname;
		const tills = await page(dist, paths.paper('replacing-store-tills'));
		expect(hrefs(tills, '.featured-in a')).toEqual([`${base}newsletter/1/`]);
		const blackFriday = await page(dist, paths.caseStudy('black-friday-checkout'));
		expect(hrefs(blackFriday, '.featured-in a')).toEqual([`${base}newsletter/2/`]);
		const notFeatured = await page(dist, paths.paper('cutting-cloud-spend'));
		expect(notFeatured.querySelector('.featured-in')).toBeNull();
	});

	it('are archived newest first', async () => {
		const archive = await page(dist, paths.newsletters());
		const base = new URL(root).pathname;
		expect(hrefs(archive, 'main li a')).toEqual([`${base}newsletter/2/`, `${base}newsletter/1/`]);
	});

	it('appear in the all-content feed and in the feed of exactly the segments their items address', async () => {
		const links = async (feed: string) => parseFeed(await read(dist, feed)).items.map((item) => item.url);
		const all = await links(paths.feedAll());
		const segmentIds = (await fs.readdir(path.join(ROOT, 'content/segments'))).map((file) => file.replace(/\.ya?ml$/, ''));
		for (const { source } of issues) {
			const url = `${root}newsletter/${source.number}/`;
			expect(all).toContain(url);
			const addressed = new Set((await Promise.all(source.items.map(itemSegments))).flat());
			for (const segment of segmentIds) {
				expect(await links(paths.feedSegment(segment)), `${segment} feed, issue ${source.number}`).toSatisfy(
					(items: (string | null)[]) => items.includes(url) === addressed.has(segment),
				);
			}
		}
	});
});

describe('a fixture hub with a draft and a future issue', () => {
	let build: BuildResult;
	beforeAll(async () => {
		const content = await copyFixture(FIXTURE, 'newsletter-unpublished-content');
		const issue = await fs.readFile(path.join(content, 'newsletters/issue-1.mdx'), 'utf8');
		// A draft issue may feature a draft paper; neither may reach the site.
		await fs.writeFile(
			path.join(content, 'newsletters/issue-2.mdx'),
			issue
				.replace('number: 1', 'number: 2')
				.replace(/title: .*/, 'title: "Quokkaverse draft issue"')
				.replace('paper: cloud-savings', 'paper: secret-draft')
				.replace('---\n\n', '---\n\nQuokkaverse.\n')
				.replace('date:', 'draft: true\ndate:'),
		);
		await fs.writeFile(
			path.join(content, 'newsletters/issue-3.mdx'),
			issue
				.replace('number: 1', 'number: 3')
				.replace(/title: .*/, 'title: "Zugzwang future issue"')
				.replace(/date: .*/, 'date: 2099-01-01'),
		);
		build = await buildHub({ name: 'newsletter-unpublished', content, now: NOW });
		expect(build.code, build.output).toBe(0);
	});

	it('sends only the published issue, and its email holds only published items', async () => {
		const files = (await listFiles(build.dist)).filter((file) => file.startsWith('newsletter/'));
		expect(files).toEqual([
			'newsletter/1/email.html',
			'newsletter/1/email.txt',
			'newsletter/1/index.html',
			'newsletter/1/issue-1.eml',
			'newsletter/index.html',
		]);
		const issue = await builtIssue(build.dist, await issueSource(`${FIXTURE}/newsletters/issue-1.mdx`));
		expect(hrefs(issue.html, 'h3 a')).toEqual([
			'https://intranet.example/papers/cloud-savings/',
			'https://intranet.example/case-studies/finance-close/',
			'https://intranet.example/metrics/close-days/',
		]);
	});

	it('never writes the draft or future issue, or the draft paper, into any file', async () => {
		for (const file of await listFiles(build.dist)) {
			const text = await fs.readFile(path.join(build.dist, file), 'latin1');
			expect(text, file).not.toMatch(/Quokkaverse|Zugzwang|Blunderbuss|secret-draft|newsletter\/[23]\//);
		}
	});
});

describe('an issue that cannot be sent', () => {
	/** Builds a copy of the fixture with one issue's text changed; returns the failed build. */
	async function breakIssue(
		name: string,
		change: (issue: string) => string,
		extra?: (content: string) => Promise<void>,
	): Promise<BuildResult> {
		const content = await copyFixture(FIXTURE, `${name}-content`);
		const file = path.join(content, 'newsletters/issue-1.mdx');
		await fs.writeFile(file, change(await fs.readFile(file, 'utf8')));
		await extra?.(content);
		return buildHub({ name, content, now: NOW });
	}

	it('fails the build when an item refers to a missing entry, naming the file, the item and the id', async () => {
		const build = await breakIssue('newsletter-missing-item', (issue) =>
			issue.replace('caseStudy: finance-close', 'caseStudy: finance-closing'),
		);
		expect(build.code).not.toBe(0);
		expect(build.output).toMatch(
			/newsletters\/issue-1\.mdx:\d+:\d+ items\[1\]\.caseStudy: expected an existing case study, one of: finance-close; found "finance-closing"/,
		);
	});

	it('fails the build when an item is a draft or scheduled, naming the file and the item', async () => {
		const build = await breakIssue('newsletter-draft-item', (issue) =>
			issue
				.replace('paper: cloud-savings', 'paper: secret-draft')
				.replace('metric: close-days', 'metric: close-days\n  - paper: future-plans'),
		);
		expect(build.code).not.toBe(0);
		expect(build.output).toMatch(
			/newsletters\/issue-1\.mdx:\d+:\d+ items\[0\]\.paper: expected a published position paper; found "secret-draft", which is a draft/,
		);
		expect(build.output).toMatch(
			/newsletters\/issue-1\.mdx:\d+:\d+ items\[3\]\.paper: expected a published position paper; found "future-plans"/,
		);
	});

	it('fails the build when an item names no kind the hub knows, with the line of the item', async () => {
		const build = await breakIssue('newsletter-unknown-kind', (issue) =>
			issue.replace('caseStudy: finance-close', 'case-study: finance-close'),
		);
		expect(build.code).not.toBe(0);
		expect(build.output).toMatch(
			/newsletters\/issue-1\.mdx:9:\d+ items\[1\]: expected exactly one of paper, caseStudy, metric or campaign/,
		);
	});

	it('fails the build when two issues share a number, naming both files', async () => {
		const build = await breakIssue(
			'newsletter-duplicate-number',
			(issue) => issue,
			async (content) => {
				const issue = await fs.readFile(path.join(content, 'newsletters/issue-1.mdx'), 'utf8');
				await fs.writeFile(path.join(content, 'newsletters/autumn.mdx'), issue.replace(/title: .*/, 'title: "Autumn news from IT"'));
			},
		);
		expect(build.code).not.toBe(0);
		expect(build.output).toMatch(
			/newsletters\/(autumn|issue-1)\.mdx:\d+:\d+ number: expected a number no other issue uses, but \S+newsletters\/(issue-1|autumn)\.mdx is already issue 1; found 1/,
		);
	});
});
