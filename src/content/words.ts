/** How close two pieces of text are in meaning, judged by the words they share. */

/** Words that carry no meaning of their own; a restatement is judged on the others. */
const STOPWORDS = new Set(
	'a about after all an and are as at be by can for from has have how in into is it its more of on or our so than that the their them they this to up us we what when which who why will with without you your'.split(
		' ',
	),
);

/** Content words, lower-cased, with a plural `s` taken off so "costs" and "cost" match. */
export function contentWords(text: string): Set<string> {
	const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
	return new Set(
		words
			.filter((word) => !STOPWORDS.has(word))
			.map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word)),
	);
}

/** Jaccard similarity of two texts' content words: 1 is the same words, 0 none shared. */
export function similarity(a: string, b: string): number {
	const left = contentWords(a);
	const right = contentWords(b);
	const union = new Set([...left, ...right]);
	if (union.size === 0) return 1;
	const shared = [...left].filter((word) => right.has(word)).length;
	return shared / union.size;
}

/**
 * A phrase as a pattern: whole words only, any case, any run of spaces between its words, and a
 * leading "the" left out, so "The web shop" is found in "our Web  Shop's checkout" but not in "webshop".
 */
export function phrasePattern(phrase: string, flags = 'iu'): RegExp {
	const words = phrase.trim().replace(/^the\s+/i, '');
	const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
	return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, flags);
}
