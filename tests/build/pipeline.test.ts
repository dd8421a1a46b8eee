/**
 * What writers keep now that MDX is rendered once, at content sync: every feature shows in a built
 * page and in a feed item, on the example hub built at / and at /it/.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const builds = [
	{ base: '/', dist: inject('exampleDist') },
	{ base: '/it/', dist: inject('exampleItDist') },
];

// node-html-parser keeps <pre> as raw text unless told which elements are.
const html = (text: string) => parseHtml(text, { blockTextElements: { script: true, style: true } });
const page = (dist: string, route: string) => html(fs.readFileSync(path.join(dist, route, 'index.html'), 'utf8'));
const feedItem = (dist: string, route: string) => {
	const feed = parseFeed(fs.readFileSync(path.join(dist, 'feeds/all.xml'), 'utf8'));
	const item = feed.items.find((entry) => entry.url?.endsWith(`/${route}`));
	if (!item?.content) throw new Error(`no item with content for ${route} in all.xml`);
	return html(item.content);
};
const body = (root: HTMLElement) => root.querySelector('main')!;

describe.each(builds)('what writers keep, built at $base', ({ base, dist }) => {
	it('GitHub tables, footnotes, task lists and strikethrough, in the page and in the feed', () => {
		for (const root of [body(page(dist, 'case-studies/black-friday-checkout')), feedItem(dist, 'case-studies/black-friday-checkout/')]) {
			expect(root.querySelectorAll('table tbody tr').map((row) => row.querySelector('td')?.text)).toEqual([
				'Minutes checkout was closed',
				'Average page load',
				'Online sales',
			]);
			// The page marks its section (data-footnotes); the feed's sanitised copy keeps only the heading.
			const footnotes = root.querySelectorAll('section').filter((section) => section.querySelector('h2')?.text.trim() === 'Footnotes');
			expect(footnotes).toHaveLength(1);
			expect(footnotes[0]!.querySelectorAll('ol > li').map((li) => li.text.trim())).toEqual([
				expect.stringContaining('as reported by Finance in December 2025'),
			]);
		}
		const boxes = body(page(dist, 'newsletter/2')).querySelectorAll('li input[type="checkbox"]');
		expect(boxes.map((box) => box.hasAttribute('checked'))).toEqual([true, true, false, false]);
		// Mail clients and feed readers drop form controls: the feed marks the items in text.
		const items = feedItem(dist, 'newsletter/2/')
			.querySelectorAll('li')
			.filter((li) => /^[☑☐]/.test(li.text));
		expect(items.map((li) => li.text.slice(0, 1))).toEqual(['☑', '☑', '☐', '☐']);
		for (const root of [body(page(dist, 'newsletter/2')), feedItem(dist, 'newsletter/2/')]) {
			expect(root.querySelector('del')?.text).toBe('New checkout design');
		}
	});

	it('heading ids on the page', () => {
		const ids = body(page(dist, 'case-studies/black-friday-checkout'))
			.querySelectorAll('h2[id]')
			.map((h) => h.id);
		expect(ids).toEqual(expect.arrayContaining(['challenge', 'approach', 'outcome']));
	});

	it('an image beside the entry: a content-hashed file with width and height, in the page and in the feed', () => {
		const img = body(page(dist, 'case-studies/black-friday-checkout')).querySelector('img')!;
		const src = img.getAttribute('src')!;
		expect(src).toMatch(new RegExp(`^${base}images/black-friday-checkout-completion\\.[0-9a-f]{8}\\.svg$`));
		expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['480', '200']);
		expect(img.getAttribute('alt')).toMatch(/^Bar chart: 61 in every 100 shoppers/);
		const file = path.join(dist, src.slice(base.length));
		expect(fs.readFileSync(file, 'utf8')).toBe(fs.readFileSync('content/case-studies/black-friday-checkout-completion.svg', 'utf8'));
		expect(feedItem(dist, 'case-studies/black-friday-checkout/').querySelector('img')?.getAttribute('src')).toBe(
			`https://intranet.example${src}`,
		);
	});

	it('code highlighted with classes and the code stylesheet, never inline styles; plain code in the feed', () => {
		const root = page(dist, 'papers/month-end-reports-in-hours');
		const code = body(root).querySelector('pre')!;
		expect(code.text).toContain('select store, sum(margin) as margin');
		const coloured = code.querySelectorAll('span').filter((span) => [...span.classList.values()].some((name) => name.startsWith('hl-')));
		expect(coloured.length).toBeGreaterThan(5);
		expect(root.querySelectorAll('[style]')).toEqual([]);
		const css = root
			.querySelectorAll('link[rel=stylesheet]')
			.map((link) => fs.readFileSync(path.join(dist, link.getAttribute('href')!.slice(base.length)), 'utf8'))
			.join('\n');
		for (const name of new Set(coloured.flatMap((span) => [...span.classList.values()]))) expect(css).toContain(`.${name}{`);
		const fed = feedItem(dist, 'papers/month-end-reports-in-hours/').querySelector('pre')!;
		expect(fed.text).toContain('order by margin desc;');
		expect(fed.querySelectorAll('[class]')).toEqual([]);
	});

	it('the metric components without an import: a card and a value on the page, in words in the feed', () => {
		const paper = body(page(dist, 'papers/tills-keep-trading-offline'));
		expect(paper.querySelector('article.metric-card[data-metric="till-outage-minutes"]')).not.toBeNull();
		const issue = body(page(dist, 'newsletter/2'));
		const value = issue.querySelector('a.metric-value[data-metric="web-shop-page-load"]')!;
		expect(value.getAttribute('href')).toBe(`${base}metrics/web-shop-page-load/`);
		for (const [route, metric] of [
			['papers/tills-keep-trading-offline/', 'till-outage-minutes'],
			['newsletter/2/', 'web-shop-page-load'],
		] as const) {
			const fed = feedItem(dist, route);
			expect(fed.querySelector(`a[href="https://intranet.example${base}metrics/${metric}/"]`), route).not.toBeNull();
			expect(fed.toString()).not.toContain('hg-metric');
		}
	});

	it('a metric cited in an entry shows its figures as of the entry’s date, with a link to the latest', () => {
		// The phishing paper went out on 28 January 2026; the metric has readings up to November 2026.
		const card = body(page(dist, 'papers/phishing-is-our-biggest-risk')).querySelector(
			'article.metric-card[data-metric="phishing-click-rate"]',
		)!;
		expect(card.querySelector('.value data')?.getAttribute('value')).toBe('10.8');
		expect(card.querySelector('.latest')?.text).toContain('Figures as of January 2026');
		expect(card.querySelector('.latest a')?.getAttribute('href')).toBe(`${base}metrics/phishing-click-rate/`);
		expect(feedItem(dist, 'papers/phishing-is-our-biggest-risk/').text).toContain('Latest 10.8% in January 2026');
		// The metric's own page shows the latest reading.
		expect(page(dist, 'metrics/phishing-click-rate').querySelector('main')!.text).toContain('3.5%');
	});

	it('no page, feed or email holds a metric placeholder or a rendering leftover', () => {
		const files = fs.readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(html|xml|txt|eml)$/.test(file));
		for (const file of files) {
			const text = fs.readFileSync(path.join(dist, file), 'utf8');
			expect(text, file).not.toContain('hg-metric');
			// Email carries inlined styles by design (css-inline); pages and feeds never carry Shiki's.
			if (!file.endsWith('email.html')) expect(text, file).not.toContain('style="color');
			// Astro's scoping attributes belong to pages; feeds and email carry plain HTML.
			if (!file.endsWith('index.html') && !file.endsWith('404.html')) expect(text, file).not.toContain('data-astro-cid');
		}
	});
});
