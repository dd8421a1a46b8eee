/**
 * Metrics as the business reads them: the status of the latest value against its target, the
 * trend in words (for feeds and email, where a chart does not travel), the critical three each
 * segment's focus group chose, and which writing cites which metric. Their checks are in
 * src/checks/metrics.ts.
 */
import { ballotName, chosenByWords, type HubBallot } from './ballots';
import type { AnyItem, Hub, MetricItem } from './hub';
import type { Locale } from '../content/i18n';

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

/**
 * A metric's figures as they stood on `date`: writing dated then reports what it said then, so a
 * good-news paper from January does not show November's figures. A metric first measured after
 * `date` keeps all its readings.
 */
export function figuresAsOf<M extends MetricFigures>(metric: M, date: Date): M {
	const known = metric.series.filter((point) => point.date <= date);
	return known.length > 0 ? { ...metric, series: known } : metric;
}

/** The series oldest first, whatever order the writer used. */
export const sortedSeries = (series: readonly SeriesPoint[]): SeriesPoint[] =>
	[...series].sort((a, b) => a.date.getTime() - b.date.getTime());

export type MetricStatus = 'on-target' | 'at-risk' | 'off-target' | 'no-target';

/** A status as a badge or a table cell says it: "On target". */
export const statusLabel = (locale: Locale, status: MetricStatus): string => locale.t(`status.${status}`);

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

const CURRENCIES: Record<string, string> = { '£': 'GBP', $: 'USD', '€': 'EUR', '¥': 'JPY' };
const MULTIPLIERS: Record<string, number> = { k: 1e3, m: 1e6, bn: 1e9 };

/**
 * A value with its unit as a reader of the hub's language writes it: "99.95%", "£42k", "-£14k",
 * "84 minutes" in English; "99,95 %", "42.000 £", "1,2 Mio. £" in German. A currency unit
 * (`£`, `£k`, `£m`, `€bn`) goes through `Intl`'s currency format, except in English, where the
 * hub keeps the short form British and American business writing uses ("£1.2m").
 */
export function formatMetricValue(locale: Locale, value: number, unit: string): string {
	if (unit === '%') return locale.number(value, { style: 'unit', unit: 'percent', maximumFractionDigits: 2 });
	const currency = /^([£$€¥])(k|m|bn)?$/u.exec(unit);
	if (currency && locale.dictionary !== 'en') {
		const amount = value * (MULTIPLIERS[currency[2] ?? ''] ?? 1);
		const compact = Math.abs(amount) >= 1e4;
		return locale.number(amount, {
			style: 'currency',
			currency: CURRENCIES[currency[1]!]!,
			maximumFractionDigits: 2,
			...(compact ? { notation: 'compact', compactDisplay: 'short' } : {}),
		});
	}
	const symbol = /^([£$€¥])(.*)$/u.exec(unit);
	if (symbol) return `${value < 0 ? '-' : ''}${symbol[1]}${locale.number(Math.abs(value))}${symbol[2]}`;
	return `${locale.number(value)} ${unit}`;
}

/** A gap between two values: a gap between percentages is in percentage points, not per cent. */
export function formatMetricGap(locale: Locale, gap: number, unit: string): string {
	return unit === '%' ? locale.t('metric.points', { count: gap }) : formatMetricValue(locale, gap, unit);
}

const isMonthly = (series: readonly SeriesPoint[]) => series.every((p) => p.date.getUTCDate() === 1);

/** "December 2025" for a monthly series (every reading on the 1st), else "14 December 2025". */
function readingDate(locale: Locale, date: Date, series: readonly SeriesPoint[]): string {
	return isMonthly(series) ? locale.monthYear(date) : locale.date(date);
}

/** "in December 2025", or "on 14 December 2025" for a series that is not monthly. */
const readingTime = (locale: Locale, date: Date, series: readonly SeriesPoint[]): string =>
	locale.t(isMonthly(series) ? 'metric.inMonth' : 'metric.onDay', { date: readingDate(locale, date, series) });

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

export function summariseMetric(locale: Locale, metric: MetricFigures, tolerance = 1): MetricSummary {
	const series = sortedSeries(metric.series);
	const first = series[0]!;
	const latest = series.at(-1)!;
	const status = metricStatus(metric, tolerance);
	const value = formatMetricValue(locale, latest.value, metric.unit);
	const target = metric.target === undefined ? undefined : formatMetricValue(locale, metric.target, metric.unit);
	const when = readingDate(locale, latest.date, series);
	const at = readingTime(locale, latest.date, series);
	const standing =
		target === undefined || status === 'no-target'
			? locale.t('metric.standingNoTarget', { value, at })
			: locale.t('metric.standingTarget', { value, at, target, status: locale.t(`metric.sentence.${status}`) });
	const sentence = locale.t('metric.sentence', { standing, trend: trendWords(locale, metric, first, latest, series) });
	return { latest, first, status, value, target, when, sentence };
}

function trendWords(
	locale: Locale,
	metric: MetricFigures,
	first: SeriesPoint,
	latest: SeriesPoint,
	series: readonly SeriesPoint[],
): string {
	if (series.length === 1) return locale.t('metric.firstReading');
	const since = `${formatMetricValue(locale, first.value, metric.unit)} ${readingTime(locale, first.date, series)}`;
	if (latest.value === first.value) return locale.t('metric.unchanged', { since });
	const up = latest.value > first.value;
	const improved = up === (metric.direction === 'higher');
	return locale.t(up ? (improved ? 'metric.upBetter' : 'metric.upWorse') : improved ? 'metric.downBetter' : 'metric.downWorse', { since });
}

/** The chart as one sentence, for feeds, email and screen readers: see `summariseMetric`. */
export const describeMetric = (locale: Locale, metric: MetricFigures, tolerance = 1): string =>
	summariseMetric(locale, metric, tolerance).sentence;

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

/**
 * A metric's "before → now" since a baseline date: the reading on or before the baseline (the
 * first reading if none is that old) and the latest. The check has made sure one is that old.
 */
export function sinceBaseline(series: readonly SeriesPoint[], baseline: Date): { before: SeriesPoint; now: SeriesPoint } {
	const sorted = sortedSeries(series);
	const before = sorted.filter((point) => point.date <= baseline).at(-1) ?? sorted[0]!;
	return { before, now: sorted.at(-1)! };
}

/* ---------------------------------------------------------------- how the critical few were chosen */

/** A line of a ballot's tally as pages show it: the metric (when it has a page) and its picks. */
export interface TallyLine {
	id: string;
	title: string;
	metric?: MetricItem | undefined;
	picks: number;
}

export interface CriticalChoice {
	/** "Chosen by 7 of 9 superusers in the November 2026 ballot", or "Chosen by the editors". */
	words: string;
	/** The ballot that chose them; undefined when the editors typed the ranks. */
	ballot?: HubBallot | undefined;
	/** The metrics someone picked, most picked first. */
	picked: TallyLine[];
	/** How many candidates nobody picked. */
	unpicked: number;
	/** Titles of the metrics whose tie the editors settled. */
	tieSettled: string[];
}

/**
 * How a segment's critical metrics were chosen: by the ballot their ranks name (`chosenIn`; the
 * checks made sure they all name the same one), or by the editors. Undefined when it has none.
 */
export function criticalChoice(
	hub: Pick<Hub, 'listed' | 'metrics' | 'ballots' | 'segments' | 'locale'>,
	segmentId: string,
): CriticalChoice | undefined {
	const critical = criticalFor(hub, segmentId);
	if (critical.length === 0) return undefined;
	const ballotId = critical.map(({ metric }) => metric.entry.data.chosenIn[segmentId]?.id).find((id) => id !== undefined);
	const ballot = hub.ballots.find((candidate) => candidate.id === ballotId);
	const name = hub.segments.find((segment) => segment.id === segmentId)?.data.name ?? segmentId;
	const metrics = new Map(hub.metrics.map((metric) => [metric.id, metric]));
	const line = (id: string, picks: number): TallyLine => ({ id, title: metrics.get(id)?.title ?? id, metric: metrics.get(id), picks });
	const rows = ballot?.tally.rows ?? [];
	return {
		words: chosenByWords(hub.locale, ballot, name),
		ballot,
		picked: rows.filter((row) => row.picks > 0).map((row) => line(row.metric, row.picks)),
		unpicked: rows.filter((row) => row.picks === 0).length,
		tieSettled: (ballot?.tieSettled ?? []).map((id) => line(id, 0).title),
	};
}

/** The segments that count a metric among their critical few, with its rank and who chose it, for its page. */
export function chosenAsCritical(
	hub: Pick<Hub, 'segments' | 'ballots' | 'locale'>,
	metric: MetricItem,
): { segment: Hub['segments'][number]; rank: number; by: string }[] {
	const { critical, chosenIn } = metric.entry.data;
	return hub.segments
		.filter((segment) => critical[segment.id] !== undefined)
		.map((segment) => {
			const ballot = hub.ballots.find((candidate) => candidate.id === chosenIn[segment.id]?.id);
			return {
				segment,
				rank: critical[segment.id]!,
				by: ballot
					? hub.locale.t('metric.pickedBy', { segment: segment.data.name.toLowerCase(), ballot: ballotName(hub.locale, ballot) })
					: hub.locale.t('metric.chosenByEditors'),
			};
		});
}
