/**
 * Geometry of the restore timeline on `/systems/`: the first 24 hours after everything stops at
 * once, one row per system in the order it comes back. Pure numbers and strings, like the
 * hourglass (`hourglass.ts`), so the component only draws and tests can check the maths.
 *
 * Each row says in words what it shows (the system, when it is back, its tier, who is waiting), so
 * it reads in greyscale print and without colour: a dotted line while it waits for what it runs
 * on, a solid bar while IT restores it, a diamond where the first to feel it runs out of patience.
 */
import { scalePow } from 'd3-scale';
import { formatDuration, HOUR, shortDuration } from '../content/duration';
import type { Locale } from '../content/i18n';
import type { SystemItem } from '../hub/hub';

export interface TimelineOptions {
	/** Width of the SVG's viewBox: 340, so 12-unit text stays readable on a phone, as the hourglass's does. */
	width: number;
	padding: number;
	/** Height of one system's row: its name line, its waiting line and its bar. */
	rowHeight: number;
	/** Room for the time axis at the top. */
	axisHeight: number;
	/** The hours the drawing covers. */
	hours: number;
	/** Most dependents a row names before "and N more". */
	namesPerRow: number;
}

export const TIMELINE_LAYOUT: TimelineOptions = { width: 340, padding: 8, rowHeight: 48, axisHeight: 28, hours: 24, namesPerRow: 2 };

/** Where the axis is labelled: the first hours matter most, and the square-root scale gives them room. */
const TICK_HOURS = [0, 1, 2, 4, 8, 12, 24];

export interface TimelineRow {
	id: string;
	name: string;
	/** "back after 1h25m · tier 2". */
	label: string;
	/** "Waiting: Executives, All Staff". */
	waiting: string;
	nameY: number;
	waitingY: number;
	barY: number;
	barHeight: number;
	/** While it waits for faster tiers and what it runs on: a dotted line from the outage. */
	idle?: { x1: number; x2: number } | undefined;
	/** While IT restores it. */
	bar: { x: number; width: number };
	/** Where the dependent who can wait least runs out of patience, within the drawing. */
	patience?: { x: number; points: string } | undefined;
}

export interface TimelineGeometry {
	width: number;
	height: number;
	ticks: { x: number; label: string }[];
	axisY: number;
	rows: TimelineRow[];
}

const round = (n: number) => Math.round(n * 100) / 100;

const names = (locale: Locale, system: Pick<SystemItem, 'dependents'>, most: number) => {
	const all = [...new Set(system.dependents.map((dependent) => dependent.name))];
	if (all.length <= most) return locale.list(all, 'unit');
	return locale.t('timeline.more', { names: locale.list(all.slice(0, most), 'unit'), count: all.length - most });
};

type Drawn = Pick<SystemItem, 'id' | 'name' | 'tier' | 'dependents' | 'restore'>;

export function timelineGeometry(locale: Locale, systems: readonly Drawn[], options: TimelineOptions = TIMELINE_LAYOUT): TimelineGeometry {
	const { width, padding, rowHeight, axisHeight, hours, namesPerRow } = options;
	const end = hours * HOUR;
	const x = scalePow()
		.exponent(0.5)
		.domain([0, end])
		.range([padding, width - padding])
		.clamp(true);
	const rows = systems.flatMap((system, index): TimelineRow[] => {
		if (!system.restore) return [];
		const { start, back } = system.restore;
		const top = padding + axisHeight + index * rowHeight;
		const barY = top + 30;
		const barHeight = 10;
		const patience = Math.min(...system.dependents.map((dependent) => dependent.wait));
		const px = x(patience);
		const mid = barY + barHeight / 2;
		return [
			{
				id: system.id,
				name: system.name,
				label: locale.t('timeline.rowLabel', { back: shortDuration(locale, back), tier: system.tier }),
				waiting: locale.t('timeline.rowWaiting', { names: names(locale, system, namesPerRow) }),
				nameY: round(top + 8),
				waitingY: round(top + 22),
				barY: round(barY),
				barHeight,
				idle: start > 0 ? { x1: round(x(0)), x2: round(x(start)) } : undefined,
				bar: { x: round(x(start)), width: round(Math.max(2, x(back) - x(start))) },
				patience:
					patience <= end
						? {
								x: round(px),
								points: [
									`${round(px)},${round(mid - 6)}`,
									`${round(px + 5)},${round(mid)}`,
									`${round(px)},${round(mid + 6)}`,
									`${round(px - 5)},${round(mid)}`,
								].join(' '),
							}
						: undefined,
			},
		];
	});
	return {
		width,
		height: padding * 2 + axisHeight + rows.length * rowHeight,
		axisY: padding + axisHeight - 8,
		ticks: TICK_HOURS.filter((hour) => hour <= hours).map((hour) => ({
			x: round(x(hour * HOUR)),
			label: hour === 0 ? locale.t('timeline.outage') : locale.t('timeline.hours', { count: hour }),
		})),
		rows,
	};
}

/**
 * The timeline in words, for the SVG's description: "After a site-wide outage, systems come back in
 * this order. The network: back after 20 minutes (tier 1); All Staff can wait 15 minutes. …"
 */
export function describeTimeline(locale: Locale, systems: readonly Drawn[]): string {
	const lines = systems.flatMap((system) => {
		if (!system.restore) return [];
		const least = [...system.dependents].sort((a, b) => a.wait - b.wait)[0];
		const said = { system: system.name, back: formatDuration(locale, system.restore.back), tier: system.tier };
		return [
			least
				? locale.t('timeline.describeSystemWho', { ...said, who: least.name, wait: formatDuration(locale, least.wait) })
				: locale.t('timeline.describeSystem', said),
		];
	});
	return [locale.t('timeline.describe'), ...lines].join(' ');
}
