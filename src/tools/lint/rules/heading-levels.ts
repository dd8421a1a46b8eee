import { z } from 'astro/zod';
import { visit } from 'unist-util-visit';
import { defineRule } from '../types.ts';

/**
 * Screen readers and the printed outline navigate by heading level: the title is the page's only
 * h1, and levels go down one at a time.
 */
export const headingLevels = defineRule({
	id: 'heading-levels',
	severity: 'error',
	description: 'lint.rule.heading-levels',
	kinds: ['paper', 'case-study', 'newsletter', 'campaign'],
	options: z.object({}),
	check({ entry, locale, report }) {
		if (!entry.tree) return;
		let previous = 1;
		visit(entry.tree, 'heading', (node) => {
			const start = node.position?.start.offset ?? 0;
			const end = node.position?.end.offset;
			if (node.depth === 1) {
				report({
					start,
					end,
					message: locale.t('lint.headingOne'),
					suggestion: locale.t('lint.headingOne.fix'),
				});
			} else if (node.depth > previous + 1) {
				report({
					start,
					end,
					message: locale.t('lint.headingSkip', { from: previous, to: node.depth }),
					suggestion: locale.t('lint.headingSkip.fix', { marks: '#'.repeat(previous + 1) }),
				});
			}
			previous = Math.max(node.depth, 1);
		});
	},
});
