/**
 * Times a search the way a reader does it, in Chromium: open the built search page (Pagefind
 * starts as it loads), type the query, press Enter, and stop the clock when the first result is
 * painted. Each query runs in a fresh browser context, so nothing of its index is cached, and
 * several times (medians). Also counts the bytes each query fetches after the page has loaded,
 * times typing without Enter (the page searches after a pause), and times Pagefind's JavaScript
 * API alone, which separates the search engine from the page's own work.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import type { Browser, Page, Request } from 'playwright-core';
import { launchBrowser } from '../tests/helpers/browser.ts';

/** The bench's queries: the same words at every size, chosen from the generator's vocabulary. */
export const BENCH_QUERIES = [
	{ kind: 'rare', label: 'rare word', query: 'accessibility' },
	{ kind: 'half', label: 'word on half the pages', query: 'spreadsheets' },
	{ kind: 'two', label: 'two-word query', query: 'customer records' },
] as const;

export type QueryKind = (typeof BENCH_QUERIES)[number]['kind'];

export interface QueryTiming {
	kind: QueryKind;
	query: string;
	/** Results the search found. */
	results: number;
	/** Pages whose text has the first word (from the word list the build writes). */
	pagesWithWord: number;
	/** Enter to the first result painted, per run. */
	enterMs: number[];
	/** Last keystroke to the first result painted, typing without Enter, per run. */
	typedMs: number[];
	/** Bytes fetched from the first keystroke until results and facet counts are shown, per run. */
	bytes: number[];
	/** Pagefind's API alone: `search()` and the first result's `data()`, fresh context, per run. */
	apiMs: number[];
}

export interface SearchTiming {
	pages: number;
	runs: number;
	queries: QueryTiming[];
}

/** Keys typed this far apart: a steady typist, without the pause after which the page searches. */
const KEY_DELAY_MS = 60;

/** Opens the search page in a fresh context and waits until Pagefind and its filter index are in. */
async function openSearchPage(
	browser: Browser,
	url: string,
): Promise<{ page: Page; requests: () => number; bytes: (from: number) => Promise<number>; close: () => Promise<void> }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	const finished: Request[] = [];
	// Requests from the page's workers are reported on the page too. Their sizes are asked for only
	// after the timing: each is a round trip to the browser.
	page.on('requestfinished', (request) => finished.push(request));
	await page.goto(url, { waitUntil: 'networkidle' });
	await page.locator('section[aria-busy="false"]').waitFor();
	const bytes = async (from: number) => {
		let sum = 0;
		for (const request of finished.slice(from)) {
			const sizes = await request.sizes();
			sum += sizes.responseBodySize + sizes.responseHeadersSize;
		}
		return sum;
	};
	return { page, requests: () => finished.length, bytes, close: () => context.close() };
}

/** Resolves in the page with the time the first result for `query` was painted. */
function watchFirstResult(page: Page, query: string) {
	return page.evaluate(
		(q) =>
			new Promise<number>((resolve) => {
				const list = document.querySelector<HTMLElement>('[data-results]')!;
				const observer = new MutationObserver(() => {
					if (list.dataset.query !== q || !list.querySelector('li')) return;
					observer.disconnect();
					// The frame that shows the result, then the task after its paint.
					requestAnimationFrame(() =>
						setTimeout(() => {
							resolve(performance.now());
						}),
					);
				});
				observer.observe(list, { childList: true, attributes: true });
				(window as unknown as { __benchWatching: boolean }).__benchWatching = true;
			}),
		query,
	);
}

/**
 * Types `query` into the page's box one character every KEY_DELAY_MS, as `input` events, then
 * submits as Enter does (or not), and returns when the last key or Enter happened. Done inside
 * the page: on a busy machine the driver's own key presses arrive late and unevenly, and a late
 * Enter would come after the pause in which the page already searched.
 */
function typeInPage(page: Page, query: string, enter: boolean): Promise<number> {
	return page.evaluate(
		async ({ q, submit, delay }) => {
			const form = document.querySelector<HTMLFormElement>('main form[data-search]')!;
			const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
			input.focus();
			for (let i = 1; i <= q.length; i++) {
				if (i > 1) await new Promise((resolve) => setTimeout(resolve, delay));
				input.value = q.slice(0, i);
				input.dispatchEvent(new Event('input', { bubbles: true }));
			}
			const at = performance.now();
			if (submit) form.requestSubmit();
			return at;
		},
		{ q: query, submit: enter, delay: KEY_DELAY_MS },
	);
}

async function timeOnPage(browser: Browser, url: string, query: string, enter: boolean) {
	const { page, requests, bytes, close } = await openSearchPage(browser, url);
	try {
		const painted = watchFirstResult(page, query);
		await page.waitForFunction(() => (window as unknown as { __benchWatching?: boolean }).__benchWatching === true);
		const before = requests();
		const typed = await typeInPage(page, query, enter);
		const ms = (await painted) - typed;
		// Everything the query fetched: results, then facet counts.
		await page.locator(`section[aria-busy="false"] [data-results][data-query="${query}"]`).waitFor();
		await page.waitForLoadState('networkidle');
		const results = Number(/^(\d+) results?/.exec((await page.locator('[data-status]').textContent()) ?? '')?.[1] ?? 0);
		return { ms, bytes: await bytes(before), results };
	} finally {
		await close();
	}
}

async function timeApi(browser: Browser, url: string, query: string): Promise<number> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(url, { waitUntil: 'networkidle' });
		return await page.evaluate(async (q) => {
			// A variable, not a literal: the module exists only in the served site, not for TypeScript.
			const module = '/pagefind/pagefind.js';
			const pagefind = (await import(/* @vite-ignore */ module)) as {
				init: () => Promise<void>;
				search: (query: string) => Promise<{ results: { data: () => Promise<unknown> }[] }>;
			};
			await pagefind.init();
			const started = performance.now();
			const search = await pagefind.search(q);
			await search.results[0]?.data();
			return performance.now() - started;
		}, query);
	} finally {
		await context.close();
	}
}

/** Times each bench query `runs` times in the hub built in `dist`. */
export async function timeSearch(dist: string, runs = 3): Promise<SearchTiming> {
	const server = fork(new URL('serve-process.ts', import.meta.url), [dist], { stdio: 'inherit' });
	const [{ url: served }] = (await once(server, 'message')) as [{ url: string }];
	const browser = await launchBrowser();
	const url = `${served}search/`;
	try {
		const words = (await (await fetch(`${served}pagefind/hourglass-words.json`)).json()) as { words: [string, number][] };
		const entry = (await (await fetch(`${served}pagefind/pagefind-entry.json`)).json()) as {
			languages: Record<string, { page_count: number }>;
		};
		// One untimed visit first: the first page a new browser opens also pays for its own start-up.
		await (await openSearchPage(browser, url)).close();
		const queries: QueryTiming[] = [];
		for (const { kind, query } of BENCH_QUERIES) {
			const timing: QueryTiming = {
				kind,
				query,
				results: 0,
				pagesWithWord: words.words.find(([word]) => word === query.split(' ')[0])?.[1] ?? 0,
				enterMs: [],
				typedMs: [],
				bytes: [],
				apiMs: [],
			};
			for (let run = 0; run < runs; run++) {
				const entered = await timeOnPage(browser, url, query, true);
				timing.enterMs.push(entered.ms);
				timing.bytes.push(entered.bytes);
				timing.results = entered.results;
				timing.typedMs.push((await timeOnPage(browser, url, query, false)).ms);
				timing.apiMs.push(await timeApi(browser, url, query));
			}
			queries.push(timing);
		}
		return { pages: Object.values(entry.languages)[0]?.page_count ?? 0, runs, queries };
	} finally {
		await browser.close();
		server.disconnect();
		await once(server, 'exit');
	}
}
