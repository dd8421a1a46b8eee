/**
 * Metrics as the business reads them: the status of the latest value against its target, the
 * trend in words (for feeds and email, where a chart does not travel), the critical three each
 * segment's focus group chose, and which writing cites which metric.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { AnyItem, Hub, MetricItem } from './hub';
import { formatDate } from '../content/format';
import { parseMdx } from '../content/mdx';
import { oneOf, quote, type Problem } from '../content/problems';
import type { ReferenceCheck } from '../checks/references';

export interface SeriesPoint {
	date: Date;
	value: number;
}

/** The fields of a metric that its status and its sentence depend on. */
export interface MetricFigures {
	unit: string;
	direction: 'higher' | 'lower';
	target?: number | undefined;
	series: readonly SeriesPoint[];
}

/** The series oldest first, whatever order the writer used. */
export const sortedSeries = (series: readonly SeriesPoint[]): SeriesPoint[] =>
	[...series].sort((a, b) => a.date.getTime() - b.date.getTime());

export type MetricStatus = 'on-target' | 'at-risk' | 'off-target' | 'no-target';

export const STATUS_LABELS: Record<MetricStatus, string> = {
	'on-target': 'On target',
	'at-risk': 'At risk',
	'off-target': 'Off target',
	'no-target': 'No target set',
};

const median = (values: readonly number[]): number => {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * How far the metric usually moves between two readings (the median of the absolute steps). It
 * scales "close to the target" to each metric: 0.02 points is a lot for availability and nothing
 * for a cloud bill in £k, and a target of 0 leaves no percentage to take.
 */
export function typicalMove(series: readonly SeriesPoint[]): number {
	const values = sortedSeries(series).map((p) => p.value);
	return median(values.slice(1).map((value, i) => Math.abs(value - values[i]!)));
}

/**
 * The status of the latest value against the target, with "higher or lower is better" applied.
 * A value on the target meets it. `tolerance` is counted in typical moves (`typicalMove`), so
 * with the default of 1 a metric is:
 * - on target: it meets the target, and either clears it by more than one typical move or its
 *   last move went the right way;
 * - at risk: it misses by no more than one typical move (an ordinary month could bring it back),
 *   or it meets the target by less than one typical move while its last move went the wrong way
 *   (an ordinary month could lose it);
 * - off target: it misses by more than one typical move;
 * - no target set: there is nothing to compare with.
 * A single reading or a flat series has no typical move, so it is simply on or off target.
 */
export function metricStatus(metric: MetricFigures, tolerance = 1): MetricStatus {
	if (metric.target === undefined) return 'no-target';
	const values = sortedSeries(metric.series).map((p) => p.value);
	const latest = values.at(-1)!;
	const better = metric.direction === 'higher' ? 1 : -1;
	// Positive: by how much the target is met; negative: by how much it is missed.
	const margin = (latest - metric.target) * better;
	const lastMove = values.length > 1 ? (latest - values.at(-2)!) * better : 0;
	// Decimal readings such as 3.5 - 3 and 3.9 - 3.5 should compare as the equal steps they are.
	const epsilon = 1e-9 * Math.max(1, ...values.map(Math.abs));
	const band = tolerance * typicalMove(metric.series) + epsilon;
	if (margin >= -epsilon) return margin < band && lastMove < -epsilon ? 'at-risk' : 'on-target';
	return -margin <= band ? 'at-risk' : 'off-target';
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A value with its unit as a reader writes it: "99.95%", "£42k", "-£14k", "84 minutes". */
export function formatMetricValue(value: number, unit: string): string {
	if (unit === '%') return `${numberFormat.format(value)}%`;
	const currency = /^([£$€¥])(.*)$/u.exec(unit);
	if (currency) return `${value < 0 ? '-' : ''}${currency[1]}${numberFormat.format(Math.abs(value))}${currency[2]}`;
	return `${numberFormat.format(value)} ${unit}`;
}

/** A gap between two values: a gap between percentages is in percentage points, not per cent. */
export function formatMetricGap(gap: number, unit: string): string {
	return unit === '%' ? `${numberFormat.format(gap)} percentage ${gap === 1 ? 'point' : 'points'}` : formatMetricValue(gap, unit);
}

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const isMonthly = (series: readonly SeriesPoint[]) => series.every((p) => p.date.getUTCDate() === 1);

/** "December 2025" for a monthly series (every reading on the 1st), else "14 December 2025". */
function readingDate(date: Date, series: readonly SeriesPoint[]): string {
	return isMonthly(series) ? monthYear.format(date) : formatDate(date);
}

/** "in December 2025", or "on 14 December 2025" for a series that is not monthly. */
const readingTime = (date: Date, series: readonly SeriesPoint[]): string =>
	`${isMonthly(series) ? 'in' : 'on'} ${readingDate(date, series)}`;

/** Everything a card or an email says about a metric, worked out once. */
export interface MetricSummary {
	latest: SeriesPoint;
	first: SeriesPoint;
	status: MetricStatus;
	/** "99.99%" */
	value: string;
	/** "99.9%", when there is a target. */
	target?: string | undefined;
	/** "November 2026": when the latest value was measured. */
	when: string;
	/** The chart in words, e.g. "Latest 99.99% in November 2026 (target 99.9%): on target; up from 99.91% in December 2025, an improvement." */
	sentence: string;
}

export function summariseMetric(metric: MetricFigures, tolerance = 1): MetricSummary {
	const series = sortedSeries(metric.series);
	const first = series[0]!;
	const latest = series.at(-1)!;
	const status = metricStatus(metric, tolerance);
	const value = formatMetricValue(latest.value, metric.unit);
	const target = metric.target === undefined ? undefined : formatMetricValue(metric.target, metric.unit);
	const when = readingDate(latest.date, series);
	const at = readingTime(latest.date, series);
	const standing =
		target === undefined ? `${value} ${at} (no target set)` : `${value} ${at} (target ${target}): ${STATUS_LABELS[status].toLowerCase()}`;
	return { latest, first, status, value, target, when, sentence: `Latest ${standing}; ${trendWords(metric, first, latest, series)}.` };
}

function trendWords(metric: MetricFigures, first: SeriesPoint, latest: SeriesPoint, series: readonly SeriesPoint[]): string {
	if (series.length === 1) return 'the first reading';
	const since = `${formatMetricValue(first.value, metric.unit)} ${readingTime(first.date, series)}`;
	if (latest.value === first.value) return `unchanged from ${since}`;
	const up = latest.value > first.value;
	const improved = up === (metric.direction === 'higher');
	return `${up ? 'up' : 'down'} from ${since}, ${improved ? 'an improvement' : 'a decline'}`;
}

/** The chart as one sentence, for feeds, email and screen readers: see `summariseMetric`. */
export const describeMetric = (metric: MetricFigures, tolerance = 1): string => summariseMetric(metric, tolerance).sentence;

/* ---------------------------------------------------------------- the critical three */

/** The part of a metric entry the critical check reads. */
export interface CriticalMarks {
	id: string;
	filePath?: string | undefined;
	data: {
		segments: readonly { id: string }[];
		/** Rank per segment, from the `critical` field. */
		critical: Readonly<Record<string, number>>;
	};
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ordinal = (n: number) => ORDINALS[n - 1] ?? `number ${n}`;

/**
 * A focus group picks a few measures that matter to its segment, ranked; more than `limit` and
 * the point of picking is lost. Every metric file is checked, drafts included, so a writer
 * learns of a clash when the file is written rather than on the day it goes live.
 */
export function criticalProblems(metrics: readonly CriticalMarks[], segmentIds: readonly string[], limit: number): Problem[] {
	const problems: Problem[] = [];
	const bySegment = new Map<string, { metric: { id: string; file: string }; rank: number }[]>();
	for (const entry of metrics) {
		const metric = { id: entry.id, file: entry.filePath ?? `metrics/${entry.id}` };
		const addressed = entry.data.segments.map((ref) => ref.id);
		for (const [segment, rank] of Object.entries(entry.data.critical)) {
			const field = `critical.${segment}`;
			if (!segmentIds.includes(segment)) {
				problems.push({ file: metric.file, field, expected: oneOf('segment', segmentIds), found: quote(segment) });
				continue;
			}
			if (!addressed.includes(segment)) {
				problems.push({
					file: metric.file,
					field,
					expected: `"${segment}" also in segments, since its focus group chose this metric`,
					found: quote(addressed),
				});
			}
			bySegment.set(segment, [...(bySegment.get(segment) ?? []), { metric, rank }]);
		}
	}
	for (const [segment, marks] of bySegment) {
		const field = `critical.${segment}`;
		const ranked = marks.sort((a, b) => a.rank - b.rank || a.metric.id.localeCompare(b.metric.id));
		const chosen = ranked.slice(0, limit).map((m) => m.metric.id);
		ranked.slice(limit).forEach(({ metric, rank }, i) => {
			problems.push({
				file: metric.file,
				field,
				expected: `at most ${limit} critical metrics for the segment "${segment}" (criticalLimit in hub.yaml), and it already has ${chosen.join(', ')}`,
				found: `a ${ordinal(limit + i + 1)} one, rank ${rank}`,
			});
		});
		const seen = new Map<number, string>();
		for (const { metric, rank } of ranked.slice(0, limit)) {
			const first = seen.get(rank);
			if (first !== undefined) {
				problems.push({
					file: metric.file,
					field,
					expected: `a rank no other metric has for "${segment}", but ${first} is already ranked ${rank}`,
					found: String(rank),
				});
			} else if (rank > limit) {
				problems.push({ file: metric.file, field, expected: `a rank from 1 to ${limit} (criticalLimit in hub.yaml)`, found: String(rank) });
			}
			seen.set(rank, seen.get(rank) ?? metric.file);
		}
	}
	return problems;
}

/**
 * The metric an MDX component (`<Metric>`, `<MetricValue>`) names. `loadHub()` has already
 * reported unknown ids with their file and line, so a miss here is a bug, not a writer's mistake.
 */
export function citedMetric(hub: Pick<Hub, 'metrics'>, id: string, component: string): MetricItem {
	const metric = hub.metrics.find((m) => m.id === id);
	if (!metric) throw new Error(`<${component} id="${id}"/>: no published metric has this id`);
	return metric;
}

/** The live metrics a segment's focus group chose, best rank first. */
export function criticalFor(hub: Pick<Hub, 'listed'>, segmentId: string): { metric: MetricItem; rank: number }[] {
	return hub.listed
		.filter((item): item is MetricItem => item.kind === 'metric')
		.flatMap((metric) => {
			const rank = metric.entry.data.critical[segmentId];
			return rank === undefined ? [] : [{ metric, rank }];
		})
		.sort((a, b) => a.rank - b.rank || a.metric.title.localeCompare(b.metric.title));
}

/* ---------------------------------------------------------------- metrics cited in MDX */

/** The components writers cite a metric with; each takes the metric's id as `id="…"`. */
export const METRIC_COMPONENTS: readonly string[] = ['Metric', 'MetricValue'];

/** One `<Metric id="…"/>` or `<MetricValue id="…"/>` in an MDX file. */
export interface MetricUsage {
	/** The citing entry's collection and id. */
	collection: string;
	entryId: string;
	/** Path of the citing file, for messages. */
	file: string;
	line?: number | undefined;
	component: string;
	/** The metric id, or undefined when `id` is missing or not a plain string. */
	id: string | undefined;
}

/**
 * Every metric component in an MDX source (frontmatter included, so lines are the file's), or in
 * its tree from `parseMdx` when the caller parses the file for other reasons too.
 */
export function metricUsages(source: string | Root, from: { collection: string; id: string; file: string }): MetricUsage[] {
	const usages: MetricUsage[] = [];
	visit(typeof source === 'string' ? parseMdx(source) : source, (node) => {
		if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
		if (node.name === null || !METRIC_COMPONENTS.includes(node.name)) return;
		const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
		const id = attribute && typeof attribute.value === 'string' ? attribute.value : undefined;
		usages.push({
			collection: from.collection,
			entryId: from.id,
			file: from.file,
			line: node.position?.start.line,
			component: node.name,
			id,
		});
	});
	return usages;
}

/**
 * A cited metric must exist (else the page would crash mid-render) and, when the citing entry is
 * published, be published too, the same rule as frontmatter references.
 */
export function metricUsageProblems(usages: readonly MetricUsage[], check: ReferenceCheck): Problem[] {
	const known = check.ids('metrics');
	return usages.flatMap((usage): Problem[] => {
		const where = { file: usage.file, line: usage.line, field: `<${usage.component}> id` };
		if (usage.id === undefined)
			return [{ ...where, expected: `a metric id written as id="…", ${oneOf('metric', known)}`, found: 'no plain id' }];
		if (!known.includes(usage.id)) return [{ ...where, expected: oneOf('metric', known), found: quote(usage.id) }];
		if (check.isPublic({ collection: usage.collection, id: usage.entryId }) && !check.isPublic({ collection: 'metrics', id: usage.id })) {
			return [{ ...where, expected: 'a published metric', found: `${quote(usage.id)}, which is a draft or dated after this build` }];
		}
		return [];
	});
}

/* ---------------------------------------------------------------- backlinks */

const citationsByHub = new WeakMap<object, Map<string, AnyItem[]>>();

/**
 * Listed writing that cites each metric: through a component in its body, a case study's
 * `metrics` field, or a newsletter item. Worked out once per hub from the usages `loadHub()`
 * found, so pages never re-parse MDX.
 */
function citations(hub: Pick<Hub, 'listed' | 'metricUsages'>): Map<string, AnyItem[]> {
	const known = citationsByHub.get(hub);
	if (known) return known;
	const inBody = new Map<string, string[]>();
	for (const usage of hub.metricUsages) {
		if (usage.id === undefined) continue;
		const key = `${usage.collection}/${usage.entryId}`;
		inBody.set(key, [...(inBody.get(key) ?? []), usage.id]);
	}
	const byMetric = new Map<string, AnyItem[]>();
	for (const item of hub.listed) {
		const cited = new Set(inBody.get(`${item.entry.collection}/${item.id}`) ?? []);
		if (item.kind === 'case-study') for (const ref of item.entry.data.metrics) cited.add(ref.id);
		if (item.kind === 'newsletter') for (const entry of item.entry.data.items) if ('metric' in entry) cited.add(entry.metric.id);
		for (const id of cited) byMetric.set(id, [...(byMetric.get(id) ?? []), item]);
	}
	citationsByHub.set(hub, byMetric);
	return byMetric;
}

/** Listed papers, case studies and newsletter issues that cite a metric, newest first. */
export const citedBy = (hub: Pick<Hub, 'listed' | 'metricUsages'>, metricId: string): AnyItem[] => citations(hub).get(metricId) ?? [];
