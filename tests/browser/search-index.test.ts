import fs from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../helpers/build-hub';

/** A page Pagefind indexed, as stored in its fragment file. */
interface Fragment {
	url: string;
	/** The text search matches against. */
	content: string;
	filters: Record<string, string[]>;
	meta: Record<string, string>;
}

/** Fragments are gzipped JSON behind a short signature; reading them shows exactly what search can find. */
async function indexedPages(dist: string): Promise<Fragment[]> {
	const folder = path.join(dist, 'pagefind/fragment');
	const fragments = await Promise.all(
		(await fs.readdir(folder)).map(async (file) => {
			const text = gunzipSync(await fs.readFile(path.join(folder, file))).toString('utf8');
			return JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
		}),
	);
	return fragments.sort((a, b) => a.url.localeCompare(b.url));
}

/** Built pages whose main content is marked for the index, as root-relative routes without the base. */
async function markedPages(dist: string): Promise<string[]> {
	const pages = (await listFiles(dist)).filter((file) => file.endsWith('index.html'));
	const marked: string[] = [];
	for (const page of pages) {
		const html = parse(await fs.readFile(path.join(dist, page), 'utf8'));
		if (html.querySelector('[data-pagefind-body]')) marked.push(`/${page.replace(/index\.html$/, '')}`);
	}
	return marked.sort();
}

describe.each([
	{ name: 'at /', dist: () => inject('exampleDist') },
	{ name: 'under --base /it/', dist: () => inject('exampleItDist') },
])('the search index of the example hub built $name', ({ dist }) => {
	it('is written by the build to pagefind/ with the script the search page loads', async () => {
		expect((await fs.stat(path.join(dist(), 'pagefind/pagefind.js'))).size).toBeGreaterThan(0);
		const entry = JSON.parse(await fs.readFile(path.join(dist(), 'pagefind/pagefind-entry.json'), 'utf8')) as {
			languages: Record<string, { page_count: number }>;
		};
		expect(entry.languages['en-gb']?.page_count).toBeGreaterThan(20);
	});

	it("ships none of Pagefind's ready-made interfaces, which the search page does not load", async () => {
		const files = await fs.readdir(path.join(dist(), 'pagefind'));
		expect(files.filter((file) => /^pagefind-(?:ui|modular-ui|component-ui|highlight)\./.test(file))).toEqual([]);
		expect(files).toContain('pagefind-worker.js');
	});

	it('holds exactly the pages whose main content is marked, and no list, archived, draft or future page', async () => {
		const urls = (await indexedPages(dist())).map((page) => page.url);
		expect(urls).toEqual(await markedPages(dist()));
		expect(urls).toContain('/papers/stock-visibility-ptarmigan/');
		expect(urls).toContain('/case-studies/north-region-crm-habit/');
		expect(urls).toContain('/metrics/crm-adoption/');
		expect(urls).toContain('/newsletter/1/');
		expect(urls).not.toContain('/papers/');
		expect(urls).not.toContain('/');
		expect(urls).not.toContain('/segments/executives/');
		// The archived paper keeps its page, so old links work, but is not searchable.
		await expect(fs.stat(path.join(dist(), 'papers/windows-10-end-of-support/index.html'))).resolves.toBeTruthy();
		expect(urls).not.toContain('/papers/windows-10-end-of-support/');
		expect(urls.filter((url) => /quantum|future-retail/.test(url))).toEqual([]);
		// Campaigns are searchable, a draft campaign is not.
		expect(urls).toContain('/campaigns/crm-for-sales-and-marketing/');
		expect(urls.filter((url) => url.includes('draft-stock-app'))).toEqual([]);
		// Systems are searchable by their business names; the list is not, nor a draft system.
		expect(urls).toContain('/systems/payments/');
		expect(urls).not.toContain('/systems/');
	});

	it('files every page under type, segment and year, with a title, date and summary to show', async () => {
		const ptarmigan = (await indexedPages(dist())).find((page) => page.url === '/papers/stock-visibility-ptarmigan/');
		const html = parse(await fs.readFile(path.join(dist(), 'papers/stock-visibility-ptarmigan/index.html'), 'utf8'));
		// Ids, not names: a shared link (`?segment=finance`) survives a renamed segment.
		expect(ptarmigan?.filters).toEqual({
			type: ['paper'],
			segment: ['executives', 'divisional-managers', 'superusers'],
			topic: ['data', 'stores', 'e-commerce'],
			author: ['priya-raman'],
			year: ['2026'],
		});
		expect(ptarmigan?.meta).toMatchObject({
			title: 'One view of stock across stores, web shop and warehouse',
			type: 'Position paper',
			date: '8 September 2026',
			datetime: '2026-09-08',
			segments: 'Executives, Divisional Managers, Superusers',
			summary: html.querySelector('meta[name="description"]')?.getAttribute('content'),
		});
		for (const page of await indexedPages(dist())) {
			expect(Object.keys(page.filters), page.url).toEqual(expect.arrayContaining(['type', 'segment', 'year']));
		}
		// A system is found by its business name, under the segments that depend on it and its owner.
		const payments = (await indexedPages(dist())).find((page) => page.url === '/systems/payments/');
		expect(payments?.filters).toEqual({
			type: ['system'],
			segment: ['divisional-managers', 'executives'],
			author: ['priya-raman'],
			year: ['2026'],
		});
		expect(payments?.meta).toMatchObject({ title: 'Card payments', type: 'System', segments: 'Divisional Managers, Executives' });
	});

	it('comes with the list of its words that "Did you mean" suggests from, and no word only a draft or future paper has', async () => {
		const { words } = JSON.parse(await fs.readFile(path.join(dist(), 'pagefind/hourglass-words.json'), 'utf8')) as {
			words: [string, number][];
		};
		const pages = new Map(words);
		expect(pages.get('ptarmigan')).toBe(1);
		expect(pages.get('phishing')).toBeGreaterThan(1);
		expect(pages.get('customer')).toBeGreaterThan(1);
		// The draft's and the future paper's own words: in content/, but never published.
		expect(pages.has('marrowstone')).toBe(false);
		expect(pages.has('quillfeather')).toBe(false);
		expect(pages.has('larkspur')).toBe(false);
		const texts = (await indexedPages(dist())).length;
		expect(Math.max(...pages.values())).toBeLessThanOrEqual(texts);
	});

	it('names a word of its own for the search page to warm up with, on about one page in twenty', async () => {
		const read = async (file: string) => JSON.parse(await fs.readFile(path.join(dist(), 'pagefind', file), 'utf8')) as unknown;
		const { words } = (await read('hourglass-words.json')) as { words: [string, number][] };
		const { word } = (await read('hourglass-warm-up.json')) as { word: string };
		const pages = new Map(words).get(word);
		expect(pages).toBeGreaterThan(0);
		const texts = (await indexedPages(dist())).length;
		// No other indexed word is nearer to a twentieth of the pages.
		expect(Math.min(...words.map(([, count]) => Math.abs(count - texts / 20)))).toBe(Math.abs(pages! - texts / 20));
	});

	it("leaves a metric page's lists of citing entries and of segments that chose it out of the indexed text", async () => {
		const metrics = (await indexedPages(dist())).filter((page) => page.url.startsWith('/metrics/'));
		let listed = 0;
		for (const metric of metrics) {
			const html = parse(await fs.readFile(path.join(dist(), metric.url, 'index.html'), 'utf8'));
			const cited = html.querySelectorAll('section.cited li a').map((a) => a.textContent.trim());
			listed += cited.length;
			expect(metric.content, metric.url).not.toMatch(/Where this metric is cited|Chosen as critical|measures their focus group chose/);
			for (const title of cited) expect(metric.content, `${metric.url}: ${title}`).not.toContain(title);
		}
		expect(listed).toBeGreaterThan(0);
	});

	it('leaves bylines and related reading out of the indexed text', async () => {
		const route = 'papers/stock-visibility-ptarmigan/';
		const html = parse(await fs.readFile(path.join(dist(), route, 'index.html'), 'utf8'));
		const { content } = (await indexedPages(dist())).find((page) => page.url === `/${route}`)!;
		// The page's own words are indexed: the check reads the real text.
		expect(content).toContain('Project Ptarmigan will change that.');
		const byline = html.querySelector('.byline')!.textContent;
		expect(byline).toMatch(/^By Priya Raman, Head of Digital Platforms · 8 September 2026 · \d+ min read/);
		for (const part of ['Priya Raman', 'Head of Digital Platforms', '8 September 2026', 'min read']) expect(content).not.toContain(part);
		const related = html.querySelectorAll('.related h3 a').map((a) => a.textContent.trim());
		expect(related.length).toBeGreaterThanOrEqual(3);
		for (const title of related) expect(content).not.toContain(title);
		for (const summary of html
			.querySelectorAll('.related p')
			.map((p) => p.textContent.trim())
			.filter((text) => text.length > 40))
			expect(content).not.toContain(summary);
	});
});
