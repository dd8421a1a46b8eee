import { z } from 'astro/zod';
import { countWords, proseText } from '../../../content/mdx.ts';
import { fieldRange } from '../../../content/source.ts';
import { phrasePattern } from '../../../content/words.ts';
import { allSpans, bodyStart } from '../prose.ts';
import { defineRule } from '../types.ts';

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * Audiences that want the headline (`detail: headline`) read on a phone or in a board pack: a paper
 * for them is short, and proves its point with a figure they track or a system they cannot work
 * without. Advice, not an error: the writer may have a reason.
 */
export const audienceFit = defineRule({
	id: 'audience-fit',
	severity: 'warn',
	description: 'lint.rule.audience-fit',
	kinds: ['paper'],
	options: z.object({ headlineWords: z.number().int().positive().default(250) }),
	check({ entry, hub, options, status, locale, report }) {
		// Advice on fit waits until the frontmatter is valid: its errors come first.
		if (!entry.tree || status === undefined) return;
		const data = entry.data as { segments?: unknown; systems?: unknown };
		const headline = ids(data.segments).filter((id) => hub.segments.get(id)?.detail === 'headline');
		if (headline.length === 0) return;
		const names = locale.list(headline.map((id) => hub.segments.get(id)!.name));
		const at = (entry.yaml && fieldRange(entry.yaml, ['segments'])?.[0]) ?? bodyStart(entry);

		const words = countWords(proseText(entry.tree));
		if (words > options.headlineWords) {
			report({
				start: bodyStart(entry),
				message: locale.t('lint.audienceFit.length', { words, names, limit: options.headlineWords }),
				suggestion: locale.t('lint.audienceFit.cut', { count: words - options.headlineWords }),
			});
		}

		const cited = (entry.body?.metrics.length ?? 0) > 0;
		const named = new Set(ids(data.systems));
		const prose = allSpans(entry)
			.map((span) => span.text)
			.join('\n');
		for (const id of headline) {
			const theirs = hub.systems.filter((system) => system.segments.includes(id));
			const concerns = theirs.some((system) => named.has(system.id) || phrasePattern(system.name).test(prose));
			if (cited || concerns) continue;
			const name = hub.segments.get(id)!.name;
			report({
				start: at,
				message: locale.t('lint.audienceFit.cites', { name }),
				suggestion:
					theirs.length > 0
						? locale.t('lint.audienceFit.fix', {
								systems: theirs.map((system) => system.name.replace(/^The\b/, 'the')).join(', '),
								ids: theirs.map((system) => system.id).join(', '),
							})
						: locale.t('lint.audienceFit.fixMetric'),
			});
		}
	},
});
