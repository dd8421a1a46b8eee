import { z } from 'astro/zod';
import { field } from '../entry.ts';
import { fieldRange } from '../../../content/source.ts';
import { similarity } from '../../../content/words.ts';
import { defineRule } from '../types.ts';

/**
 * The business value is what an executive reads first. It must exist (the schema insists) and
 * must say something the title does not: "Moving file shares to the cloud" is not a benefit.
 */
export const businessValue = defineRule({
	id: 'business-value',
	severity: 'error',
	description: 'lint.rule.business-value',
	kinds: ['paper', 'case-study', 'campaign'],
	options: z.object({ maxSimilarity: z.number().min(0).max(1).default(0.5) }),
	check({ entry, options, locale, report }) {
		const value = field(entry, 'businessValue');
		const title = field(entry, 'title');
		const range = entry.yaml && fieldRange(entry.yaml, ['businessValue']);
		if (!range) return;
		if (typeof value === 'string' && value.trim() === '') {
			report({
				start: range[0],
				end: range[1],
				message: locale.t('lint.businessValue.empty'),
				suggestion: locale.t('lint.businessValue.empty.fix'),
			});
			return;
		}
		if (typeof value !== 'string' || typeof title !== 'string') return;
		const score = similarity(value, title);
		if (score > options.maxSimilarity) {
			report({
				start: range[0],
				end: range[1],
				message: locale.t('lint.businessValue.title', { share: locale.number(score, { style: 'percent', maximumFractionDigits: 0 }) }),
				suggestion: locale.t('lint.businessValue.title.fix'),
			});
		}
	},
});
