import { z } from 'astro/zod';
import { fieldRange } from '../../../content/source.ts';
import { stageLabel, type StageId } from '../../../content/stages.ts';
import { field } from '../entry.ts';
import { defineRule } from '../types.ts';

/** A stage as written: YAML gives `null` for an empty list item. */
interface WrittenStage {
	stage?: unknown;
	activities?: ({ date?: unknown; status?: unknown } | null)[];
}

/** A date as YAML gives it: a Date, or text such as 2026-03-14. */
const time = (value: unknown) => (value instanceof Date ? value : new Date(String(value))).getTime();

/**
 * A campaign earns trust before it launches: people should know of it and trust its champions
 * before the Buy stage trains them, and its Repeat stage reports an improvement it can only show
 * with a metric. Campaigns that skip these still build; the linter asks the writer to look again.
 */
export const campaignOrder = defineRule({
	id: 'campaign-order',
	severity: 'warn',
	description: 'lint.rule.campaign-order',
	kinds: ['campaign'],
	options: z.object({}),
	check({ entry, locale, report }) {
		const stages = field(entry, 'stages');
		if (!Array.isArray(stages) || !entry.yaml) return;
		const written = stages as (WrittenStage | null)[];
		const at = (id: StageId) => written.findIndex((stage) => stage?.stage === id);
		const earned = (['know', 'trust'] as const)
			.flatMap((id) => written[at(id)]?.activities ?? [])
			.flatMap((activity) => (activity?.status === 'done' ? [time(activity.date)] : []))
			.filter((t) => !Number.isNaN(t));
		const firstEarned = earned.length > 0 ? Math.min(...earned) : Infinity;
		const buy = at('buy');
		for (const [index, activity] of (written[buy]?.activities ?? []).entries()) {
			if (activity?.status === 'dropped' || !(time(activity?.date) < firstEarned)) continue;
			const range = fieldRange(entry.yaml, ['stages', buy, 'activities', index, 'date']);
			if (!range) continue;
			report({
				start: range[0],
				end: range[1],
				message: locale.t(earned.length > 0 ? 'lint.campaignOrder.early' : 'lint.campaignOrder.none', {
					know: stageLabel(locale, 'know'),
					trust: stageLabel(locale, 'trust'),
				}),
				suggestion: locale.t('lint.campaignOrder.fix'),
			});
		}
		const metrics = field(entry, 'metrics');
		const repeat = at('repeat');
		const range = repeat >= 0 ? fieldRange(entry.yaml, ['stages', repeat, 'stage']) : undefined;
		if (range && (!Array.isArray(metrics) || metrics.length === 0)) {
			report({
				start: range[0],
				end: range[1],
				message: locale.t('lint.campaignOrder.metric', { repeat: stageLabel(locale, 'repeat') }),
				suggestion: locale.t('lint.campaignOrder.metric.fix'),
			});
		}
	},
});
