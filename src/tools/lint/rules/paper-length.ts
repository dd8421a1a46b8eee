import { z } from 'astro/zod';
import { countWords, proseText } from '../../../content/mdx.ts';
import { bodyStart } from '../prose.ts';
import { defineRule } from '../types.ts';

/** Position papers are read in a couple of minutes: long enough to make one case, short enough to finish. */
export const paperLength = defineRule({
	id: 'paper-length',
	severity: 'error',
	description: 'lint.rule.paper-length',
	kinds: ['paper'],
	options: z.object({ min: z.number().int().positive().default(200), max: z.number().int().positive().default(300) }),
	check({ entry, options, locale, report }) {
		if (!entry.tree) return;
		const words = countWords(proseText(entry.tree));
		const start = bodyStart(entry);
		if (words < options.min) {
			report({
				start,
				message: locale.t('lint.paperLength', { words, min: options.min, max: options.max }),
				suggestion: locale.t('lint.paperLength.add', { count: options.min - words }),
			});
		} else if (words > options.max) {
			report({
				start,
				message: locale.t('lint.paperLength', { words, min: options.min, max: options.max }),
				suggestion: locale.t('lint.paperLength.cut', { count: words - options.max }),
			});
		}
	},
});
