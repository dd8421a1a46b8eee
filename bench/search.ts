/**
 * Times a search the way a reader does it: open the built search page in Chromium, type a query and
 * wait until results are on screen. Falls back to Pagefind's JavaScript API in the page when the
 * search page has no search form yet.
 */
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveDist } from '../tests/helpers/serve.ts';

export interface SearchTiming {
	method: string;
	queries: { query: string; ms: number; results: number; first: boolean }[];
	note?: string;
}

export async function timeSearch(dist: string, queries: readonly string[]): Promise<SearchTiming> {
	const server = await serveDist(dist);
	const browser = await launchBrowser();
	try {
		const page = await browser.newPage();
		await page.goto(`${server.url}search/`, { waitUntil: 'networkidle' });
		const input = page.locator('main form[data-search] input[name="q"]');
		const timing: SearchTiming = { method: '', queries: [] };
		if ((await input.count()) === 1) {
			timing.method = 'search page: query typed into the form, then Enter; until the first result is on screen';
			timing.note =
				'The page loads Pagefind and its filters on arrival, before the first query. Enter searches at once; while typing, the page waits 200 ms after the last keystroke before it searches (add that for type-and-wait).';
			for (const [i, query] of queries.entries()) {
				await input.fill(query);
				const started = await page.evaluate(() => performance.now());
				await input.press('Enter');
				// The page writes the status line ("12 results for “cloud”.") after it has rendered the results.
				await page.waitForFunction((q) => document.querySelector('[data-status]')?.textContent.includes(`“${q}”`), query, {
					polling: 'raf',
				});
				const { ended, results } = await page.evaluate(() => ({
					ended: performance.now(),
					results: document.querySelectorAll('[data-results] > li').length,
				}));
				timing.queries.push({ query, ms: ended - started, results, first: i === 0 });
			}
		} else {
			timing.method =
				"Pagefind JS API in the page (the search page has no form yet): import('/pagefind/pagefind.js'), search(), first result's data()";
			for (const [i, query] of queries.entries()) {
				const { ms, results } = await page.evaluate(async (q) => {
					const started = performance.now();
					const pagefind = (await import(/* @vite-ignore */ '/pagefind/pagefind.js')) as {
						search: (query: string) => Promise<{ results: { data: () => Promise<unknown> }[] }>;
					};
					const search = await pagefind.search(q);
					await search.results[0]?.data();
					return { ms: performance.now() - started, results: search.results.length };
				}, query);
				timing.queries.push({ query, ms, results, first: i === 0 });
			}
		}
		return timing;
	} finally {
		await browser.close();
		await server.close();
	}
}
