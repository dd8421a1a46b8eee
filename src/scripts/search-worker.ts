/**
 * Runs Pagefind for the search page in a worker of the page's own (`search-client.ts` starts two:
 * one for results, one for facet counts). Pagefind's own worker would hand every result of a
 * search to the page (5,000 of them for a common word in a hub of 10,000 pages), which the page
 * then wraps one by one; here results stay in this worker, which fetches the text of the first
 * ones at once and posts only those. Inside a worker Pagefind runs its WebAssembly directly.
 */
/// <reference lib="webworker" />
import { SEARCH_WARM_UP_PATH, type SearchWarmUp } from '../outputs/search-words';
import type { Filters, ResultData, SearchOptions, WorkerReply, WorkerRequest, WorkerRole } from './search-protocol';

interface PagefindResult {
	data: () => Promise<ResultData>;
}
interface PagefindSearch {
	results: PagefindResult[];
	filters: Record<string, Record<string, number>>;
}
interface PagefindApi {
	init: () => Promise<void>;
	filters: () => Promise<Record<string, Record<string, number>>>;
	preload: (query: string, options?: SearchOptions) => Promise<void>;
	search: (query: string | null, options?: SearchOptions) => Promise<PagefindSearch | null>;
}
interface PagefindModule {
	createInstance: (options: { baseUrl?: string; excerptLength?: number; excerptEllipsis?: string }) => PagefindApi;
}

declare const self: DedicatedWorkerGlobalScope;
const base = import.meta.env.BASE_URL;
/** Set by the page's first message. */
let role: WorkerRole = 'results';

let pagefind: Promise<PagefindApi> | undefined;

/** Pagefind, started once; a start that failed (the network dropped) is tried again on the next request. */
function load(): Promise<PagefindApi> {
	if (pagefind) return pagefind;
	const loading = (async () => {
		// Built by `src/integrations/search.ts` after Vite has run, so Vite must not try to resolve it.
		const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindModule;
		const api = module.createInstance({
			// The index stores paths from the site's root; results must link under the base (`/it/`).
			baseUrl: base,
			excerptLength: 28,
			excerptEllipsis: '…',
		});
		await api.init();
		// Once an instance has the filter index, every search it runs also counts every filter value
		// over every result: several times slower for a common word at 10,000 pages. Only counts need it.
		if (role === 'counts') await api.filters();
		// In the background: a search the reader starts meanwhile need not wait for its fetches.
		else void warmUp(api).catch(() => undefined);
		return api;
	})();
	pagefind = loading;
	loading.catch(() => {
		if (pagefind === loading) pagefind = undefined;
	});
	return loading;
}

/**
 * One search for a word the build chose (on a few per cent of the pages), and the text of its first
 * result, before the reader's first search. The browser first runs WebAssembly through a quick
 * compiler and optimises only what has run a while, and compiles JavaScript when it first runs:
 * without this, the reader's first search in a large hub ran several times slower than the next,
 * and the first excerpts took tens of milliseconds to build.
 */
async function warmUp(api: PagefindApi) {
	const response = await fetch(`${base}${SEARCH_WARM_UP_PATH}`).catch(() => undefined);
	if (!response?.ok) return;
	const { word } = (await response.json()) as SearchWarmUp;
	if (word) await (await api.search(word))?.results[0]?.data();
}

/** The results of the latest search, kept here; only the text of those on screen goes to the page. */
let latest: { id: number; results: PagefindResult[] } | undefined;

const post = (reply: WorkerReply) => {
	self.postMessage(reply);
};

const sendData = (id: number, results: PagefindResult[], from: number, count: number) =>
	Promise.all(
		results.slice(from, from + count).map(async (result, offset) => {
			const { url, excerpt, meta } = await result.data();
			post({ kind: 'data', id, index: from + offset, data: { url, excerpt, meta } });
		}),
	);

/**
 * Counts per facet value: with nothing asked, the index's own totals; for a facet with ticks, from a
 * search without that facet's own filter, so an unticked value's count is what ticking it would add.
 * Other facets share one search.
 */
async function facetCounts(api: PagefindApi, query: string | null, filters: Filters, own: Record<string, Filters>, facets: string[]) {
	if (!query && Object.keys(filters).length === 0) return api.filters();
	const shared = await api.search(query, { filters });
	const counts: Record<string, Record<string, number>> = {};
	await Promise.all(
		facets.map(async (name) => {
			const search = own[name] ? await api.search(query, { filters: own[name] }) : shared;
			counts[name] = search?.filters[name] ?? {};
		}),
	);
	return counts;
}

async function answer(request: WorkerRequest): Promise<void> {
	if (request.kind === 'start') role = request.role;
	const api = await load();
	switch (request.kind) {
		case 'start':
			post({ kind: 'done', id: request.id });
			return;
		case 'preload':
			await api.preload(request.query, request.options);
			post({ kind: 'done', id: request.id });
			return;
		case 'search': {
			const search = await api.search(request.query, request.options);
			const results = search?.results ?? [];
			latest = { id: request.id, results };
			post({ kind: 'found', id: request.id, total: results.length });
			await sendData(request.id, results, 0, request.first);
			return;
		}
		case 'data':
			if (latest?.id === request.id) await sendData(request.id, latest.results, request.from, request.count);
			return;
		case 'count': {
			const search = await api.search(request.query, request.options);
			post({ kind: 'count', id: request.id, total: search?.results.length ?? 0 });
			return;
		}
		case 'counts':
			post({ kind: 'counts', id: request.id, counts: await facetCounts(api, request.query, request.filters, request.own, request.facets) });
			return;
	}
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	answer(request).catch((error: unknown) => {
		post({ kind: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
	});
});
