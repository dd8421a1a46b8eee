/**
 * The word list behind the search page's "Did you mean" suggestions. Pagefind's JavaScript API
 * has no call that lists its words, and its own index holds stems ("custom" for "customers"),
 * which read badly as a suggestion. So the build reads the text Pagefind stored for each page (its
 * fragments: exactly what search finds) and writes every word with the number of pages it is on,
 * beside the index; the search page fetches that file only when a query finds nothing.
 */

/** Where the list lands, relative to the site's base: in Pagefind's folder, so it is rebuilt with the index. */
export const SEARCH_WORDS_PATH = 'pagefind/hourglass-words.json';

/**
 * What the file holds: `[word, pages]`, most pages first, and a digest of the code that counted
 * them (`counted`), so that a rebuild adds and takes out only the pages that changed (see
 * `writeSearchWords` in src/integrations/search.ts).
 */
export interface SearchWords {
	words: [string, number][];
	counted?: string;
}

/** Pages per word, while pages are added and taken out. */
export type WordCounts = Map<string, number>;

/** Shorter words are rarely mistyped into something else and would suggest noise. */
const MIN_LENGTH = 3;

/** The words of a text as search sees them: lowercase runs of letters. */
export const wordsOf = (text: string): string[] =>
	text
		.normalize('NFC')
		.toLowerCase()
		.match(/\p{L}+/gu) ?? [];

/** Counts the words of one page's text in (`change` 1) or out (`change` -1); a word on no page leaves the counts. */
export function countPage(counts: WordCounts, text: string, change: 1 | -1): void {
	for (const word of new Set(wordsOf(text))) {
		if (word.length < MIN_LENGTH) continue;
		const pages = (counts.get(word) ?? 0) + change;
		if (pages > 0) counts.set(word, pages);
		else counts.delete(word);
	}
}

/** The counts as the file holds them, most pages first. */
export const sortedWords = (counts: WordCounts): SearchWords => ({
	words: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
});

/** Every word of at least three letters in the pages' texts, with how many pages have it, most pages first. */
export function searchWords(pages: Iterable<string>): SearchWords {
	const counts: WordCounts = new Map();
	for (const text of pages) countPage(counts, text, 1);
	return sortedWords(counts);
}

/** The word the search page searches for once as it loads (see `search-worker.ts`), beside the index. */
export const SEARCH_WARM_UP_PATH = 'pagefind/hourglass-warm-up.json';

export interface SearchWarmUp {
	word: string | undefined;
}

/**
 * Share of the pages the warm-up word is on: enough work for the browser to optimise the search
 * code, little enough to be done before the reader has typed a word.
 */
const WARM_UP_SHARE = 0.05;

/** The indexed word whose number of pages is nearest to WARM_UP_SHARE of them (of equals, the first in the list). */
export function warmUpWord({ words }: SearchWords, pages: number): SearchWarmUp {
	const target = pages * WARM_UP_SHARE;
	let best: [string, number] | undefined;
	for (const entry of words) if (!best || Math.abs(entry[1] - target) < Math.abs(best[1] - target)) best = entry;
	return { word: best?.[0] };
}
