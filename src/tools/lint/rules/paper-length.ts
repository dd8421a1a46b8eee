import { z } from 'astro/zod';
import { countWords, proseText } from '../../../content/mdx.ts';
import { bodyStart } from '../prose.ts';
import { defineRule } from '../types.ts';

/** Position papers are read in a couple of minutes: long enough to make one case, short enough to finish. */
export const paperLength = defineRule({
	id: 'paper-length',
	severity: 'error',
	description: 'A position paper has between `min` and `max` words of prose (code, components and frontmatter do not count).',
	kinds: ['paper'],
	options: z.object({ min: z.number().int().positive().default(200), max: z.number().int().positive().default(300) }),
	check({ entry, options, report }) {
		if (!entry.tree) return;
		const words = countWords(proseText(entry.tree));
		const start = bodyStart(entry);
		if (words < options.min) {
			report({
				start,
				message: `The paper has ${words} words of prose; position papers have ${options.min} to ${options.max}`,
				suggestion: `add about ${options.min - words} words: what changes, for whom, and what it costs or saves`,
			});
		} else if (words > options.max) {
			report({
				start,
				message: `The paper has ${words} words of prose; position papers have ${options.min} to ${options.max}`,
				suggestion: `cut about ${words - options.max} words: keep one idea, and move detail to a case study`,
			});
		}
	},
});
