/**
 * Geometry of the hub's charts: where a dated series, its axes and its target land in an SVG
 * box. Pure numbers and strings, so components only draw and tests can check the maths. Charts are
 * drawn at build time: no client JavaScript, and the SVG scales crisply in print.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import type { Locale } from '../content/i18n';

export interface Point {
	date: Date;
	value: number;
}

export interface Box {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface ChartOptions {
	/** Width of the SVG's viewBox. */
	width: number;
	/** Height of the SVG's viewBox. */
	height: number;
	/** Room around the plot for axis labels. Default: none. */
	margin?: Box;
	/** A target value to draw as a line; the value axis always includes it. */
	target?: number | undefined;
	/** Roughly how many value ticks to aim for. Default: 5. */
	valueTicks?: number;
	/** Roughly how many date ticks to aim for. Default: 5. */
	timeTicks?: number;
	/** Round the value axis out to tick values, as an axis should; sparklines turn it off to fill their box. Default: `true`. */
	nice?: boolean;
	/** Widest a label character may be, in viewBox units, to keep date labels inside the box. Default: 8 (13 px text). */
	labelCharWidth?: number;
}

export interface PlottedPoint extends Point {
	x: number;
	y: number;
}

export interface Tick<T> {
	value: T;
	/** x for a date tick, y for a value tick. */
	position: number;
	label: string;
}

/** SVG `text-anchor`: which end of a label sits at its position. */
export type TextAnchor = 'start' | 'middle' | 'end';

export interface ChartGeometry {
	width: number;
	height: number;
	/** The plotting area inside the margins. */
	plot: Box;
	/** The series, oldest first, at its place in the box. */
	points: PlottedPoint[];
	/** SVG path data of the line through the points. */
	line: string;
	valueTicks: Tick<number>[];
	/** Date ticks; a label centred on a tick near an edge would be cut off, so it is anchored towards the middle. */
	timeTicks: (Tick<Date> & { anchor: TextAnchor })[];
	/**
	 * The target line, when there is a target; its label goes at the end (`start` or `end`) where
	 * the series is farther from the line, so the two do not collide.
	 */
	target?: { value: number; y: number; labelAt: 'start' | 'end' } | undefined;
	/** y of zero when the value axis crosses it (a variance that goes negative), so a chart can draw it. */
	zero?: number | undefined;
}

const NO_MARGIN: Box = { top: 0, right: 0, bottom: 0, left: 0 };

/** Two decimals are finer than any screen or printer; rounding keeps the markup short and stable. */
const round = (n: number) => Math.round(n * 100) / 100;

const isStartOfMonth = (date: Date) => date.getUTCDate() === 1 && date.getUTCHours() === 0 && date.getUTCMinutes() === 0;

/** "Mar 2026" for monthly ticks (metrics are mostly monthly), "14 Mar" for finer ones, in the hub's language. */
function dateLabels(locale: Locale, dates: readonly Date[]): string[] {
	const format = dates.every(isStartOfMonth) ? locale.shortMonthYear : locale.dayMonth;
	return dates.map((date) => format(date));
}

/**
 * Tick labels in the hub's language ("0.5", "0,5"), each with as many decimals as the step
 * between ticks needs, as d3's `tickFormat` would, and a true minus sign.
 */
function tickLabel(locale: Locale, ticks: readonly number[]): (value: number) => string {
	const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
	const digits = step > 0 ? Math.max(0, Math.ceil(-Math.log10(step) - 1e-9)) : 0;
	return (value) => locale.number(value, { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace(/^-/, '\u2212');
}

/** The anchor that keeps a label of this width, placed at `position`, inside `[0, width]`. */
function anchorWithin(position: number, labelWidth: number, width: number): TextAnchor {
	if (position - labelWidth / 2 < 0) return 'start';
	if (position + labelWidth / 2 > width) return 'end';
	return 'middle';
}

/**
 * A flat series (or a single value) has no spread to scale; give it some around its value so
 * the line sits mid-height with sensible ticks instead of collapsing onto an edge.
 */
function valueDomain(values: readonly number[]): [number, number] {
	const min = Math.min(...values);
	const max = Math.max(...values);
	if (min !== max) return [min, max];
	const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
	return [min - pad, max + pad];
}

export function chartGeometry(locale: Locale, series: readonly Point[], options: ChartOptions): ChartGeometry {
	if (series.length === 0) throw new Error('chartGeometry needs at least one point');
	const { width, height, margin = NO_MARGIN, target, valueTicks = 5, timeTicks = 5, nice = true, labelCharWidth = 8 } = options;
	const plot: Box = { top: margin.top, right: width - margin.right, bottom: height - margin.bottom, left: margin.left };
	const sorted = [...series].sort((a, b) => a.date.getTime() - b.date.getTime());

	const values = sorted.map((p) => p.value);
	const y = scaleLinear()
		.domain(valueDomain(target === undefined ? values : [...values, target]))
		.range([plot.bottom, plot.top]);
	if (nice) y.nice(valueTicks);
	const formatValue = tickLabel(locale, y.ticks(valueTicks));

	const first = sorted[0]!.date;
	const last = sorted.at(-1)!.date;
	// One date has no span to spread over: it stands in the middle.
	const middle = (plot.left + plot.right) / 2;
	const time = scaleUtc().domain([first, last]).range([plot.left, plot.right]);
	const x = (date: Date) => (first.getTime() === last.getTime() ? middle : time(date));
	const tickDates = first.getTime() === last.getTime() ? [first] : time.ticks(timeTicks);
	const tickLabels = dateLabels(locale, tickDates);

	const points = sorted.map((p) => ({ ...p, x: round(x(p.date)), y: round(y(p.value)) }));
	const [low, high] = y.domain() as [number, number];
	const targetY = target === undefined ? 0 : round(y(target));
	const clearance = (point: PlottedPoint) => Math.abs(point.y - targetY);
	return {
		width,
		height,
		plot,
		points,
		line: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(''),
		valueTicks: y.ticks(valueTicks).map((value) => ({ value, position: round(y(value)), label: formatValue(value) })),
		timeTicks: tickDates.map((date, i) => {
			const position = round(x(date));
			const label = tickLabels[i]!;
			return { value: date, position, label, anchor: anchorWithin(position, label.length * labelCharWidth, width) };
		}),
		target:
			target === undefined
				? undefined
				: { value: target, y: targetY, labelAt: clearance(points[0]!) > clearance(points.at(-1)!) ? 'start' : 'end' },
		zero: low < 0 && high > 0 ? round(y(0)) : undefined,
	};
}
