/**
 * The search page: runs the query and the ticked facets of the page's GET form through Pagefind's
 * JavaScript API and keeps them in the URL (`?q=crm&segment=Finance`), so a search can be shared.
 * Pagefind's own UIs AND every ticked value; here values of one facet are ORed (`any`) and facets
 * are ANDed, and each facet's counts ignore that facet's own ticks, so they say what ticking adds.
 */

interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	filters: Record<string, string[] | undefined>;
}
interface PagefindSearch {
	results: { id: string; data: () => Promise<PagefindResultData> }[];
	filters: Record<string, Record<string, number>>;
}
type Filters = Record<string, { any: string[] }>;
interface PagefindApi {
	options: (options: { baseUrl?: string; excerptLength?: number; excerptEllipsis?: string }) => Promise<void>;
	filters: () => Promise<Record<string, Record<string, number>>>;
	search: (query: string | null, options?: { filters?: Filters; sort?: Record<string, 'asc' | 'desc'> }) => Promise<PagefindSearch | null>;
}

/** Results rendered at once; "Show more" adds as many again. */
const PAGE_SIZE = 20;
/** Pause after the last keystroke before searching while someone types. */
const TYPING_DELAY_MS = 200;

let pagefind: Promise<PagefindApi> | undefined;

function loadPagefind(): Promise<PagefindApi> {
	pagefind ??= (async () => {
		// Built by `src/integrations/search.ts` after Vite has run, so Vite must not try to resolve it.
		const api = (await import(/* @vite-ignore */ `${import.meta.env.BASE_URL}pagefind/pagefind.js`)) as PagefindApi;
		// The index stores paths from the site's root; results must link under the base (`/it/`).
		await api.options({ baseUrl: import.meta.env.BASE_URL, excerptLength: 28, excerptEllipsis: '…' });
		// Searches report counts per filter value only once the filter index is loaded.
		await api.filters();
		return api;
	})();
	return pagefind;
}

interface SearchState {
	query: string;
	/** Ticked values per facet. */
	selected: Map<string, string[]>;
	byDate: boolean;
}

export function startSearch(form: HTMLFormElement): void {
	const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
	const sort = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
	const status = form.querySelector<HTMLElement>('[data-status]')!;
	const region = status.closest('section')!;
	const list = form.querySelector<HTMLOListElement>('[data-results]')!;
	const more = form.querySelector<HTMLButtonElement>('[data-more]')!;
	const facets = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')].map((fieldset) => ({
		name: fieldset.dataset.facet!,
		boxes: [...fieldset.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')],
	}));

	let run = 0;
	let shown: PagefindSearch['results'] = [];
	let typing: ReturnType<typeof setTimeout> | undefined;

	/** The form's state as URL parameters, leaving out empty ones so shared links stay short. */
	const formParams = () => {
		const params = new URLSearchParams();
		for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value.trim()) params.append(name, value.trim());
		return params;
	};

	const readForm = (): SearchState => ({
		query: input.value.trim(),
		selected: new Map(facets.map(({ name, boxes }) => [name, boxes.filter((box) => box.checked).map((box) => box.value)])),
		byDate: sort.value === 'date',
	});

	const writeForm = (params: URLSearchParams) => {
		input.value = params.get('q') ?? '';
		sort.value = params.get('sort') === 'date' ? 'date' : '';
		for (const { name, boxes } of facets) {
			const ticked = params.getAll(name);
			for (const box of boxes) box.checked = ticked.includes(box.value);
		}
	};

	const filtersOf = (state: SearchState, except?: string): Filters =>
		Object.fromEntries(
			[...state.selected].filter(([name, values]) => name !== except && values.length > 0).map(([name, values]) => [name, { any: values }]),
		);

	const update = async () => {
		const current = ++run;
		region.setAttribute('aria-busy', 'true');
		try {
			await searchAndShow(current);
		} catch (error) {
			// The index is made from built pages: `astro dev` has none.
			const advice = import.meta.env.DEV ? 'The preview has no search index: build the site to try search.' : 'Please try again later.';
			if (current === run) status.textContent = `Search is not available right now. ${advice}`;
			throw error;
		} finally {
			if (current === run) region.setAttribute('aria-busy', 'false');
		}
	};

	const searchAndShow = async (current: number) => {
		const state = readForm();
		const filtering = [...state.selected.values()].some((values) => values.length > 0);
		if (!state.query && !filtering) {
			list.replaceChildren();
			more.hidden = true;
			status.textContent = 'Type a word or tick a filter to search the hub.';
			const counts = await facetCounts(state);
			if (current === run) showCounts(state, counts);
			return;
		}
		const api = await loadPagefind();
		const search = await api.search(state.query || null, {
			filters: filtersOf(state),
			// Without words there is no relevance to rank by: newest first is the useful order.
			...(state.byDate || !state.query ? { sort: { date: 'desc' as const } } : {}),
		});
		const counts = await facetCounts(state, search);
		if (current !== run || !search) return;
		shown = search.results;
		list.replaceChildren();
		await renderMore(state.query);
		if (current !== run) return;
		showCounts(state, counts);
		status.textContent = summary(search.results.length, state);
	};

	/**
	 * Counts per facet value: for a facet with ticks, from a search without that facet's own filter,
	 * so an unticked value's count is what ticking it would add. Other facets share one search.
	 */
	const facetCounts = async (state: SearchState, search?: PagefindSearch | null) => {
		const api = await loadPagefind();
		const query = state.query || null;
		const base = search ?? (await api.search(query, { filters: filtersOf(state) }));
		const counts = new Map<string, Record<string, number>>();
		await Promise.all(
			facets.map(async ({ name }) => {
				const own = (state.selected.get(name) ?? []).length > 0 ? await api.search(query, { filters: filtersOf(state, name) }) : base;
				counts.set(name, own?.filters[name] ?? {});
			}),
		);
		return counts;
	};

	const showCounts = (state: SearchState, counts: Map<string, Record<string, number>>) => {
		for (const { name, boxes } of facets) {
			for (const box of boxes) {
				const count = counts.get(name)?.[box.value] ?? 0;
				const label = box.closest('label')!.querySelector<HTMLElement>('[data-count]')!;
				label.textContent = String(count);
				label.toggleAttribute('data-empty', count === 0 && !state.selected.get(name)?.includes(box.value));
			}
		}
	};

	const renderMore = async (query: string) => {
		const current = run;
		const page = shown.slice(list.children.length, list.children.length + PAGE_SIZE);
		const data = await Promise.all(page.map((result) => result.data()));
		if (current !== run) return;
		list.append(...data.map((result) => renderResult(result, query)));
		more.hidden = list.children.length >= shown.length;
	};

	const searchNow = (history: 'push' | 'replace') => {
		clearTimeout(typing);
		const params = formParams();
		const url = `${location.pathname}${params.size > 0 ? `?${params}` : ''}`;
		if (url !== `${location.pathname}${location.search}`) {
			if (history === 'push') window.history.pushState(null, '', url);
			else window.history.replaceState(null, '', url);
		}
		void update();
	};

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		searchNow('push');
	});
	input.addEventListener('input', () => {
		clearTimeout(typing);
		typing = setTimeout(() => {
			searchNow('replace');
		}, TYPING_DELAY_MS);
	});
	form.addEventListener('change', (event) => {
		if (event.target !== input) searchNow('replace');
	});
	const showMore = async () => {
		const first = list.children.length;
		region.setAttribute('aria-busy', 'true');
		await renderMore(readForm().query);
		region.setAttribute('aria-busy', 'false');
		// Keyboard users carry on reading where the new results begin.
		list.children[first]?.querySelector('a')?.focus();
	};
	more.addEventListener('click', () => void showMore());
	window.addEventListener('popstate', () => {
		writeForm(new URLSearchParams(location.search));
		void update();
	});

	writeForm(new URLSearchParams(location.search));
	void update();
}

function summary(count: number, state: SearchState): string {
	const found = count === 0 ? 'No results' : count === 1 ? '1 result' : `${count} results`;
	const words = state.query ? ` for “${state.query}”` : '';
	const filtered = [...state.selected.values()].some((values) => values.length > 0) ? ' with the chosen filters' : '';
	return `${found}${words}${filtered}.`;
}

function renderResult(result: PagefindResultData, query: string): HTMLLIElement {
	const item = document.createElement('li');
	item.className = 'result';

	const kind = document.createElement('p');
	kind.className = 'kind';
	kind.textContent = result.meta.type ?? '';

	const heading = document.createElement('h3');
	const link = document.createElement('a');
	link.href = result.url;
	link.textContent = result.meta.title ?? result.url;
	heading.append(link);

	const excerpt = document.createElement('p');
	excerpt.className = 'excerpt';
	// Pagefind escapes the page text and adds only <mark> around the matched words. Without words
	// to match, the entry's own summary says more than the opening of its page.
	if (query) excerpt.innerHTML = result.excerpt;
	else excerpt.textContent = result.meta.summary ?? '';

	const details = document.createElement('p');
	details.className = 'details';
	const date = document.createElement('time');
	date.dateTime = result.meta.datetime ?? '';
	date.textContent = result.meta.date ?? '';
	const segments = result.filters.segment ?? [];
	details.append(date, segments.length > 0 ? ` · For ${segments.join(', ')}` : '');

	item.append(kind, heading, excerpt, details);
	return item;
}
