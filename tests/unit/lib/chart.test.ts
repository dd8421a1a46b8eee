import { describe, expect, it } from 'vitest';
import { createLocale } from '../../../src/content/i18n';
import { chartGeometry, type Point } from '../../../src/outputs/chart';

const en = createLocale('en-GB');
const de = createLocale('de');

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const series = (...pairs: [string, number][]): Point[] => pairs.map(([date, value]) => ({ date: day(date), value }));
const box = { width: 200, height: 100 };

describe('chartGeometry', () => {
	it('maps a known series onto known points, oldest on the left and higher values higher up', () => {
		const chart = chartGeometry(en, series(['2026-03-01', 10], ['2026-01-01', 0], ['2026-02-01', 5]), {
			...box,
			margin: { top: 10, right: 10, bottom: 10, left: 10 },
			nice: false,
		});
		// January to March is 31 + 28 days; February sits 31/59 of the way across 180 units.
		expect(chart.points.map(({ x, y, value }) => ({ x, y, value }))).toEqual([
			{ x: 10, y: 90, value: 0 },
			{ x: 104.58, y: 50, value: 5 },
			{ x: 190, y: 10, value: 10 },
		]);
		expect(chart.line).toBe('M10,90L104.58,50L190,10');
		expect(chart.plot).toEqual({ top: 10, right: 190, bottom: 90, left: 10 });
	});

	it('rounds the value axis out to nice ticks that cover every value', () => {
		const chart = chartGeometry(en, series(['2026-01-01', 99.87], ['2026-02-01', 99.99]), { ...box, valueTicks: 5 });
		const values = chart.valueTicks.map((t) => t.value);
		expect(values[0]).toBeLessThanOrEqual(99.87);
		expect(values.at(-1)).toBeGreaterThanOrEqual(99.99);
		expect(chart.valueTicks.map((t) => t.label)).toEqual(['99.86', '99.88', '99.90', '99.92', '99.94', '99.96', '99.98', '100.00']);
		// Ticks run bottom to top: the lowest value at the bottom edge, the highest at the top.
		expect(chart.valueTicks[0]!.position).toBe(100);
		expect(chart.valueTicks.at(-1)!.position).toBe(0);
	});

	it('labels monthly date ticks with month and year', () => {
		const chart = chartGeometry(en, series(['2025-12-01', 1], ['2026-11-01', 2]), { ...box, timeTicks: 4 });
		expect(chart.timeTicks.map((t) => t.label)).toEqual(['Jan 2026', 'Apr 2026', 'Jul 2026', 'Oct 2026']);
		for (const tick of chart.timeTicks) expect(tick.position).toBeGreaterThan(0);
	});

	it('keeps every date label inside the view box, anchoring labels at the edges towards the middle', () => {
		// The metric page's chart: 640 wide, the last reading on the plot's right edge at x=620.
		const monthly = Array.from({ length: 10 }, (_, i): [string, number] => [`2026-${String(i + 1).padStart(2, '0')}-01`, i]);
		const chart = chartGeometry(en, series(...monthly), { width: 640, height: 260, margin: { top: 16, right: 20, bottom: 34, left: 64 } });
		expect(chart.timeTicks.at(-1)).toMatchObject({ position: 620, label: 'Oct 2026', anchor: 'end' });
		// 13 px text averages under 8 units a character.
		for (const { position, label, anchor } of chart.timeTicks) {
			const width = label.length * 8;
			const start = anchor === 'start' ? position : anchor === 'end' ? position - width : position - width / 2;
			expect(start, label).toBeGreaterThanOrEqual(0);
			expect(start + width, label).toBeLessThanOrEqual(640);
		}
		expect(chart.timeTicks[1]?.anchor).toBe('middle');
		const narrow = chartGeometry(en, series(['2026-01-01', 1], ['2026-02-01', 2]), { width: 200, height: 100, timeTicks: 2 });
		expect(narrow.timeTicks[0]).toMatchObject({ position: 0, anchor: 'start' });
	});

	it("labels both axes in the hub's language", () => {
		const chart = chartGeometry(de, series(['2026-01-01', 1.5], ['2026-02-01', 1], ['2026-03-01', -0.5]), { ...box, timeTicks: 2 });
		expect(chart.valueTicks.map((t) => t.label)).toContain('0,5');
		expect(chart.valueTicks[0]!.label).toMatch(/^\u2212/);
		expect(chart.timeTicks.map((t) => t.label)).toEqual(['Jan. 2026', 'Feb. 2026', 'März 2026']);
	});

	it('labels finer date ticks with day and month', () => {
		const chart = chartGeometry(en, series(['2026-03-02', 1], ['2026-03-20', 2]), { ...box, timeTicks: 3 });
		expect(chart.timeTicks[0]!.label).toMatch(/^\d{1,2} Mar$/);
	});

	it('always includes the target, and draws it where its value is', () => {
		const chart = chartGeometry(en, series(['2026-01-01', 40], ['2026-02-01', 60]), { ...box, target: 90, nice: false });
		expect(chart.target).toEqual({ value: 90, y: 0, labelAt: 'start' });
		// 60 is two fifths of the way from 40 to 90.
		expect(chart.points.map((p) => p.y)).toEqual([100, 60]);
	});

	it('puts the target label at the end of the chart the series is farther from', () => {
		const falling = chartGeometry(en, series(['2026-01-01', 10], ['2026-02-01', 3.5]), { ...box, target: 3 });
		const rising = chartGeometry(en, series(['2026-01-01', 1.8], ['2026-02-01', 2.6]), { ...box, target: 2 });
		expect(falling.target?.labelAt).toBe('start');
		expect(rising.target?.labelAt).toBe('end');
	});

	it('draws a flat series across the middle instead of on an edge', () => {
		const chart = chartGeometry(en, series(['2026-01-01', 7], ['2026-02-01', 7], ['2026-03-01', 7]), { ...box, nice: false });
		expect(new Set(chart.points.map((p) => p.y))).toEqual(new Set([50]));
		expect(chart.valueTicks.length).toBeGreaterThan(1);
		const flatZero = chartGeometry(en, series(['2026-01-01', 0], ['2026-02-01', 0]), { ...box, nice: false });
		expect(flatZero.points.map((p) => p.y)).toEqual([50, 50]);
	});

	it('puts a single reading in the middle with one date tick', () => {
		const chart = chartGeometry(en, series(['2026-05-01', 42]), box);
		expect(chart.points).toHaveLength(1);
		expect(chart.points[0]).toMatchObject({ x: 100, y: 50 });
		expect(chart.line).toBe('M100,50');
		expect(chart.timeTicks).toEqual([{ value: day('2026-05-01'), position: 100, label: 'May 2026', anchor: 'middle' }]);
	});

	it('handles negative values and marks zero when the axis crosses it', () => {
		const chart = chartGeometry(en, series(['2026-01-01', 40], ['2026-02-01', -10]), { ...box, nice: false });
		expect(chart.points.map((p) => p.y)).toEqual([0, 100]);
		expect(chart.zero).toBe(80);
		expect(chart.valueTicks.some((t) => t.value < 0)).toBe(true);
		const allNegative = chartGeometry(en, series(['2026-01-01', -4], ['2026-02-01', -14]), { ...box, nice: false });
		expect(allNegative.points.map((p) => p.y)).toEqual([0, 100]);
		expect(allNegative.zero).toBeUndefined();
	});

	it('refuses an empty series', () => {
		expect(() => chartGeometry(en, [], box)).toThrow(/at least one point/);
	});
});
