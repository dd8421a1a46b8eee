/**
 * "Related reading" under a paper or case study: the closest papers and case studies, and the
 * closest metric, leaving out every metric the page already shows, so no metric appears twice.
 */
import type { CaseStudyItem, Hub, MetricItem, PaperItem } from './hub';
import { related } from './related';

type Writing = PaperItem | CaseStudyItem;

/** Metrics a paper or case study shows in its body (`<Metric>`, `<MetricValue>`) or, for a case study, in "Metrics this work moved". */
export function metricsShownBy(hub: Pick<Hub, 'metricUsages'>, item: Writing): Set<string> {
	const shown = new Set(
		hub.metricUsages
			.filter((usage) => usage.collection === item.entry.collection && usage.entryId === item.id)
			.flatMap((usage) => (usage.id === undefined ? [] : [usage.id])),
	);
	if (item.kind === 'case-study') for (const ref of item.entry.data.metrics) shown.add(ref.id);
	return shown;
}

/** Metrics a paper or case study cites as cards in its body, which "Metrics this work moved" need not repeat. */
export function metricCardsIn(hub: Pick<Hub, 'metricUsages'>, item: Writing): Set<string> {
	return new Set(
		hub.metricUsages
			.filter((usage) => usage.collection === item.entry.collection && usage.entryId === item.id && usage.component === 'Metric')
			.flatMap((usage) => (usage.id === undefined ? [] : [usage.id])),
	);
}

export function relatedReading(hub: Pick<Hub, 'listed' | 'metricUsages'>, item: Writing): (Writing | MetricItem)[] {
	const writing = hub.listed.filter((other): other is Writing => other.kind === 'paper' || other.kind === 'case-study');
	const shown = metricsShownBy(hub, item);
	const metrics = hub.listed.filter((other): other is MetricItem => other.kind === 'metric' && !shown.has(other.id));
	return [...related(item, writing, 3), ...related(item, metrics, 1)];
}
