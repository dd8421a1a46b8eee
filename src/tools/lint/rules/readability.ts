import { z } from 'astro/zod';
import { flesch } from 'flesch';
import { syllable } from 'syllable';
import { countWords } from '../../../content/mdx.ts';
import { field } from '../entry.ts';
import { proseBlocks } from '../prose.ts';
import { defineRule } from '../types.ts';

/** Sentences of a block: split after `.`, `!`, `?` or `…` followed by a space. */
const sentencesOf = (text: string) => text.split(/(?<=[.!?…])\s+/u).filter((sentence) => countWords(sentence) > 0);

export interface Readability {
	score: number;
	sentences: number;
	words: number;
	/** The longest sentence and the file offset of the block that holds it. */
	longest: { words: number; start: number };
}

/** Flesch reading ease of a tree's prose: headings, paragraphs and cells each end a sentence. */
export function readability(blocks: readonly { text: string; start: number }[]): Readability | undefined {
	let sentences = 0;
	let words = 0;
	let syllables = 0;
	let longest = { words: 0, start: 0 };
	for (const block of blocks) {
		for (const sentence of sentencesOf(block.text)) {
			const count = countWords(sentence);
			sentences++;
			words += count;
			syllables += syllable(sentence);
			if (count > longest.words) longest = { words: count, start: block.start };
		}
	}
	if (words === 0) return undefined;
	return { score: flesch({ sentence: sentences, word: words, syllable: syllables }), sentences, words, longest };
}

/**
 * Plain prose for busy readers: Flesch reading ease (0 to 100, higher is easier) per entry, against
 * the strictest target of the segments it is written for.
 */
export const readabilityRule = defineRule({
	id: 'readability',
	severity: 'warn',
	description: 'lint.rule.readability',
	kinds: ['paper', 'case-study'],
	options: z.object({
		/** Minimum score for segments not listed. */
		default: z.number().min(0).max(100).default(40),
		/** Minimum score per segment id. */
		segments: z.record(z.string(), z.number().min(0).max(100)).default({}),
	}),
	// The Flesch formula and its syllable counts are English.
	english: true,
	check({ entry, options, locale, report }) {
		if (!entry.tree) return;
		const result = readability(proseBlocks(entry.tree));
		if (!result) return;
		const segments = field(entry, 'segments');
		const ids = Array.isArray(segments) ? segments.map(String) : [];
		const targets = ids.map((id) => ({ id, minimum: options.segments[id] ?? options.default }));
		const strictest = targets.reduce((a, b) => (b.minimum > a.minimum ? b : a), { id: '', minimum: options.default });
		if (result.score >= strictest.minimum) return;
		const who = strictest.id ? locale.t('lint.readability.for', { segment: strictest.id }) : locale.t('lint.readability.hub');
		report({
			start: result.longest.start,
			message: locale.t('lint.readability', { score: Math.round(result.score), who, minimum: strictest.minimum }),
			suggestion: locale.t('lint.readability.fix', { average: Math.round(result.words / result.sentences), longest: result.longest.words }),
		});
	},
});
