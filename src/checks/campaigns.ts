import { isoDate } from '../content/format';
import { phrase, quote, type Problem } from '../content/problems';
import { STAGE_IDS } from '../content/stages';

interface Filed {
	file: string;
	data: Record<string, unknown>;
}

/**
 * A piece filed in a campaign names both the campaign and its stage: a campaign alone would leave
 * it off every stage of the campaign's page, a stage alone files it nowhere.
 */
export function filingProblems(entries: readonly Filed[]): Problem[] {
	return entries.flatMap(({ file, data }): Problem[] => {
		if (data.campaign !== undefined && data.stage === undefined) {
			return [
				{
					file,
					field: 'stage',
					expected: phrase('problem.campaign.stage', { stages: STAGE_IDS.join(', ') }),
					found: phrase('problem.nothing'),
				},
			];
		}
		if (data.stage !== undefined && data.campaign === undefined) {
			return [{ file, field: 'campaign', expected: phrase('problem.campaign.campaign'), found: phrase('problem.nothing') }];
		}
		return [];
	});
}

interface CampaignMetric {
	metric: { id: string };
	baseline: Date;
}

/** A campaign's "before" figure is the metric's reading on or before its baseline date, so one must exist. */
export function baselineProblems(
	campaigns: readonly { file: string; data: { metrics?: readonly CampaignMetric[] } }[],
	firstReading: (metricId: string) => Date | undefined,
): Problem[] {
	return campaigns.flatMap(({ file, data }) =>
		(data.metrics ?? []).flatMap((entry, index): Problem[] => {
			const first = firstReading(entry.metric.id);
			if (!first || first.getTime() <= entry.baseline.getTime()) return [];
			return [
				{
					file,
					field: `metrics[${index}].baseline`,
					expected: phrase('problem.campaign.baseline', { first: isoDate(first) }),
					found: quote(isoDate(entry.baseline)),
				},
			];
		}),
	);
}
