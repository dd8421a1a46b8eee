/**
 * The search page's side of a Pagefind worker (`search-worker.ts`): each request is a message
 * answered by id. A worker whose script failed to load is replaced by the next request; inside it,
 * a Pagefind that failed to start is started again by the next request.
 */
import type { Filters, ResultData, SearchOptions, WorkerReply, WorkerRequest, WorkerRole } from './search-protocol';

/** A search's results: how many, and the text of those asked for, in order. */
export interface Found {
	total: number;
	/** The text of up to `count` results from `from`; undefined once a newer search has replaced this one. */
	data: (from: number, count: number) => Promise<ResultData | undefined>[];
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

let nextId = 0;

export class PagefindWorker {
	readonly #role: WorkerRole;
	#worker: Worker | undefined;
	readonly #waiting = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();
	/** The latest search, and per result index the text on its way from the worker. */
	#latest = -1;
	#texts = new Map<number, PromiseWithResolvers<ResultData | undefined>>();

	constructor(role: WorkerRole) {
		this.#role = role;
	}

	/** Starts Pagefind in the worker (again, if that failed); resolves once it is ready. */
	async start(): Promise<void> {
		await this.#ask({ kind: 'start', role: this.#role });
	}

	async preload(query: string, options: SearchOptions): Promise<void> {
		await this.#ask({ kind: 'preload', query, options });
	}

	/** Searches, and has the worker send the text of the first `first` results as soon as it has them. */
	async search(query: string | null, options: SearchOptions, first: number): Promise<Found> {
		const id = ++nextId;
		// Texts of an older search will not come any more: nothing may wait for them.
		for (const text of this.#texts.values()) text.resolve(undefined);
		this.#latest = id;
		this.#texts = new Map();
		this.#expect(0, first);
		const reply = await this.#ask({ kind: 'search', query, options, first }, id);
		const total = reply.kind === 'found' ? reply.total : 0;
		return {
			total,
			data: (from, count) => {
				const indexes = [...Array(Math.max(0, Math.min(from + count, total) - from)).keys()].map((i) => from + i);
				if (this.#latest !== id) return indexes.map(() => Promise.resolve(undefined));
				const missing = indexes.filter((index) => !this.#texts.has(index));
				if (missing.length > 0) {
					this.#expect(missing[0]!, missing.length);
					this.#post({ kind: 'data', id, from: missing[0]!, count: missing.length });
				}
				return indexes.map((index) => this.#texts.get(index)!.promise);
			},
		};
	}

	async count(query: string, options: SearchOptions): Promise<number> {
		const reply = await this.#ask({ kind: 'count', query, options });
		return reply.kind === 'count' ? reply.total : 0;
	}

	async counts(query: string | null, filters: Filters, own: Record<string, Filters>, facets: string[]) {
		const reply = await this.#ask({ kind: 'counts', query, filters, own, facets });
		return new Map(Object.entries(reply.kind === 'counts' ? reply.counts : {}));
	}

	#expect(from: number, count: number) {
		for (let index = from; index < from + count; index++) {
			const text = Promise.withResolvers<ResultData | undefined>();
			// A failure reaches whoever awaits the text; texts below the screen may have no one.
			text.promise.catch(() => undefined);
			this.#texts.set(index, text);
		}
	}

	#ask(request: Request, id = ++nextId): Promise<WorkerReply> {
		return new Promise((resolve, reject) => {
			this.#waiting.set(id, { resolve, reject });
			this.#post({ ...request, id });
		});
	}

	#post(request: WorkerRequest) {
		if (!this.#worker) {
			this.#worker = this.#spawn();
			// Its role comes first: the worker starts Pagefind for it.
			if (request.kind !== 'start') this.#worker.postMessage({ kind: 'start', id: ++nextId, role: this.#role } satisfies WorkerRequest);
		}
		this.#worker.postMessage(request);
	}

	#spawn(): Worker {
		const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
		worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
			this.#receive(event.data);
		});
		worker.addEventListener('error', () => {
			if (this.#worker !== worker) return;
			worker.terminate();
			this.#worker = undefined;
			for (const waiting of this.#waiting.values()) waiting.reject(new Error('The search worker could not start.'));
			this.#waiting.clear();
		});
		return worker;
	}

	#receive(reply: WorkerReply) {
		if (reply.kind === 'data') {
			if (reply.id === this.#latest) this.#texts.get(reply.index)?.resolve(reply.data);
			return;
		}
		const waiting = this.#waiting.get(reply.id);
		this.#waiting.delete(reply.id);
		if (reply.kind === 'error' && reply.id === this.#latest) for (const text of this.#texts.values()) text.reject(new Error(reply.message));
		if (reply.kind === 'error') waiting?.reject(new Error(reply.message));
		else waiting?.resolve(reply);
	}
}
