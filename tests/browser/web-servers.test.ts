import { parseFeed } from '@rowanmanning/feed-parser';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CSP_HEADER } from '../../src/integrations/csp';
import { launchBrowser } from '../helpers/browser';
import { listFiles } from '../helpers/build-hub';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, contentTypesFor, FEED_TYPE, isCompressible, isHashed } from '../helpers/deploy-settings';
import { visitPage } from '../helpers/gates/browser';
import { startWebServer, type ServerKind, type WebServer } from '../helpers/web-servers';

/**
 * The example hub served by Debian's nginx and Apache with the settings shipped in deploy/ (as an
 * administrator would set them), at / and under /it/.
 */
const SITES = [
	{ base: '/', dist: () => inject('exampleDist') },
	{ base: '/it/', dist: () => inject('exampleItDist') },
];
const SERVERS: ServerKind[] = ['nginx', 'apache'];

/** Smaller files are not worth compressing (nginx's `gzip_min_length` is 256 bytes). */
const WORTH_COMPRESSING = 1024;

/** Bounds the wait for search results, so a search the policy broke fails instead of hanging; loopback answers in well under a second. */
const SEARCH_LIMIT_MS = 120_000;

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

describe.each(SERVERS.flatMap((kind) => SITES.map((site) => ({ kind, ...site }))))(
	'$kind serving the example hub at $base',
	({ kind, base, dist }) => {
		let server: WebServer;

		beforeAll(async () => {
			server = await startWebServer(kind, { base, dist: dist() });
		});
		afterAll(async () => {
			await server.stop();
		});

		/** Asks for a path under the base as a browser does: brotli or gzip welcome, redirects not followed. */
		const get = (file: string, headers: Record<string, string> = {}) =>
			fetch(new URL(file, server.url), { headers: { 'accept-encoding': 'br, gzip', ...headers }, redirect: 'manual' });
		const typeOf = (response: Response) => response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';

		it('sends every file and folder of the hub intact, with the policy, nosniff, its type and the caching its name allows', async () => {
			const problems: string[] = [];
			const files = await listFiles(dist());
			const folders = files.filter((file) => file.endsWith('/index.html')).map((file) => file.slice(0, -'index.html'.length));
			for (const url of ['', ...folders, ...files]) {
				const file = url === '' || url.endsWith('/') ? `${url}index.html` : url;
				const response = await get(url);
				const body = Buffer.from(await response.arrayBuffer());
				const problem = (what: string) => problems.push(`${url || base}: ${what}`);
				if (response.status !== 200) problem(`status ${response.status}`);
				if (response.headers.get('content-security-policy') !== CSP_HEADER)
					problem(`policy ${response.headers.get('content-security-policy')}`);
				if (response.headers.get('x-content-type-options') !== 'nosniff') problem('no nosniff');
				const types = contentTypesFor(file);
				if (!types) problem('a kind of file tests/helpers/deploy-settings.ts does not list: add its type there and to deploy/');
				else if (!types.includes(typeOf(response))) problem(`type ${typeOf(response)}, expected ${types.join(' or ')}`);
				const cache = isHashed(file) ? CACHE_IMMUTABLE : CACHE_REVALIDATE;
				if (response.headers.get('cache-control') !== cache)
					problem(`cache-control ${response.headers.get('cache-control')}, expected ${cache}`);
				// fetch() undoes the compression, so this also proves the compressed body decodes to the file.
				if (!body.equals(await fs.readFile(path.join(dist(), file)))) problem('body differs from the built file');
				const encoding = response.headers.get('content-encoding');
				if (isCompressible(typeOf(response)) && body.length >= WORTH_COMPRESSING) {
					if (encoding !== 'br') problem(`content-encoding ${encoding}, expected br`);
					if (!/accept-encoding/i.test(response.headers.get('vary') ?? '')) problem('compressed without Vary: Accept-Encoding');
				} else if (!isCompressible(typeOf(response)) && encoding) problem(`${encoding} on a file that is compressed already`);
			}
			expect(problems).toEqual([]);
		});

		it('compresses pages, styles and scripts with gzip for a browser that does not take brotli', async () => {
			const files = await listFiles(dist());
			const samples = [
				'index.html',
				files.find((file) => file.endsWith('.css'))!,
				files.find((file) => file.startsWith('_astro/') && file.endsWith('.js'))!,
			];
			for (const file of samples) {
				const response = await get(file, { 'accept-encoding': 'gzip' });
				expect(response.headers.get('content-encoding'), file).toBe('gzip');
				expect(Buffer.from(await response.arrayBuffer()).equals(await fs.readFile(path.join(dist(), file))), file).toBe(true);
			}
		});

		it('lets a browser revalidate a page or a feed at the cost of a 304', async () => {
			for (const file of ['', 'papers/', 'feeds/all.xml']) {
				const first = await get(file);
				await first.arrayBuffer();
				const etag = first.headers.get('etag');
				const modified = first.headers.get('last-modified');
				expect(etag ?? modified, `${file}: neither ETag nor Last-Modified`).toBeTruthy();
				const again = await get(file, etag ? { 'if-none-match': etag } : { 'if-modified-since': modified! });
				expect(again.status, file).toBe(304);
				expect(again.headers.get('cache-control'), file).toBe(CACHE_REVALIDATE);
			}
		});

		it('answers a missing page with status 404 and the hub’s own not-found page, under the policy', async () => {
			const notFound = await fs.readFile(path.join(dist(), '404.html'));
			for (const url of ['no-such-page/', 'papers/no-such-paper/', 'feeds/no-such-feed.xml']) {
				const response = await get(url);
				expect(response.status, url).toBe(404);
				expect(typeOf(response), url).toBe('text/html');
				expect(Buffer.from(await response.arrayBuffer()).equals(notFound), `${url}: not the hub's 404 page`).toBe(true);
				expect(response.headers.get('content-security-policy'), url).toBe(CSP_HEADER);
			}
		});

		it('sends a folder asked for without its slash to the folder, under the base', async () => {
			const response = await get('papers');
			expect(response.status).toBe(301);
			expect(new URL(response.headers.get('location')!, server.url).href).toBe(`${server.url}papers/`);
		});

		it('runs search in Chromium under the header: a typed query finds its paper, with no CSP violation or console error', async () => {
			const ptarmigan = `${base}papers/stock-visibility-ptarmigan/`;
			const typeQuery = async (page: Page) => {
				const box = page.getByRole('searchbox', { name: /^Search papers/ });
				await box.fill('Ptarmigan');
				await box.press('Enter');
				await page.locator(`main a[href="${ptarmigan}"]`).first().waitFor({ timeout: SEARCH_LIMIT_MS });
			};
			const visits = [
				await visitPage(browser, server.url),
				await visitPage(browser, `${server.url}papers/tokyo-pop-up-store/`),
				await visitPage(browser, `${server.url}search/`, { interact: typeQuery }),
				await visitPage(browser, `${server.url}no-such-page/`, { expectNotFound: true }),
			];
			for (const visit of visits) {
				expect(visit.cspViolations, visit.url).toEqual([]);
				expect(visit.errors, visit.url).toEqual([]);
				expect(visit.outsideRequests, visit.url).toEqual([]);
			}
			// The search ran here, through this server: its worker loaded Pagefind and the index.
			const search = visits[2]!;
			expect(search.requests).toContain(`${server.url}pagefind/pagefind.js`);
			expect(search.requests.some((url) => url.startsWith(`${server.url}pagefind/fragment/`))).toBe(true);
		});

		it('serves feeds as RSS that a feed reader parses, and sitemaps as XML', async () => {
			for (const file of ['feeds/executives.xml', 'feeds/topics/cloud.xml']) {
				const response = await get(file);
				expect(typeOf(response), file).toBe(FEED_TYPE);
				const feed = parseFeed(await response.text());
				expect(feed.title, file).toBe(parseFeed(await fs.readFile(path.join(dist(), file), 'utf8')).title);
				expect(feed.items.length, file).toBeGreaterThan(0);
			}
			expect(['application/xml', 'text/xml']).toContain(typeOf(await get('sitemap-index.xml')));
		});

		it('logged no warning about the shipped settings', async () => {
			const serious = kind === 'nginx' ? /\[(warn|crit|alert|emerg)\]/ : /:(warn|error|crit|alert|emerg)\]/;
			expect((await server.errorLog()).split('\n').filter((line) => serious.test(line))).toEqual([]);
		});
	},
);
