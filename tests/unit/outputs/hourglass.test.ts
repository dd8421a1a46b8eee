import { describe, expect, it } from 'vitest';
import { STAGE_IDS, type StageId } from '../../../src/content/stages';
import { progressAsOf, type ActivityData, type StageData } from '../../../src/hub/campaigns';
import { describeHourglass, HOURGLASS_LAYOUT, hourglassGeometry, stageStateText, type HourglassBand } from '../../../src/outputs/hourglass';
import { createLocale } from '../../../src/content/i18n';

const en = createLocale('en-GB');

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const asOf = day('2026-06-01');
const activity = (status: ActivityData['status'], date = '2026-03-01'): ActivityData => ({
	title: `${status} on ${date}`,
	date: day(date),
	status,
});
const done = (n: number) => Array.from({ length: n }, () => activity('done'));
const planned = (n: number) => Array.from({ length: n }, () => activity('planned', '2026-09-01'));

/** A campaign with the given activities per stage; stages not named have one planned activity. */
function campaign(activities: Partial<Record<StageId, ActivityData[]>>) {
	const stages: StageData[] = STAGE_IDS.map((stage) => ({
		stage,
		goal: `The ${stage} goal.`,
		activities: activities[stage] ?? planned(1),
	}));
	return progressAsOf({ stages }, asOf);
}

/** Know, Like and Trust done, Try under way with 3 of 5 done, the rest not started. */
const atTry = campaign({ know: done(2), like: done(1), trust: done(3), try: [...done(3), ...planned(2)], buy: planned(4) });
const finished = campaign(Object.fromEntries(STAGE_IDS.map((id) => [id, done(2)])));

const width = (band: HourglassBand) => {
	const [topLeft, topRight, bottomRight, bottomLeft] = band.vertices;
	return (topRight!.x - topLeft!.x + bottomRight!.x - bottomLeft!.x) / 2;
};
const band = (bands: HourglassBand[], id: StageId) => bands.find((b) => b.id === id)!;

describe('hourglassGeometry', () => {
	it('widens the drawing to its longest label, so German labels are not cut off', () => {
		expect(hourglassGeometry(en, atTry).width).toBe(HOURGLASS_LAYOUT.width);
		const german = hourglassGeometry(createLocale('de'), atTry);
		const longest = Math.max(...german.bands.map((band) => band.text.state.length));
		expect(german.width).toBeGreaterThanOrEqual(HOURGLASS_LAYOUT.labelX + longest * HOURGLASS_LAYOUT.labelCharWidth);
	});

	it('draws the seven stages top to bottom, Know first, as bands that do not overlap', () => {
		const { bands, height } = hourglassGeometry(en, atTry);
		expect(bands.map((b) => b.text.name)).toEqual(['Know', 'Like', 'Trust', 'Try', 'Buy', 'Repeat', 'Refer']);
		expect(bands.map((b) => b.id)).toEqual([...STAGE_IDS]);
		for (const [i, b] of bands.entries()) {
			expect(b.top).toBeLessThan(b.bottom);
			if (i > 0) expect(b.top).toBeGreaterThan(bands[i - 1]!.bottom);
		}
		expect(bands[0]!.top).toBeGreaterThanOrEqual(0);
		expect(bands.at(-1)!.bottom).toBeLessThanOrEqual(height);
	});

	it('narrows to Try at the waist and widens after it, symmetric about one centre line', () => {
		const { bands } = hourglassGeometry(en, atTry);
		const widths = bands.map(width);
		expect(widths[0]).toBeGreaterThan(widths[1]!);
		expect(widths[1]).toBeGreaterThan(widths[2]!);
		expect(widths[2]).toBeGreaterThan(widths[3]!);
		expect(widths[3]).toBeLessThan(widths[4]!);
		expect(widths[4]).toBeLessThan(widths[5]!);
		expect(widths[5]).toBeLessThan(widths[6]!);
		expect(Math.min(...widths)).toBe(HOURGLASS_LAYOUT.waist);
		expect(band(bands, 'try').vertices.map((v) => v.x)).toEqual([50, 86, 86, 50]);
		const centres = bands.flatMap((b) => [(b.vertices[0]!.x + b.vertices[1]!.x) / 2, (b.vertices[2]!.x + b.vertices[3]!.x) / 2]);
		expect(new Set(centres)).toEqual(new Set([HOURGLASS_LAYOUT.left + HOURGLASS_LAYOUT.bulbWidth / 2]));
		// The sides are straight: each band's bottom edge is as wide as the next one's top edge, across the gap, in the bulbs.
		expect(band(bands, 'know').vertices[3]!.x).toBeLessThan(band(bands, 'like').vertices[0]!.x);
	});

	it('shows each state by shape: done is solid with a check, under way hatched over the share done, not started outline only', () => {
		const { bands } = hourglassGeometry(en, atTry);
		const know = band(bands, 'know');
		expect(know.solid).toBe(know.outline);
		expect(know.check).toMatch(/^M[\d.,]+L[\d.,]+L[\d.,]+$/);
		expect(know.hatched).toBeUndefined();

		const tryBand = band(bands, 'try');
		expect(tryBand.solid).toBeUndefined();
		expect(tryBand.check).toBeUndefined();
		// 3 of 5 done: the hatched area covers the left 3/5 of the 36-unit waist, from x=50 to x=71.6.
		expect(tryBand.hatched!.area).toBe('50,130 71.6,130 71.6,166 50,166');
		const ends = [...tryBand.hatched!.lines.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
		expect(ends.length).toBeGreaterThan(4);
		for (const { x, y } of ends) {
			expect(x).toBeGreaterThanOrEqual(50 - 0.01);
			expect(x).toBeLessThanOrEqual(71.6 + 0.01);
			expect(y).toBeGreaterThanOrEqual(130 - 0.01);
			expect(y).toBeLessThanOrEqual(166 + 0.01);
		}

		for (const id of ['buy', 'repeat', 'refer'] as const) {
			const b = band(bands, id);
			expect([b.solid, b.hatched, b.check]).toEqual([undefined, undefined, undefined]);
		}
	});

	it('hatches a trapezoid inside its outline, whichever way its sides lean', () => {
		const partly = campaign({ know: [...done(1), ...planned(3)] });
		const know = band(hourglassGeometry(en, partly).bands, 'know');
		const [topLeft, , , bottomLeft] = know.vertices;
		const area = know.hatched!.area.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
		// The left side leans inwards going down: the hatched area follows it, and stops a quarter of the way across.
		expect(area[0]).toEqual([topLeft!.x, topLeft!.y]);
		expect(area.at(-1)).toEqual([bottomLeft!.x, bottomLeft!.y]);
		expect(Math.max(...area.map(([x]) => x))).toBeCloseTo(topLeft!.x + (know.vertices[1]!.x - topLeft!.x) / 4, 1);
		for (const segment of know.hatched!.lines.split('M').filter(Boolean)) {
			const [[x1, y1], [x2, y2]] = segment.split('L').map((p) => p.split(',').map(Number)) as [[number, number], [number, number]];
			// "/" lines: up and to the right, at 45 degrees.
			expect(x2 - x1).toBeCloseTo(y1 - y2, 1);
			expect(x2).toBeGreaterThan(x1);
			// Both ends on or inside the left side, which runs from the top left corner to the bottom left one.
			for (const [x, y] of [
				[x1, y1],
				[x2, y2],
			] as const) {
				const sideX = topLeft!.x + ((y - topLeft!.y) * (bottomLeft!.x - topLeft!.x)) / (bottomLeft!.y - topLeft!.y);
				expect(x).toBeGreaterThanOrEqual(sideX - 0.02);
			}
		}
	});

	it('labels every band with its name and state in words', () => {
		const { bands } = hourglassGeometry(en, atTry);
		expect(bands.map((b) => `${b.text.name}: ${b.text.state}`)).toEqual([
			'Know: done, 2 of 2 done',
			'Like: done, 1 of 1 done',
			'Trust: done, 3 of 3 done',
			'Try: under way, 3 of 5 done',
			'Buy: not started, 0 of 4 done',
			'Repeat: not started, 0 of 1 done',
			'Refer: not started, 0 of 1 done',
		]);
		expect(band(bands, 'try').text).toMatchObject({ name: 'Try', state: 'under way, 3 of 5 done' });
	});

	it('counts dropped activities out, and says so when a stage has nothing planned', () => {
		const dropped = campaign({ know: [...done(1), activity('dropped')], like: [] });
		expect(band(hourglassGeometry(en, dropped).bands, 'know').text.state).toBe('done, 1 of 1 done');
		expect(stageStateText(en, { state: 'not-started', done: 0, total: 0, dropped: 0 })).toBe('not started, nothing planned');
	});

	it('keeps every label inside the view box, on its band, clear of the hourglass', () => {
		// The widest counts a stage is likely to have, and the current stage's note on the name line.
		const busy = campaign({
			know: done(1),
			like: done(1),
			trust: done(1),
			try: done(1),
			buy: done(1),
			repeat: [...done(12), ...planned(88)],
		});
		const geometry = hourglassGeometry(en, busy);
		// 13-unit text in DejaVu Sans, the widest of the system fonts the hub names (measured in Chromium):
		// under 7 units a character in regular lines, under 9 in the bold name line.
		const widths = { name: 9, state: 7.5 };
		const rightmost = Math.max(...geometry.bands.flatMap((b) => b.vertices.map((v) => v.x)));
		for (const b of geometry.bands) {
			const nameLine = b.text.note ? `${b.text.name} — ${b.text.note}` : b.text.name;
			expect(b.text.x + nameLine.length * widths.name, nameLine).toBeLessThanOrEqual(geometry.width);
			expect(b.text.x + b.text.state.length * widths.state, b.text.state).toBeLessThanOrEqual(geometry.width);
			expect(b.text.x).toBeGreaterThan(rightmost);
			expect(b.text.nameY).toBeGreaterThan(b.top);
			expect(b.text.stateY).toBeLessThan(b.bottom);
			expect(b.text.nameY).toBeLessThan(b.text.stateY);
		}
		expect(band(geometry.bands, 'repeat').text.state).toBe('under way, 12 of 100 done');
	});

	it('marks the current stage, pointing at its band from the label side', () => {
		const geometry = hourglassGeometry(en, atTry);
		expect(geometry.bands.filter((b) => b.current).map((b) => b.id)).toEqual(['try']);
		const tryBand = band(geometry.bands, 'try');
		expect(tryBand.text.note).toBe('You are here');
		expect(geometry.bands.filter((b) => b.text.note)).toHaveLength(1);
		expect(geometry.marker?.band).toBe('try');
		const pointer = geometry.marker!.pointer.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
		// The tip is just right of the band, at its middle; the leader runs on to the label.
		expect(pointer[0]![0]).toBeGreaterThan(tryBand.vertices[1]!.x);
		expect(pointer[0]![0]).toBeLessThan(tryBand.vertices[1]!.x + 10);
		expect(pointer[0]![1]).toBe(tryBand.middle);
		// It points left, at the band: its base is right of its tip, where the leader starts.
		for (const corner of pointer.slice(1)) expect(corner[0]).toBe(geometry.marker!.leader.x1);
		expect(geometry.marker!.leader.x1).toBeGreaterThan(pointer[0]![0]);
		expect(geometry.marker!.leader.y).toBe(tryBand.middle);
		expect(geometry.marker!.leader.x2).toBeLessThan(tryBand.text.x);
		expect(geometry.marker!.leader.x1).toBeLessThan(geometry.marker!.leader.x2);
	});

	it('marks a stage not yet started when it is the first not done', () => {
		const geometry = hourglassGeometry(en, campaign({ know: done(1) }));
		expect(geometry.marker?.band).toBe('like');
		expect(band(geometry.bands, 'like')).toMatchObject({ current: true, state: 'not-started' });
	});

	it('draws a skipped stage as an outline struck through, says why, and marks the stage after it', () => {
		const skipped = campaign({ know: done(1), like: [activity('dropped')], trust: done(1), try: [...done(1), ...planned(1)] });
		const geometry = hourglassGeometry(en, skipped);
		const like = band(geometry.bands, 'like');
		expect(like).toMatchObject({ state: 'skipped', current: false, solid: undefined, hatched: undefined, check: undefined });
		expect(like.text.state).toBe('skipped, 1 dropped');
		const xs = like.vertices.map((v) => v.x);
		expect(like.strike!.y).toBe(like.middle);
		expect(like.strike!.x1).toBeGreaterThanOrEqual(Math.min(...xs));
		expect(like.strike!.x2).toBeLessThanOrEqual(Math.max(...xs));
		expect(like.strike!.x2 - like.strike!.x1).toBeGreaterThan(width(like) * 0.9);
		expect(geometry.bands.filter((b) => b.strike).map((b) => b.id)).toEqual(['like']);
		expect(geometry.marker?.band).toBe('try');
		expect(describeHourglass(en, skipped)).toMatch(
			/^Stage 4 of 7: Try, under way, 1 of 2 done\. Know: done, 1 of 1 done\. Like: skipped, 1 dropped\./,
		);
	});

	it('notes where a campaign past its end stopped', () => {
		const stopped = hourglassGeometry(en, { ...atTry, finished: true });
		expect(band(stopped.bands, 'try').text.note).toBe('Where it stopped');
		expect(describeHourglass(en, { ...atTry, finished: true })).toMatch(/^Stopped at stage 4 of 7: Try, under way, 3 of 5 done\./);
	});

	it('marks nothing once every stage is done', () => {
		const geometry = hourglassGeometry(en, finished);
		expect(geometry.marker).toBeUndefined();
		expect(geometry.bands.every((b) => !b.current && b.text.note === undefined && b.solid !== undefined)).toBe(true);
	});
});

describe('describeHourglass', () => {
	it('says where the campaign is, then every stage', () => {
		expect(describeHourglass(en, atTry)).toBe(
			'Stage 4 of 7: Try, under way, 3 of 5 done. Know: done, 2 of 2 done. Like: done, 1 of 1 done. ' +
				'Trust: done, 3 of 3 done. Try: under way, 3 of 5 done. Buy: not started, 0 of 4 done. ' +
				'Repeat: not started, 0 of 1 done. Refer: not started, 0 of 1 done.',
		);
	});

	it('says when all seven stages are done', () => {
		expect(describeHourglass(en, finished)).toMatch(/^All 7 stages done\. Know: done, 2 of 2 done\./);
	});
});
