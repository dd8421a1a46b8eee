import { z } from 'astro/zod';
import { field } from '../entry.ts';
import { fieldRange } from '../source.ts';
import { defineRule } from '../types.ts';

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
 * The business value is what an executive reads first. It must exist (the schema insists) and
 * must say something the title does not: "Moving file shares to the cloud" is not a benefit.
 */
export const businessValue = defineRule({
	id: 'business-value',
	severity: 'error',
	description:
		'The `businessValue` says what the business gains, in words that are not just the title again (`maxSimilarity`: 0 to 1 share of the same words).',
	kinds: ['paper', 'case-study'],
	options: z.object({ maxSimilarity: z.number().min(0).max(1).default(0.5) }),
	check({ entry, options, report }) {
		const value = field(entry, 'businessValue');
		const title = field(entry, 'title');
		const range = entry.yaml && fieldRange(entry.yaml, ['businessValue']);
		if (!range) return;
		if (typeof value === 'string' && value.trim() === '') {
			report({
				start: range[0],
				end: range[1],
				message: 'The business value is empty',
				suggestion: 'say what the business gains: money, time, risk or customers',
			});
			return;
		}
		if (typeof value !== 'string' || typeof title !== 'string') return;
		const score = similarity(value, title);
		if (score > options.maxSimilarity) {
			report({
				start: range[0],
				end: range[1],
				message: `The business value repeats the title (${Math.round(score * 100)}% the same words)`,
				suggestion: 'say what the business gains from it: money saved, time freed, risk reduced or customers served',
			});
		}
	},
});
