/**
 * "Did you mean": for each word of a query that no indexed page has, the indexed words one or two
 * edits away (a missing, extra, swapped or wrong letter): the closest ones, the word on the most
 * pages first. Pure, so it is unit-tested without a browser.
 */
import leven from 'leven';
import { wordsOf, type SearchWords } from '../outputs/search-words';

/** Edits a suggestion may be away from what was typed. */
const MAX_DISTANCE = 2;

/** Up to `limit` queries like `query` with its unknown words replaced by known ones, best first. */
export function suggestQueries(query: string, { words }: SearchWords, limit = 3): string[] {
	const known = new Set(words.map(([word]) => word));
	const typed = wordsOf(query);
	// Per unknown word, its candidates with their distance; known words stay as typed.
	const options = typed.map((word) => {
		if (known.has(word) || word.length < 3) return [word];
		const near: { word: string; distance: number; pages: number }[] = [];
		for (const [candidate, pages] of words) {
			if (Math.abs(candidate.length - word.length) > MAX_DISTANCE) continue;
			const distance = leven(word, candidate, { maxDistance: MAX_DISTANCE + 1 });
			if (distance <= MAX_DISTANCE) near.push({ word: candidate, distance, pages });
		}
		// Only the closest: "phishing" for "pishing", not also "rising". `words` is sorted by pages already.
		const closest = Math.min(...near.map((option) => option.distance));
		return near.filter((option) => option.distance === closest).map((option) => option.word);
	});
	if (options.some((list) => list.length === 0) || options.every((list, i) => list[0] === typed[i])) return [];
	// Vary one unknown word at a time through its candidates, the others at their best.
	const best = options.map((list) => list[0]!);
	const queries = new Set<string>([best.join(' ')]);
	options.forEach((list, i) => {
		for (const alternative of list.slice(1)) queries.add(best.map((word, j) => (j === i ? alternative : word)).join(' '));
	});
	return [...queries].slice(0, limit);
}
