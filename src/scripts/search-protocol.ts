/** Messages between the search page (`search-client.ts`) and its Pagefind workers (`search-worker.ts`). */

/** Ticked values per facet: values of one facet are ORed (`any`), facets ANDed. */
export type Filters = Record<string, { any: string[] }>;

export interface SearchOptions {
	filters?: Filters;
	sort?: Record<string, 'asc' | 'desc'>;
}

/** What a result shows: the part of Pagefind's `data()` the page uses. */
export interface ResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
}

/** Which work a worker does: "counts" loads Pagefind's filter index, "results" never does. */
export type WorkerRole = 'results' | 'counts';

export type WorkerRequest =
	/** Start Pagefind; the first request a worker gets. */
	| { kind: 'start'; id: number; role: WorkerRole }
	| { kind: 'preload'; id: number; query: string; options: SearchOptions }
	/** Search, then send the text of the first `first` results. */
	| { kind: 'search'; id: number; query: string | null; options: SearchOptions; first: number }
	/** The text of more results of search `id`, if it is still the latest. */
	| { kind: 'data'; id: number; from: number; count: number }
	/** How many results a search finds. */
	| { kind: 'count'; id: number; query: string; options: SearchOptions }
	/** Facet counts: `own` holds, per facet with ticks, the filters without that facet's own. */
	| { kind: 'counts'; id: number; query: string | null; filters: Filters; own: Record<string, Filters>; facets: string[] };

export type WorkerReply =
	/** A start or preload finished. */
	| { kind: 'done'; id: number }
	| { kind: 'found'; id: number; total: number }
	| { kind: 'data'; id: number; index: number; data: ResultData }
	| { kind: 'count'; id: number; total: number }
	| { kind: 'counts'; id: number; counts: Record<string, Record<string, number>> }
	| { kind: 'error'; id: number; message: string };
