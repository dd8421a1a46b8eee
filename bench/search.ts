/**
 * Times a search the way a reader does it: open the built search page in Chromium, type a query,
 * press Enter and wait until the results are on screen. Also times Pagefind's JavaScript API alone
 * in a fresh browser context, which separates the search engine from the page's own work (facet
 * counts, rendering results), and is all there is to measure if the page has no search form.
 */
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveDist } from '../tests/helpers/serve.ts';

export interface QueryTiming {
	query: string;
	ms: number;
	results: number;
	/** The first query after the page loaded: nothing of the index is cached yet. */
	first: boolean;
}

export interface SearchTiming {
	/** Typed into the search page's form, until the results are shown; absent when the page has no form. */
	page?: QueryTiming[];
	/** `pagefind.search()` plus the first result's data, from the page's console. */
	api: QueryTiming[];
}

async function timeSearchPage(context: BrowserContext, url: string, queries: readonly string[]): Promise<QueryTiming[] | undefined> {
	const page = await context.newPage();
	await page.goto(url, { waitUntil: 'networkidle' });
	const input = page.locator('main form[data-search] input[name="q"]');
	if ((await input.count()) !== 1) return undefined;
	const timings: QueryTiming[] = [];
	for (const [i, query] of queries.entries()) {
		await input.fill(query);
		const started = await page.evaluate(() => performance.now());
		await input.press('Enter');
		// The page writes the status line ("12 results for “cloud”.") after it has rendered the results.
		await page.waitForFunction((q) => document.querySelector('[data-status]')?.textContent.includes(`“${q}”`), query, { polling: 'raf' });
		const { ended, results } = await page.evaluate(() => ({
			ended: performance.now(),
			results: document.querySelectorAll('[data-results] > li').length,
		}));
		timings.push({ query, ms: ended - started, results, first: i === 0 });
	}
	return timings;
}

async function timeApi(context: BrowserContext, url: string, queries: readonly string[]): Promise<QueryTiming[]> {
	const page = await context.newPage();
	await page.goto(url, { waitUntil: 'networkidle' });
	const timings: QueryTiming[] = [];
	for (const [i, query] of queries.entries()) {
		const { ms, results } = await page.evaluate(async (q) => {
			const started = performance.now();
			// A variable, not a literal: the module exists only in the served site, not for TypeScript.
			const url = '/pagefind/pagefind.js';
			const pagefind = (await import(/* @vite-ignore */ url)) as {
				search: (query: string) => Promise<{ results: { data: () => Promise<unknown> }[] }>;
			};
			const search = await pagefind.search(q);
			await search.results[0]?.data();
			return { ms: performance.now() - started, results: search.results.length };
		}, query);
		timings.push({ query, ms, results, first: i === 0 });
	}
	return timings;
}

export async function timeSearch(dist: string, queries: readonly string[]): Promise<SearchTiming> {
	const server = await serveDist(dist);
	const browser = await launchBrowser();
	try {
		// A context each, so the API's first query finds nothing cached from the page's searches.
		const page = await timeSearchPage(await browser.newContext(), `${server.url}search/`, queries);
		const api = await timeApi(await browser.newContext(), `${server.url}search/`, queries);
		return page ? { page, api } : { api };
	} finally {
		await browser.close();
		await server.close();
	}
}
