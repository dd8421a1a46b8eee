/**
 * The search page: runs the query and the ticked facets of the page's GET form through Pagefind's
 * JavaScript API and keeps them in the URL (`?q=crm&segment=finance`), so a search can be shared.
 * Pagefind's own UIs AND every ticked value; here values of one facet are ORed (`any`) and facets
 * are ANDed, and each facet's counts ignore that facet's own ticks, so they say what ticking adds.
 *
 * Speed: Pagefind runs in workers of the page's own (`search-worker.ts`) and starts when the page
 * loads (and again when the box gains focus, if that failed), the index for the words is fetched
 * while they are typed (`preload`), results are drawn one by one as their text arrives and before
 * any facet count, and only as many as fit on the screen fetch their text (`data()`); "Show more
 * results" fetches the next ones.
 */
import { browserTranslator, type BrowserMessages } from '../content/i18n/browser';
import { SEARCH_WORDS_PATH, type SearchWords } from '../outputs/search-words';
import { PagefindWorker, type Found } from './search-client';
import type { Filters, ResultData } from './search-protocol';
import { suggestQueries } from './search-suggest';

/** Results "Show more results" adds. */
const MORE = 10;
/** Pause after the last keystroke before searching while someone types (Enter searches at once). */
const TYPING_DELAY_MS = 150;
/** Shorter words match so many index entries that fetching them ahead costs more than it saves. */
const PRELOAD_MIN_LENGTH = 3;
/** Below this width the filters fold behind one button; the page's CSS uses the same width. */
const PHONE = '(max-width: 40em)';

/**
 * Two Pagefind workers. Once Pagefind has loaded the filter index, every search it runs also
 * counts every filter value over every result: at 10,000 pages that made a common word's search
 * several times slower. So results come from a worker that never loads the filter index, and facet
 * counts from a second one, after the results are on screen; in their own workers the two never
 * wait for each other.
 */
const results = new PagefindWorker('results');
const counts = new PagefindWorker('counts');

let searchWords: Promise<SearchWords> | undefined;

/** The index's words for suggestions, fetched the first time a query finds nothing. */
function loadSearchWords(): Promise<SearchWords> {
	searchWords ??= fetch(`${import.meta.env.BASE_URL}${SEARCH_WORDS_PATH}`).then((response) =>
		response.ok ? (response.json() as Promise<SearchWords>) : { words: [] },
	);
	return searchWords;
}

/** Results fetched at first: about as many as the screen shows. */
const screenful = () => Math.min(10, Math.max(3, Math.ceil(window.innerHeight / 150)));

interface SearchState {
	query: string;
	/** Ticked values (ids) per facet. */
	selected: Map<string, string[]>;
	byDate: boolean;
}

type Say = ReturnType<typeof browserTranslator>;

export function startSearch(form: HTMLFormElement): void {
	// The page's words, in the hub's language (src/content/i18n/browser.ts).
	const say = browserTranslator(JSON.parse(form.dataset.words!) as BrowserMessages);
	const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
	const sort = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
	const layout = form.querySelector<HTMLElement>('[data-layout]')!;
	const status = form.querySelector<HTMLElement>('[data-status]')!;
	const region = status.closest('section')!;
	const list = form.querySelector<HTMLOListElement>('[data-results]')!;
	const more = form.querySelector<HTMLButtonElement>('[data-more]')!;
	const nothing = form.querySelector<HTMLElement>('[data-nothing]')!;
	const suggestions = form.querySelector<HTMLElement>('[data-suggestions]')!;
	const suggestionLinks = form.querySelector<HTMLElement>('[data-suggestion-links]')!;
	const unfiltered = form.querySelector<HTMLElement>('[data-unfiltered]')!;
	const unfilteredLink = form.querySelector<HTMLAnchorElement>('[data-unfiltered-link]')!;
	const toggle = form.querySelector<HTMLButtonElement>('[data-filters-toggle]')!;
	const chosen = toggle.querySelector<HTMLElement>('[data-chosen]')!;
	const facets = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')].map((fieldset) => ({
		name: fieldset.dataset.facet!,
		boxes: [...fieldset.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')],
	}));

	let run = 0;
	let shown: Found = { total: 0, data: () => [] };
	let typing: ReturnType<typeof setTimeout> | undefined;

	/** The form's state as URL parameters, leaving out empty ones so shared links stay short. */
	const formParams = () => {
		const params = new URLSearchParams();
		for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value.trim()) params.append(name, value.trim());
		return params;
	};
	const urlOf = (params: URLSearchParams) => `${location.pathname}${params.size > 0 ? `?${params}` : ''}`;

	const readForm = (): SearchState => ({
		query: input.value.trim(),
		selected: new Map(facets.map(({ name, boxes }) => [name, boxes.filter((box) => box.checked).map((box) => box.value)])),
		byDate: sort.value === 'date',
	});

	/** Ticks what a URL names, by id or, in links made before ids, by display name. */
	const writeForm = (params: URLSearchParams) => {
		input.value = params.get('q') ?? '';
		sort.value = params.get('sort') === 'date' ? 'date' : '';
		for (const { name, boxes } of facets) {
			const ticked = params.getAll(name).map((value) => value.trim().toLowerCase());
			for (const box of boxes) box.checked = ticked.includes(box.value.toLowerCase()) || ticked.includes(box.dataset.name!.toLowerCase());
		}
		showChosen();
	};

	const filtersOf = (state: SearchState, except?: string): Filters =>
		Object.fromEntries(
			[...state.selected].filter(([name, values]) => name !== except && values.length > 0).map(([name, values]) => [name, { any: values }]),
		);
	const isFiltering = (state: SearchState) => [...state.selected.values()].some((values) => values.length > 0);

	/** On a phone the filters fold behind one button that says how many are ticked. */
	const phone = window.matchMedia(PHONE);
	let unfolded = false;
	const fold = () => {
		toggle.hidden = !phone.matches;
		if (phone.matches) toggle.setAttribute('aria-expanded', String(unfolded));
		else toggle.removeAttribute('aria-expanded');
	};
	const showChosen = () => {
		chosen.textContent = String(facets.reduce((sum, { boxes }) => sum + boxes.filter((box) => box.checked).length, 0));
	};

	const update = async () => {
		const current = ++run;
		region.setAttribute('aria-busy', 'true');
		try {
			await searchAndShow(current);
		} catch (error) {
			// The index is made from built pages: `astro dev` has none.
			const advice = say(import.meta.env.DEV ? 'search.unavailablePreview' : 'search.unavailableLater');
			if (current === run) status.textContent = say('search.unavailable', { advice });
			throw error;
		} finally {
			if (current === run) region.setAttribute('aria-busy', 'false');
		}
	};

	const searchAndShow = async (current: number) => {
		const state = readForm();
		const filtering = isFiltering(state);
		if (!state.query && !filtering) {
			shown = { total: 0, data: () => [] };
			list.replaceChildren();
			delete list.dataset.query;
			more.hidden = true;
			nothing.hidden = true;
			layout.removeAttribute('data-empty-result');
			status.textContent = say('search.prompt');
			await showCounts(current, state);
			return;
		}
		const found = await results.search(
			state.query || null,
			{
				filters: filtersOf(state),
				// Without words there is no relevance to rank by: newest first is the useful order.
				...(state.byDate || !state.query ? { sort: { date: 'desc' as const } } : {}),
			},
			screenful(),
		);
		if (current !== run) return;
		shown = found;
		list.replaceChildren();
		list.dataset.query = state.query;
		nothing.hidden = true;
		layout.toggleAttribute('data-empty-result', found.total === 0 && !filtering);
		await renderMore(current, state.query, screenful());
		if (current !== run) return;
		status.textContent = summary(say, found.total, state);
		if (found.total === 0) await showNothing(current, state);
		await showCounts(current, state);
	};

	/** Appends the next `count` results, each as soon as its text and those above it have arrived. */
	const renderMore = async (current: number, query: string, count: number) => {
		for (const data of shown.data(list.children.length, count)) {
			const result = await data;
			if (current !== run || !result) return;
			list.append(renderResult(say, result, query));
		}
		more.hidden = list.children.length >= shown.total;
	};

	/** Nothing found: closest words of the index, the search without its filters, and ways to browse. */
	const showNothing = async (current: number, state: SearchState) => {
		suggestions.hidden = true;
		unfiltered.hidden = true;
		nothing.hidden = false;
		if (!state.query) return;
		const candidates = suggestQueries(state.query, await loadSearchWords());
		// A suggestion is offered only if it finds something with the same filters.
		const found = await Promise.all(
			candidates.map(async (query) => ({ query, count: await results.count(query, { filters: filtersOf(state) }) })),
		);
		const withoutFilters = isFiltering(state) ? await results.count(state.query, {}) : 0;
		if (current !== run) return;
		const useful = found.filter(({ count }) => count > 0);
		suggestionLinks.replaceChildren(
			...useful.flatMap(({ query, count }, i) => [...(i > 0 ? [` ${say('search.or')} `] : []), suggestionLink(query, count)]),
		);
		suggestions.hidden = useful.length === 0;
		if (withoutFilters > 0) {
			unfilteredLink.href = urlOf(new URLSearchParams({ q: state.query }));
			unfilteredLink.textContent = say('search.withoutFilters', {
				found: say('search.count', { count: withoutFilters }),
				query: state.query,
			});
			unfiltered.hidden = false;
		}
	};

	const suggestionLink = (query: string, count: number) => {
		const params = formParams();
		params.set('q', query);
		const link = document.createElement('a');
		link.className = 'suggestion';
		link.href = urlOf(params);
		link.textContent = query;
		link.title = say('search.count', { count });
		link.addEventListener('click', (event) => {
			event.preventDefault();
			input.value = query;
			searchNow('push');
		});
		return link;
	};

	/** Facet counts, after the results: from the second worker, whose filter index loads once. */
	const showCounts = async (current: number, state: SearchState) => {
		const counts = await facetCounts(state);
		if (current !== run) return;
		for (const { name, boxes } of facets) {
			for (const box of boxes) {
				const count = counts.get(name)?.[box.value] ?? 0;
				const label = box.closest('label')!.querySelector<HTMLElement>('[data-count]')!;
				label.textContent = String(count);
				label.toggleAttribute('data-empty', count === 0 && !state.selected.get(name)?.includes(box.value));
			}
		}
	};

	/** Counts per facet value; for a facet with ticks, what ticking another value would add (see the worker). */
	const facetCounts = (state: SearchState) =>
		counts.counts(
			state.query || null,
			filtersOf(state),
			Object.fromEntries(
				facets.filter(({ name }) => (state.selected.get(name) ?? []).length > 0).map(({ name }) => [name, filtersOf(state, name)]),
			),
			facets.map(({ name }) => name),
		);

	/**
	 * Fetches the index for what is being typed, one preload at a time: Pagefind's worker runs
	 * requests in turn, so a preload per keystroke would queue ahead of the search Enter starts.
	 * Words typed meanwhile replace each other; only the latest is preloaded next.
	 */
	let preloading = false;
	let nextPreload: string | undefined;
	const preload = (words: string) => {
		nextPreload = words;
		if (preloading) return;
		preloading = true;
		void (async () => {
			while (nextPreload !== undefined) {
				const term = nextPreload;
				nextPreload = undefined;
				await results.preload(term, { filters: filtersOf(readForm()) }).catch(() => undefined);
			}
			preloading = false;
		})();
	};

	/**
	 * Whether the current history entry was made by typing: the first search after a pause in typing
	 * adds an entry, the following ones while typing the same query replace it, and Enter keeps it.
	 * So Back returns to the search before, however long the reader paused before pressing Enter.
	 */
	let typedEntry = false;
	const searchNow = (history: 'push' | 'typed' | 'replace') => {
		clearTimeout(typing);
		nextPreload = undefined;
		// The search goes to the worker first; the address bar can follow.
		void update();
		const url = urlOf(formParams());
		if (url !== `${location.pathname}${location.search}`) {
			if (history !== 'replace' && !typedEntry) window.history.pushState(null, '', url);
			else window.history.replaceState(null, '', url);
			typedEntry = history === 'typed';
		} else if (history !== 'typed') typedEntry = false;
	};

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		searchNow('push');
	});
	input.addEventListener('focus', () => {
		results.start().catch(() => undefined);
	});
	input.addEventListener('input', () => {
		const words = input.value.trim();
		// "customer r" would fetch the index of every word starting with r.
		if ((words.split(/\s+/).at(-1) ?? '').length >= PRELOAD_MIN_LENGTH) preload(words);
		clearTimeout(typing);
		typing = setTimeout(() => {
			searchNow('typed');
		}, TYPING_DELAY_MS);
	});
	form.addEventListener('change', (event) => {
		if (event.target === input) return;
		showChosen();
		searchNow('replace');
	});
	toggle.addEventListener('click', () => {
		unfolded = !unfolded;
		fold();
	});
	phone.addEventListener('change', fold);
	const showMore = async () => {
		const first = list.children.length;
		const current = run;
		region.setAttribute('aria-busy', 'true');
		await renderMore(current, readForm().query, MORE);
		if (current !== run) return;
		region.setAttribute('aria-busy', 'false');
		// Keyboard users carry on reading where the new results begin.
		list.children[first]?.querySelector('a')?.focus();
	};
	more.addEventListener('click', () => void showMore());
	window.addEventListener('popstate', () => {
		typedEntry = false;
		writeForm(new URLSearchParams(location.search));
		void update();
	});

	// Start Pagefind before anything else, so the first search does not wait for it (the counts'
	// worker starts with the counts of the empty form, below).
	results.start().catch(() => undefined);
	form.hidden = false;
	fold();
	writeForm(new URLSearchParams(location.search));
	// Links made before filters had ids name values by their names: show the link this page would make.
	const canonical = urlOf(formParams());
	if (location.search && canonical !== `${location.pathname}${location.search}`) window.history.replaceState(null, '', canonical);
	void update();
}

function summary(say: Say, count: number, state: SearchState): string {
	const found = count === 0 ? say('search.none') : say('search.count', { count });
	const filtered = [...state.selected.values()].some((values) => values.length > 0);
	const key = state.query
		? filtered
			? 'search.summaryQueryFiltered'
			: 'search.summaryQuery'
		: filtered
			? 'search.summaryFiltered'
			: 'search.summary';
	return say(key, { found, query: state.query });
}

function renderResult(say: Say, result: ResultData, query: string): HTMLLIElement {
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
	const segments = result.meta.segments;
	details.append(date, segments ? ` · ${say('search.for', { segments })}` : '');

	item.append(kind, heading, excerpt, details);
	return item;
}
