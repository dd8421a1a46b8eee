import { describe, expect, it } from 'vitest';
import type { AnyItem, Hub, MetricItem } from '../../../src/hub/hub';
import {
	citedBy,
	citedMetric,
	criticalFor,
	describeMetric,
	formatMetricGap,
	formatMetricValue,
	metricStatus,
	summariseMetric,
	typicalMove,
	type MetricFigures,
} from '../../../src/hub/metrics';
import { criticalProblems, metricUsageProblems, type CriticalMarks, type MetricUsage } from '../../../src/checks/metrics';
import { parseMdx } from '../../../src/content/mdx';
import { ENGLISH, formatProblem } from '../../../src/content/problems';
import { inspectMdx } from '../../../src/content/render/render-mdx';
import type { Reference, ReferenceCheck } from '../../../src/checks/references';
import { createLocale } from '../../../src/content/i18n';
import { said } from '../../helpers/said';

const en = createLocale('en-GB');

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** A monthly series from December 2025, one value a month. */
const monthly = (...values: number[]) => values.map((value, i) => ({ date: new Date(Date.UTC(2025, 11 + i, 1)), value }));
const metric = (fields: Partial<MetricFigures> & Pick<MetricFigures, 'series'>): MetricFigures => ({
	unit: '%',
	direction: 'higher',
	...fields,
});

describe('metricStatus', () => {
	it('is on target when a higher-is-better value reaches the target, off target well below it', () => {
		expect(metricStatus(metric({ target: 80, series: monthly(70, 75, 85) }))).toBe('on-target');
		expect(metricStatus(metric({ target: 80, series: monthly(70, 75, 80) }))).toBe('on-target');
		expect(metricStatus(metric({ target: 80, series: monthly(60, 62, 64) }))).toBe('off-target');
	});

	it('reads lower-is-better the other way round', () => {
		expect(metricStatus(metric({ direction: 'lower', target: 90, series: monthly(86, 85, 84) }))).toBe('on-target');
		expect(metricStatus(metric({ direction: 'lower', target: 2, series: monthly(1.8, 1.9, 2.0, 2.1, 2.2, 2.6) }))).toBe('off-target');
		// The same numbers with higher-is-better flip.
		expect(metricStatus(metric({ direction: 'higher', target: 90, series: monthly(86, 85, 84) }))).toBe('off-target');
	});

	it('is at risk when a miss is within one typical move of the target', () => {
		// Steps of 0.5: missing 3 by 0.5 is one ordinary month away.
		const phishing = metric({ direction: 'lower', target: 3, series: monthly(5, 4.5, 4, 3.5) });
		expect(typicalMove(phishing.series)).toBeCloseTo(0.5);
		expect(metricStatus(phishing)).toBe('at-risk');
		expect(metricStatus({ ...phishing, series: monthly(5.5, 5, 4.5, 4) })).toBe('off-target');
	});

	it('is at risk when it meets the target narrowly but the last move went the wrong way', () => {
		expect(metricStatus(metric({ target: 80, series: monthly(70, 74, 78, 84, 82) }))).toBe('at-risk');
		// The same margin moving the right way is fine.
		expect(metricStatus(metric({ target: 80, series: monthly(70, 74, 78, 80, 82) }))).toBe('on-target');
		expect(metricStatus(metric({ direction: 'lower', target: 10, series: monthly(20, 15, 8, 9) }))).toBe('at-risk');
	});

	it('takes the tolerance in typical moves, so 0 turns "at risk" off', () => {
		const near = metric({ direction: 'lower', target: 3, series: monthly(5, 4.5, 4, 3.5) });
		expect(metricStatus(near, 0)).toBe('off-target');
		expect(metricStatus({ ...near, series: monthly(6, 5, 4, 3.5) }, 2)).toBe('at-risk');
	});

	it('needs no history: a single reading or a flat series is simply on or off target', () => {
		expect(metricStatus(metric({ target: 5, series: monthly(5) }))).toBe('on-target');
		expect(metricStatus(metric({ target: 5, series: monthly(4.9) }))).toBe('off-target');
		expect(metricStatus(metric({ direction: 'lower', target: 5, series: monthly(6, 6, 6) }))).toBe('off-target');
	});

	it('says so when there is no target, and sorts a series given newest first', () => {
		expect(metricStatus(metric({ series: monthly(1, 2) }))).toBe('no-target');
		const newestFirst = [...monthly(60, 70, 85)].reverse();
		expect(metricStatus(metric({ target: 80, series: newestFirst }))).toBe('on-target');
	});
});

describe('formatting values', () => {
	it('writes units the way a reader does', () => {
		expect(formatMetricValue(en, 99.95, '%')).toBe('99.95%');
		expect(formatMetricValue(en, 42, '£k')).toBe('£42k');
		expect(formatMetricValue(en, -14, '£k')).toBe('-£14k');
		expect(formatMetricValue(en, 1234.5, 'minutes')).toBe('1,234.5 minutes');
		expect(formatMetricValue(en, 2.0, 'seconds')).toBe('2 seconds');
	});

	it('gives a gap between percentages in percentage points', () => {
		expect(formatMetricGap(en, 0.5, '%')).toBe('0.5 percentage points');
		expect(formatMetricGap(en, 12, 'minutes')).toBe('12 minutes');
	});
});

describe('describeMetric', () => {
	it('says the chart in words: latest, target, status and the trend since the first reading', () => {
		const availability = metric({ target: 99.9, series: monthly(99.2, 99.5, 99.95) });
		expect(describeMetric(en, availability)).toBe(
			'Latest 99.95% in February 2026 (target 99.9%): on target; up from 99.2% in December 2025, an improvement.',
		);
	});

	it('judges the trend by the direction that is better', () => {
		const load = metric({ unit: 'seconds', direction: 'lower', target: 2, series: monthly(1.8, 2.5, 2.6) });
		expect(describeMetric(en, load)).toBe(
			'Latest 2.6 seconds in February 2026 (target 2 seconds): off target; up from 1.8 seconds in December 2025, a decline.',
		);
		const spend = metric({ unit: '£k', direction: 'lower', target: 0, series: monthly(42, -14) });
		expect(describeMetric(en, spend)).toBe(
			'Latest -£14k in January 2026 (target £0k): on target; down from £42k in December 2025, an improvement.',
		);
	});

	it('covers no target, no change, one reading and readings not on the first of a month', () => {
		expect(describeMetric(en, metric({ series: monthly(70, 70) }))).toBe(
			'Latest 70% in January 2026 (no target set); unchanged from 70% in December 2025.',
		);
		expect(describeMetric(en, metric({ target: 5, series: monthly(5) }))).toBe(
			'Latest 5% in December 2025 (target 5%): on target; the first reading.',
		);
		const weekly = metric({
			unit: 'days',
			direction: 'lower',
			series: [
				{ date: day('2026-03-09'), value: 4 },
				{ date: day('2026-03-16'), value: 3 },
			],
		});
		expect(describeMetric(en, weekly)).toBe(
			'Latest 3 days on 16 March 2026 (no target set); down from 4 days on 9 March 2026, an improvement.',
		);
	});

	it('gives the pieces a card needs', () => {
		const summary = summariseMetric(en, metric({ target: 80, series: monthly(34, 82) }));
		expect(summary).toMatchObject({
			status: 'on-target',
			value: '82%',
			target: '80%',
			when: 'January 2026',
			latest: { value: 82 },
			first: { value: 34 },
		});
	});
});

describe('criticalProblems', () => {
	const segments = ['executives', 'finance', 'all-staff'];
	const marks = (id: string, critical: Record<string, number>, addressed = Object.keys(critical)): CriticalMarks => ({
		id,
		filePath: `content/metrics/${id}.yaml`,
		data: { segments: addressed.map((s) => ({ id: s })), critical },
	});

	it('accepts up to the limit per segment, ranked without gaps or clashes', () => {
		expect(
			criticalProblems([marks('a', { finance: 1, executives: 2 }), marks('b', { finance: 2 }), marks('c', { finance: 3 })], segments, 3),
		).toEqual([]);
	});

	it('refuses a fourth critical metric for a segment, naming the file, the segment and the three already chosen', () => {
		const problems = criticalProblems(
			[
				marks('a', { finance: 1 }),
				marks('b', { finance: 2 }),
				marks('c', { finance: 3 }),
				marks('d', { finance: 4 }),
				marks('e', { executives: 1 }),
			],
			segments,
			3,
		);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'content/metrics/d.yaml', field: 'critical.finance' });
		expect(formatProblem(problems[0]!, ENGLISH)).toBe(
			'content/metrics/d.yaml critical.finance: expected at most 3 critical metrics for the segment "finance" (criticalLimit in hub.yaml), and it already has a, b, c; found a fourth one, rank 4',
		);
	});

	it('follows the configured limit', () => {
		const three = [marks('a', { finance: 1 }), marks('b', { finance: 2 }), marks('c', { finance: 3 })];
		expect(criticalProblems(three, segments, 2).map((p) => p.file)).toEqual(['content/metrics/c.yaml']);
		expect(criticalProblems([...three, marks('d', { finance: 4 })], segments, 4)).toEqual([]);
	});

	it('refuses a critical key that names no segment, listing the segments there are', () => {
		const [problem, ...rest] = criticalProblems([marks('a', { fnance: 1 }, ['finance'])], segments, 3);
		expect(rest).toEqual([]);
		expect(formatProblem(problem!, ENGLISH)).toBe(
			'content/metrics/a.yaml critical.fnance: expected an existing segment, one of: all-staff, executives, finance; found "fnance"',
		);
	});

	it('refuses two metrics with one rank in one segment', () => {
		const problems = criticalProblems([marks('a', { finance: 1 }), marks('b', { finance: 1 })], segments, 3);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'content/metrics/b.yaml', field: 'critical.finance', found: '1' });
		expect(said(problems[0]!).expected).toContain('content/metrics/a.yaml is already ranked 1');
	});

	it('refuses a rank beyond the limit and a segment the metric is not addressed to', () => {
		expect(criticalProblems([marks('a', { finance: 5 })], segments, 3).map(said)).toEqual([
			{ file: 'content/metrics/a.yaml', field: 'critical.finance', expected: 'a rank from 1 to 3 (criticalLimit in hub.yaml)', found: '5' },
		]);
		const [problem] = criticalProblems([marks('a', { finance: 1 }, ['executives'])], segments, 3);
		expect(problem).toMatchObject({ field: 'critical.finance', found: '["executives"]' });
	});
});

describe('metric components in MDX', () => {
	const from = { collection: 'papers', id: 'cloud', file: 'content/papers/cloud.mdx' };
	const source = [
		'---',
		'title: Cloud',
		'---',
		'',
		'Checkout stayed up <MetricValue id="checkout-availability" /> of the time.',
		'',
		'<Metric id="cloud-spend-variance" />',
		'',
		'<Metric id={someId} />',
		'',
		'<Callout id="not-a-metric" />',
		'',
		'<Metric />',
	].join('\n');

	it('finds every use with its component, id and line in the file', () => {
		const usage = { collection: 'papers', entryId: 'cloud', file: 'content/papers/cloud.mdx' };
		expect(metricUsages(source, from)).toMatchObject([
			{ ...usage, line: 5, component: 'MetricValue', id: 'checkout-availability' },
			{ ...usage, line: 7, component: 'Metric', id: 'cloud-spend-variance' },
			{ ...usage, line: 9, component: 'Metric', id: undefined },
			{ ...usage, line: 13, component: 'Metric', id: undefined },
		]);
	});

	const known = ['checkout-availability', 'cloud-spend-variance', 'secret-metric'];
	const check = (unpublished: string[] = []): ReferenceCheck => ({
		ids: (collection) => (collection === 'metrics' ? known : []),
		isPublic: (ref: Reference) => !unpublished.includes(`${ref.collection}/${ref.id}`),
	});

	it('reports an unknown id with file, line and the ids there are', () => {
		const usages = metricUsages('Intro\n\n<Metric id="checkout-avail" />\n', from);
		const [problem, ...rest] = metricUsageProblems(usages, check());
		expect(rest).toEqual([]);
		expect(formatProblem(problem!, ENGLISH)).toBe(
			'content/papers/cloud.mdx:3:1 <Metric> id: expected an existing metric, one of: checkout-availability, cloud-spend-variance, secret-metric; found "checkout-avail"',
		);
	});

	it('reports a missing or computed id, and accepts known ones', () => {
		const problems = metricUsageProblems(metricUsages(source, from), check());
		expect(problems.map(said).map((p) => [p.line, p.found])).toEqual([
			[9, 'no plain id'],
			[13, 'no plain id'],
		]);
	});

	it('refuses an unpublished metric in published writing, but not in a draft', () => {
		const usages = metricUsages('<MetricValue id="secret-metric" />', from);
		expect(said(metricUsageProblems(usages, check(['metrics/secret-metric']))[0]!)).toMatchObject({
			line: 1,
			expected: 'a published metric',
		});
		expect(metricUsageProblems(usages, check(['metrics/secret-metric', 'papers/cloud']))).toEqual([]);
	});
});

/** The metric components of an MDX source, as the renderer finds them, attributed to the entry `from`. */
function metricUsages(source: string, from: { collection: string; id: string; file: string }): MetricUsage[] {
	const { metrics } = inspectMdx(parseMdx(source), { file: from.file, path: from.file });
	return metrics.map((citation) => ({ ...citation, collection: from.collection, entryId: from.id, file: from.file }));
}

describe('critical metrics and citations from the hub', () => {
	// Just enough of a hub: items carry the fields these functions read.
	const item = (kind: string, id: string, data: object, collection = `${kind}s`) => ({ kind, id, title: id, entry: { collection, data } });
	const speed = item('metric', 'speed', { critical: { executives: 2 } });
	const spend = item('metric', 'spend', { critical: { executives: 1, finance: 1 } });
	const uptime = item('metric', 'uptime', { critical: {} });
	const paper = item('paper', 'cloud', {});
	const study = item('case-study', 'black-friday', { metrics: [{ collection: 'metrics', id: 'uptime' }] }, 'case-studies');
	const issue = item('newsletter', 'issue-1', {
		items: [{ paper: { collection: 'papers', id: 'cloud' } }, { metric: { collection: 'metrics', id: 'speed' } }],
	});
	const hub = {
		listed: [speed, spend, uptime, paper, study, issue] as unknown as AnyItem[],
		metricUsages: [
			{ collection: 'papers', entryId: 'cloud', file: 'x', line: 1, column: 1, component: 'Metric', id: 'spend' },
			{ collection: 'papers', entryId: 'cloud', file: 'x', line: 2, column: 1, component: 'MetricValue', id: 'spend' },
			{ collection: 'papers', entryId: 'draft-paper', file: 'y', line: 1, column: 1, component: 'Metric', id: 'uptime' },
		],
	} satisfies Pick<Hub, 'listed' | 'metricUsages'>;

	it("lists a segment's critical metrics by rank", () => {
		expect(criticalFor(hub, 'executives').map(({ metric, rank }) => [metric.id, rank])).toEqual([
			['spend', 1],
			['speed', 2],
		]);
		expect(criticalFor(hub, 'all-staff')).toEqual([]);
	});

	it('finds who cites each metric: components, case study metrics and newsletter items, each once, listed entries only', () => {
		const ids = (metricId: string) => citedBy(hub, metricId).map((i) => `${i.kind}/${i.id}`);
		expect(ids('spend')).toEqual(['paper/cloud']);
		expect(ids('uptime')).toEqual(['case-study/black-friday']);
		expect(ids('speed')).toEqual(['newsletter/issue-1']);
		expect(ids('unknown')).toEqual([]);
	});
});

describe('citedMetric', () => {
	const hub = { metrics: [{ id: 'checkout-availability' } as MetricItem] };

	it('finds the metric a component names', () => {
		expect(citedMetric(hub, 'checkout-availability', 'Metric').id).toBe('checkout-availability');
	});

	it('names the component and the id when the hub has no such metric', () => {
		expect(() => citedMetric(hub, 'uptime', 'MetricValue')).toThrow('<MetricValue id="uptime"/>: no published metric has this id');
	});
});
