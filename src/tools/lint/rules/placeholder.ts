import { z } from 'astro/zod';
import { bodySpans } from '../prose.ts';
import { fieldSpan, stringPaths } from '../../../content/source.ts';
import { defineRule } from '../types.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `npm run new` fills fields with TODO text so the file is valid; this makes sure none of it ships. */
export const placeholder = defineRule({
	id: 'placeholder',
	severity: 'error',
	description: 'lint.rule.placeholder',
	kinds: ['paper', 'case-study', 'metric', 'newsletter', 'campaign'],
	options: z.object({ markers: z.array(z.string().min(1)).default(['TODO']) }),
	check({ entry, options, locale, report }) {
		if (options.markers.length === 0) return;
		const regexp = new RegExp(`(?<![\\p{L}\\p{N}])(?:${options.markers.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
		const yaml = entry.yaml;
		const fields = yaml ? stringPaths(yaml, []).flatMap((path) => fieldSpan(yaml, path) ?? []) : [];
		for (const span of [...fields, ...bodySpans(entry)]) {
			for (const match of span.text.matchAll(regexp)) {
				const where = span.field ? locale.t('lint.placeholder.field', { field: span.field }) : locale.t('lint.placeholder.body');
				report({
					start: span.offsets[match.index]!,
					end: span.offsets[match.index + match[0].length - 1]! + 1,
					message: locale.t('lint.placeholder', { marker: match[0], where }),
					suggestion: locale.t('lint.placeholder.fix'),
				});
			}
		}
	},
});
