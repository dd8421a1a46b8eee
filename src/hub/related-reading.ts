/**
 * "Related reading" under a paper or case study: the closest papers and case studies, and the
 * closest metric, leaving out every metric the page already shows, so no metric appears twice.
 */
import type { MetricUsage } from '../checks/metrics';
import type { CaseStudyItem, Hub, MetricItem, PaperItem } from './hub';
import { relatedAmong } from './related';

type Writing = PaperItem | CaseStudyItem;
type ReadingHub = Pick<Hub, 'listed' | 'metricUsages'>;

interface Index {
	writing: ReturnType<typeof relatedAmong<Writing>>;
	metrics: ReturnType<typeof relatedAmong<MetricItem>>;
	/** Metric citations in each entry's body, by `collection/id`. */
	usages: Map<string, MetricUsage[]>;
}

const indexes = new WeakMap<ReadingHub, Index>();

/** Worked out once per hub: every paper and case-study page asks, and each asks of all the others. */
function indexOf(hub: ReadingHub): Index {
	const known = indexes.get(hub);
	if (known) return known;
	const index: Index = {
		writing: relatedAmong(hub.listed.filter((other): other is Writing => other.kind === 'paper' || other.kind === 'case-study')),
		metrics: relatedAmong(hub.listed.filter((other): other is MetricItem => other.kind === 'metric')),
		usages: Map.groupBy(hub.metricUsages, (usage) => `${usage.collection}/${usage.entryId}`),
	};
	indexes.set(hub, index);
	return index;
}

const citedIn = (hub: ReadingHub, item: Writing, component?: MetricUsage['component']): string[] =>
	(indexOf(hub).usages.get(`${item.entry.collection}/${item.id}`) ?? [])
		.filter((usage) => component === undefined || usage.component === component)
		.flatMap((usage) => (usage.id === undefined ? [] : [usage.id]));

/** Metrics a paper or case study shows in its body (`<Metric>`, `<MetricValue>`) or, for a case study, in "Metrics this work moved". */
export function metricsShownBy(hub: ReadingHub, item: Writing): Set<string> {
	const shown = new Set(citedIn(hub, item));
	if (item.kind === 'case-study') for (const ref of item.entry.data.metrics) shown.add(ref.id);
	return shown;
}

/** Metrics a paper or case study cites as cards in its body, which "Metrics this work moved" need not repeat. */
export const metricCardsIn = (hub: ReadingHub, item: Writing): Set<string> => new Set(citedIn(hub, item, 'Metric'));

export function relatedReading(hub: ReadingHub, item: Writing): (Writing | MetricItem)[] {
	const { writing, metrics } = indexOf(hub);
	return [...writing(item, 3), ...metrics(item, 1, metricsShownBy(hub, item))];
}
