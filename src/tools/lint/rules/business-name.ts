import { z } from 'astro/zod';
import { phrasePattern } from '../../../content/words.ts';
import { allSpans } from '../prose.ts';
import { defineRule } from '../types.ts';

/**
 * Readers know a system by its business name ("the web shop"), not by what IT calls it ("Magento
 * 2.4"). The first use may give both, so IT readers can tell which system is meant: it passes when
 * the business name is in the same paragraph or field. Every other use of the technical name gets
 * the business name as a suggestion.
 */
export const businessName = defineRule({
	id: 'business-name',
	severity: 'warn',
	description: 'lint.rule.business-name',
	kinds: ['paper', 'case-study'],
	options: z.object({}),
	check({ entry, hub, locale, report }) {
		const spans = allSpans(entry);
		for (const system of hub.systems) {
			if (system.technical.trim().toLowerCase() === system.name.trim().toLowerCase()) continue;
			const technical = phrasePattern(system.technical, 'giu');
			const business = phrasePattern(system.name);
			let first = true;
			for (const span of spans) {
				for (const match of span.text.matchAll(technical)) {
					const both = first && business.test(span.text);
					first = false;
					if (both) continue;
					report({
						start: span.offsets[match.index]!,
						end: span.offsets[match.index + match[0].length - 1]! + 1,
						message: locale.t('lint.businessName', { term: match[0], system: system.name.replace(/^The\b/, 'the') }),
						suggestion: locale.t('lint.businessName.fix', { system: system.name.replace(/^The\b/, 'the'), technical: system.technical }),
					});
				}
			}
		}
	},
});
