/**
 * Geometry of a campaign's hourglass: the seven stages as horizontal bands, Know at the top, the
 * top bulb narrowing to Try at the waist, the bottom bulb widening to Refer. Pure numbers and
 * strings, like the charts (`chart.ts`), so the component only draws and tests can check the maths.
 *
 * A band's state shows by shape and by words, never by colour alone, so it survives greyscale
 * print and colour blindness: done is solid with a check mark, under way is hatched over the share
 * of activities done, not started is a dashed outline, skipped a dotted outline struck through; each
 * band's label says its state in words.
 */
import type { Locale } from '../content/i18n';
import { STAGE_IDS, stageLabel, type StageId } from '../content/stages';
import { stageSummary, stateLabel, type Progress, type StageProgress, type StageState } from '../hub/campaigns';

export interface HourglassOptions {
	/** Width of the SVG's viewBox. */
	width: number;
	/** Room above the first band and below the last. */
	padding: number;
	/** Height of one band, including the gap that separates it from the next. */
	bandHeight: number;
	gap: number;
	/** Where the hourglass starts, and its width at its widest (the top of Know, the bottom of Refer). */
	left: number;
	bulbWidth: number;
	/** Width of the waist: the Try band. */
	waist: number;
	/** Where the labels start, right of the hourglass. */
	labelX: number;
	/** Distance between a label's two lines. */
	lineHeight: number;
	/** Distance between hatch lines, across them. */
	hatchSpacing: number;
	/** Widest a label character is on average, in viewBox units: the drawing widens for longer labels (German runs longer than English). */
	labelCharWidth: number;
}

/**
 * The component's drawing: 340 units wide, so 13-unit text stays at 12 px or more as displayed
 * down to 314 px wide (a 390 px phone gives the page about 350), and grows to 16 px at its widest.
 */
export const HOURGLASS_LAYOUT: HourglassOptions = {
	width: 340,
	padding: 8,
	bandHeight: 40,
	gap: 4,
	left: 4,
	bulbWidth: 128,
	waist: 36,
	labelX: 148,
	lineHeight: 16,
	hatchSpacing: 5,
	labelCharWidth: 6.8,
};

export interface Vertex {
	x: number;
	y: number;
}

/** SVG `points` of a polygon: "x,y x,y …". */
export type Points = string;

/** The current stage's note: where the campaign is, or for one past its end, where it stopped. */
export const hereNote = (locale: Locale, progress: Pick<Progress, 'finished'>): string =>
	locale.t(progress.finished ? 'hourglass.stopped' : 'hourglass.here');

export interface HourglassBand {
	id: StageId;
	state: StageState;
	/** The stage the campaign is at: drawn with a thicker outline and pointed at. */
	current: boolean;
	top: number;
	bottom: number;
	/** y of the band's middle, where its label and check mark sit. */
	middle: number;
	/** Top left, top right, bottom right, bottom left. */
	vertices: Vertex[];
	outline: Points;
	/** Done: the whole band, filled solid. */
	solid?: Points | undefined;
	/** Under way: the share done, from the left, outlined and hatched. */
	hatched?: { area: Points; lines: string } | undefined;
	/** Done: SVG path data of a check mark in the middle of the band. */
	check?: string | undefined;
	/** Skipped: a line through the band's middle, edge to edge. */
	strike?: { x1: number; x2: number; y: number } | undefined;
	/** The label right of the band: the stage's name (and the current one's note), then its state on the line below. */
	text: { x: number; nameY: number; stateY: number; name: string; note?: string | undefined; state: string };
}

export interface HourglassGeometry {
	width: number;
	height: number;
	/** Know to Refer, top to bottom. */
	bands: HourglassBand[];
	/** A pointer at the current stage: a triangle at the band's right edge and a line on to its label. */
	marker?: { band: StageId; pointer: Points; leader: { x1: number; x2: number; y: number } } | undefined;
}

/** Two decimals are finer than any screen or printer; rounding keeps the markup short and stable. */
const round = (n: number) => Math.round(n * 100) / 100;

const points = (vertices: readonly Vertex[]): Points => vertices.map(({ x, y }) => `${round(x)},${round(y)}`).join(' ');

type Counts = Pick<StageProgress, 'done' | 'total' | 'dropped'>;

/** What a stage's activities come to: "3 of 5" done, or with none that count, "nothing planned" or "1 dropped". */
export function activityCount(locale: Locale, stage: Counts): string {
	if (stage.total > 0) return locale.t('hourglass.count', { done: stage.done, total: stage.total });
	return stage.dropped > 0 ? locale.t('hourglass.dropped', { count: stage.dropped }) : locale.t('hourglass.nothingPlanned');
}

/** "under way, 3 of 5 done"; a stage with nothing that counts says why: "skipped, 1 dropped". */
export function stageStateText(locale: Locale, stage: Pick<StageProgress, 'state'> & Counts): string {
	const values = { state: stateLabel(locale, stage.state), count: activityCount(locale, stage) };
	return locale.t(stage.total > 0 ? 'hourglass.stateDone' : 'hourglass.stateCount', values);
}

/**
 * The hourglass in words, for the SVG's description after its name: where the campaign is, then
 * every stage. "Stage 4 of 7: Try, under way, 3 of 5 done. Know: done, 2 of 2 done. …"
 */
export function describeHourglass(locale: Locale, progress: Progress): string {
	const current = progress.stages.find((stage) => stage.id === progress.current);
	const summary = stageSummary(locale, progress);
	const where = locale.t('hourglass.sentence', { text: current ? `${summary}, ${stageStateText(locale, current)}` : summary });
	const stages = progress.stages.map((stage) =>
		locale.t('hourglass.stageSentence', { stage: stageLabel(locale, stage.id), text: stageStateText(locale, stage) }),
	);
	return [where, ...stages].join(' ');
}

/** The part of a polygon left of `x` (Sutherland–Hodgman against one edge). */
function clipLeftOf(polygon: readonly Vertex[], x: number): Vertex[] {
	const out: Vertex[] = [];
	polygon.forEach((a, i) => {
		const b = polygon[(i + 1) % polygon.length]!;
		if (a.x <= x) out.push(a);
		if (a.x < x !== b.x < x && a.x !== b.x) out.push({ x, y: a.y + ((x - a.x) * (b.y - a.y)) / (b.x - a.x) });
	});
	return out;
}

/**
 * Diagonal hatching ("/") across a convex polygon, as SVG path data: each line clipped to the
 * polygon (Cyrus–Beck), so the pattern needs no `<pattern>` or `<clipPath>` ids that two
 * hourglasses on one page could share by mistake.
 */
function hatch(polygon: readonly Vertex[], spacing: number): string {
	if (polygon.length < 3) return '';
	const centre = {
		x: polygon.reduce((sum, v) => sum + v.x, 0) / polygon.length,
		y: polygon.reduce((sum, v) => sum + v.y, 0) / polygon.length,
	};
	const edges = polygon.map((a, i) => {
		const b = polygon[(i + 1) % polygon.length]!;
		let normal = { x: b.y - a.y, y: a.x - b.x };
		if (normal.x * (centre.x - a.x) + normal.y * (centre.y - a.y) < 0) normal = { x: -normal.x, y: -normal.y };
		return { a, normal };
	});
	// Lines x + y = c, c on a grid shared by every band so the hatching lines up from band to band.
	const step = spacing * Math.SQRT2;
	const sums = polygon.map((v) => v.x + v.y);
	const segments: string[] = [];
	for (let c = Math.ceil(Math.min(...sums) / step) * step; c <= Math.max(...sums); c += step) {
		// The line through (c, 0) going up and to the right: (c + t, -t).
		let low = -Infinity;
		let high = Infinity;
		for (const { a, normal } of edges) {
			const start = normal.x * (c - a.x) + normal.y * -a.y;
			const along = normal.x - normal.y;
			if (along === 0) {
				if (start < 0) high = -Infinity;
			} else if (along > 0) low = Math.max(low, -start / along);
			else high = Math.min(high, -start / along);
		}
		if (high - low > 0.5) segments.push(`M${round(c + low)},${round(-low)}L${round(c + high)},${round(-high)}`);
	}
	return segments.join('');
}

export function hourglassGeometry(locale: Locale, progress: Progress, options: HourglassOptions = HOURGLASS_LAYOUT): HourglassGeometry {
	const { width, padding, bandHeight, gap, left, bulbWidth, waist, labelX, lineHeight, hatchSpacing } = options;
	if (progress.stages.length !== STAGE_IDS.length)
		throw new Error(`An hourglass has ${STAGE_IDS.length} stages, got ${progress.stages.length}`);
	const centre = left + bulbWidth / 2;
	const waistAt = STAGE_IDS.indexOf('try');
	const below = STAGE_IDS.length - waistAt - 1;
	/** Half the hourglass's width at `y`: straight sides from the widest edges to the waist band. */
	const halfWidth = (y: number) => {
		const t = (y - padding) / bandHeight;
		const share = t < waistAt ? 1 - t / waistAt : t > waistAt + 1 ? (t - waistAt - 1) / below : 0;
		return (waist + (bulbWidth - waist) * share) / 2;
	};
	const checkSize = Math.min((bandHeight - gap) * 0.5, waist * 0.6);

	const bands = progress.stages.map((stage, i): HourglassBand => {
		const top = padding + i * bandHeight + gap / 2;
		const bottom = padding + (i + 1) * bandHeight - gap / 2;
		const middle = (top + bottom) / 2;
		const vertices = [
			{ x: centre - halfWidth(top), y: top },
			{ x: centre + halfWidth(top), y: top },
			{ x: centre + halfWidth(bottom), y: bottom },
			{ x: centre - halfWidth(bottom), y: bottom },
		].map(({ x, y }) => ({ x: round(x), y: round(y) }));
		const current = stage.id === progress.current;
		let hatched: HourglassBand['hatched'];
		if (stage.state === 'under-way') {
			const from = Math.min(...vertices.map((v) => v.x));
			const to = Math.max(...vertices.map((v) => v.x));
			const area = clipLeftOf(vertices, from + ((to - from) * stage.done) / stage.total);
			hatched = { area: points(area), lines: hatch(area, hatchSpacing) };
		}
		const s = checkSize;
		return {
			id: stage.id,
			state: stage.state,
			current,
			top: round(top),
			bottom: round(bottom),
			middle: round(middle),
			vertices,
			outline: points(vertices),
			solid: stage.state === 'done' ? points(vertices) : undefined,
			hatched,
			check:
				stage.state === 'done'
					? `M${round(centre - s / 2)},${round(middle)}L${round(centre - s / 8)},${round(middle + s * 0.35)}L${round(centre + s / 2)},${round(middle - s * 0.35)}`
					: undefined,
			strike:
				stage.state === 'skipped'
					? { x1: round(centre - halfWidth(middle)), x2: round(centre + halfWidth(middle)), y: round(middle) }
					: undefined,
			text: {
				x: labelX,
				nameY: round(middle - lineHeight / 2),
				stateY: round(middle + lineHeight / 2),
				name: stageLabel(locale, stage.id),
				note: current ? hereNote(locale, progress) : undefined,
				state: stageStateText(locale, stage),
			},
		};
	});

	const at = bands.find((band) => band.current);
	let marker: HourglassGeometry['marker'];
	if (at) {
		const tip = centre + halfWidth(at.middle) + 4;
		const base = tip + 12;
		marker = {
			band: at.id,
			pointer: points([
				{ x: tip, y: at.middle },
				{ x: base, y: at.middle - 7 },
				{ x: base, y: at.middle + 7 },
			]),
			leader: { x1: round(base), x2: labelX - 4, y: at.middle },
		};
	}
	// Labels must not be cut off at the drawing's edge: it widens to its longest line.
	const longest = Math.max(...bands.flatMap(({ text }) => [text.name.length + (text.note ? text.note.length + 3 : 0), text.state.length]));
	const fitted = Math.max(width, Math.ceil(labelX + longest * options.labelCharWidth + padding));
	return { width: fitted, height: padding * 2 + STAGE_IDS.length * bandHeight, bands, marker };
}
