import { describe, expect, it } from 'vitest';
import { countPage, searchWords, sortedWords, warmUpWord, wordsOf, type WordCounts } from '../../../src/outputs/search-words';
import { suggestQueries } from '../../../src/scripts/search-suggest';

const index = searchWords([
	'Phishing is our biggest risk. Customers trust us with their records.',
	'Phishing tests for every new starter; customer records in one place.',
	'Fishing trip for the finance team.',
]);

describe('the word list behind "Did you mean"', () => {
	it('holds every word of three letters or more with the number of pages it is on, most pages first', () => {
		expect(index.words.slice(0, 3)).toEqual([
			['for', 2],
			['phishing', 2],
			['records', 2],
		]);
		expect(index.words).toContainEqual(['customers', 1]);
		expect(index.words.map(([word]) => word)).not.toContain('is');
	});

	it('counts a page out as it counted it in, as a rebuild updates the published list', () => {
		const pages = ['Phishing is our biggest risk.', 'Phishing tests for every new starter.', 'Fishing trip for the finance team.'];
		const counts: WordCounts = new Map();
		for (const text of pages) countPage(counts, text, 1);
		countPage(counts, pages[1]!, -1);
		countPage(counts, 'Phishing drills for the sales team.', 1);
		expect(sortedWords(counts)).toEqual(searchWords([pages[0]!, pages[2]!, 'Phishing drills for the sales team.']));
		expect(counts.has('starter')).toBe(false);
	});

	it('splits text into lowercase words the way queries are split', () => {
		expect(wordsOf('Customer’s CRM, Tōkyō-pop-up')).toEqual(['customer', 's', 'crm', 'tōkyō', 'pop', 'up']);
	});
});

describe('the word the search page warms up with', () => {
	const words = {
		words: [
			['the', 1000],
			['phishing', 120],
			['records', 45],
			['ptarmigan', 1],
		] as [string, number][],
	};

	it('is on about one page in twenty', () => {
		expect(warmUpWord(words, 1000).word).toBe('records');
		expect(warmUpWord(words, 2400).word).toBe('phishing');
	});

	it('is absent for a hub without indexed words', () => {
		expect(warmUpWord({ words: [] }, 0).word).toBeUndefined();
	});
});

describe('suggested queries', () => {
	it('replace a word one or two letters off with the closest indexed words, the one on most pages first', () => {
		expect(suggestQueries('pishing', index)).toEqual(['phishing', 'fishing']);
		expect(suggestQueries('custmer', index)).toEqual(['customer']);
		expect(suggestQueries('custmers', index)).toEqual(['customers']);
		expect(suggestQueries('recrds', index)).toEqual(['records']);
	});

	it('keep the words that are known and correct only the unknown one', () => {
		expect(suggestQueries('customer recrods', index)[0]).toBe('customer records');
	});

	it('offer nothing for a word more than two edits from every indexed word, or for a query of known words', () => {
		expect(suggestQueries('blockchain', index)).toEqual([]);
		expect(suggestQueries('phishing records', index)).toEqual([]);
	});
});
