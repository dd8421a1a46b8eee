import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { listFiles, ROOT } from '../../helpers/build-hub';
import { checkLinks, formatBrokenLinks, type LinkReport } from '../../helpers/link-check';
import { htmlPages } from '../../browser/quality/pages';
import { rebaseLink } from '../../../src/content/paths';

const SITE = 'https://intranet.example';
const BROKEN = path.join(ROOT, 'tests/fixtures/broken');

/** Every `xmlUrl` and `htmlUrl` of an OPML file, however deep its outlines nest. */
function opmlUrls(xml: string): string[] {
	const found: string[] = [];
	const walk = (value: unknown) => {
		if (Array.isArray(value)) value.forEach(walk);
		else if (value && typeof value === 'object')
			for (const [key, inner] of Object.entries(value)) {
				if ((key === 'xmlUrl' || key === 'htmlUrl') && typeof inner === 'string') found.push(inner);
				else walk(inner);
			}
	};
	walk(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml));
	return found;
}

describe.each([
	{ base: '/', dist: inject('exampleDist') },
	{ base: '/it/', dist: inject('exampleItDist') },
])('internal links and assets of the example hub built at $base', ({ base, dist }) => {
	let report: LinkReport;
	beforeAll(async () => {
		report = await checkLinks({ dist, base, site: SITE });
	});
	const checkedOn = (file: string) => report.checked.filter((link) => link.page === file).map((link) => link.url);

	it('all resolve, and no page or stylesheet loads a file from another origin', () => {
		expect(formatBrokenLinks(report.broken)).toBe('');
	});

	it('were looked for on every page', async () => {
		const pages = await htmlPages(dist);
		expect(pages.length).toBeGreaterThan(20);
		const checkedPages = new Set(report.checked.map((link) => link.page));
		expect(pages.filter((page) => !checkedPages.has(page))).toEqual([]);
	});

	it('include every URL of the feeds, the OPML and the sitemap, and the feed stylesheet', async () => {
		const feeds = (await listFiles(path.join(dist, 'feeds'))).filter((file) => file.endsWith('.xml')).map((file) => `feeds/${file}`);
		expect(feeds.length).toBeGreaterThan(10);
		let items = 0;
		for (const feed of feeds) {
			const xml = await fs.readFile(path.join(dist, feed), 'utf8');
			const parsed = parseFeed(xml);
			const urls = [parsed.url!, ...parsed.items.flatMap((item) => [item.url!, item.id!])];
			items += parsed.items.length;
			expect(checkedOn(feed), feed).toEqual(expect.arrayContaining([...urls, `${base}feeds/feed.xsl`]));
		}
		expect(items).toBeGreaterThan(50);
		const opml = opmlUrls(await fs.readFile(path.join(dist, 'feeds/subscriptions.opml'), 'utf8'));
		expect(opml.length).toBe(2 * feeds.length);
		expect(checkedOn('feeds/subscriptions.opml')).toEqual(expect.arrayContaining(opml));
		const sitemap = [...(await fs.readFile(path.join(dist, 'sitemap-0.xml'), 'utf8')).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
		expect(sitemap.length).toBeGreaterThan(20);
		expect(checkedOn('sitemap-0.xml')).toEqual(expect.arrayContaining(sitemap));
	});
});

describe('the link check fails broken files', () => {
	let report: LinkReport;
	beforeAll(async () => {
		report = await checkLinks({ dist: BROKEN, base: '/', site: SITE });
	});
	const brokenOn = (page: string) => report.broken.filter((link) => link.page === page).map(({ url, reason }) => ({ url, reason }));

	it('reports dead pages, assets, srcset images, CSS url()s, fragments and absolute links to the hub, with the page they are on', () => {
		expect(brokenOn('dead-link/index.html')).toEqual([
			{ url: '/missing.css', reason: 'no such file' },
			{ url: '../no-such-page/', reason: 'no such file' },
			{ url: '../clean/#no-such-section', reason: 'no element with id "no-such-section"' },
			{ url: '../chart-2x.svg', reason: 'no such file' },
			{ url: 'https://intranet.example/papers/gone/', reason: 'no such file' },
		]);
		expect(brokenOn('dead-link/dead.css')).toEqual([{ url: 'missing.png', reason: 'no such file' }]);
		expect(brokenOn('clean/index.html')).toEqual([]);
	});

	it("reports the hub's absolute URLs that lead nowhere in a feed (escaped HTML included), its stylesheet, OPML, a sitemap and JSON", () => {
		expect(brokenOn('feed-links/feed.xml')).toEqual([
			{ url: 'https://intranet.example/papers/retired/', reason: 'no such file' },
			{ url: 'https://intranet.example/papers/escaped-and-gone/', reason: 'no such file' },
			{ url: '/feed-links/missing-feed.xsl', reason: 'no such file' },
		]);
		expect(brokenOn('feed-links/subscriptions.opml')).toEqual([
			{ url: 'https://intranet.example/feeds/renamed.xml', reason: 'no such file' },
		]);
		expect(brokenOn('feed-links/sitemap.xml')).toEqual([{ url: 'https://intranet.example/sitemap-only-page/', reason: 'no such file' }]);
		expect(brokenOn('feed-links/search.json')).toEqual([{ url: 'https://intranet.example/json-only-page/', reason: 'no such file' }]);
		// The links that do resolve were looked at too.
		const checked = report.checked.filter((link) => link.page.startsWith('feed-links/')).map((link) => link.url);
		expect(checked).toEqual(
			expect.arrayContaining([
				'https://intranet.example/clean/',
				'https://intranet.example/clean/#top-of-nothing',
				'https://intranet.example/feed-links/feed.xml',
			]),
		);
	});

	it('reports a stylesheet that @imports a missing one', () => {
		expect(brokenOn('css-import/imports.css')).toEqual([{ url: 'no-such-theme.css', reason: 'no such file' }]);
		expect(brokenOn('css-import/index.html')).toEqual([]);
	});

	it('resolves links against <base href>, and reports one that leads nowhere from there', () => {
		// Beside the page the file exists, and the fragment does not: the base decides both.
		expect(brokenOn('base-href/index.html')).toEqual([{ url: 'beside-this-page.svg', reason: 'no such file' }]);
	});

	it('reports a file loaded from another origin, but not a link a reader follows there', () => {
		expect(report.broken.filter((link) => link.page === 'outside-font/index.html')).toEqual([
			{
				page: 'outside-font/index.html',
				url: 'https://fonts.googleapis.com/css2?family=Inter&display=swap',
				reason: 'loaded from https://fonts.googleapis.com, outside the site',
			},
		]);
		expect(report.broken.map((link) => link.url)).not.toContain('https://example.org/');
	});

	it('reports a link that escapes the base, as a hard-coded root link would under /it/', async () => {
		const { broken } = await checkLinks({ dist: BROKEN, base: '/broken/', site: SITE });
		expect(broken).toContainEqual({ page: 'dead-link/index.html', url: '/missing.css', reason: 'outside the base /broken/' });
	});
});

describe('rebaseLink (links writers put in MDX)', () => {
	it('gives root-relative hub routes the base, once, and leaves other links alone', () => {
		expect(rebaseLink('/papers/x/', '/it/')).toBe('/it/papers/x/');
		expect(rebaseLink('/it/papers/x/', '/it/')).toBe('/it/papers/x/');
		expect(rebaseLink('/papers/x/', '/')).toBe('/papers/x/');
		for (const other of ['../x/', '#part', '//cdn.example/x', 'https://example.org/', 'mailto:it@example.org']) {
			expect(rebaseLink(other, '/it/')).toBe(other);
		}
	});
});
