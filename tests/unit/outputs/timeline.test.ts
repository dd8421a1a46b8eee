/**
 * The restore timeline's geometry and words: rows in the order given, bars between start and back
 * on a square-root scale, the patience marker, and the description a screen reader hears.
 */
import { describe, expect, it } from 'vitest';
import { createLocale } from '../../../src/content/i18n';
import { describeTimeline, timelineGeometry, TIMELINE_LAYOUT } from '../../../src/outputs/timeline';

const en = createLocale('en-GB');

const M = 60_000;
const H = 60 * M;
const row = (id: string, start: number, back: number, waits: [string, number][], tier: 1 | 2 | 3 | 4 = 1) => ({
	id,
	name: `The ${id}`,
	tier,
	dependents: waits.map(([name, wait]) => ({ name, wait, stops: 'Things stop.' })),
	restore: { start, back, onTime: true },
});

describe('timelineGeometry', () => {
	const systems = [
		row('network', 0, 20 * M, [
			['All Staff', 15 * M],
			['Executives', 15 * M],
		]),
		row(
			'email',
			40 * M,
			70 * M,
			[
				['All Staff', 4 * H],
				['Customer service', 4 * H],
				['Finance', 8 * H],
			],
			2,
		),
		row('payroll', 20 * H, 30 * H, [['Finance', 72 * H]], 4),
	];
	const geometry = timelineGeometry(en, systems);
	const x = (ms: number) => TIMELINE_LAYOUT.padding + (TIMELINE_LAYOUT.width - 2 * TIMELINE_LAYOUT.padding) * Math.sqrt(ms / (24 * H));

	it('draws one row per system, in order, within the box', () => {
		expect(geometry.rows.map((r) => r.id)).toEqual(['network', 'email', 'payroll']);
		expect(geometry.height).toBe(TIMELINE_LAYOUT.padding * 2 + TIMELINE_LAYOUT.axisHeight + 3 * TIMELINE_LAYOUT.rowHeight);
		for (const r of geometry.rows)
			expect(r.bar.x + r.bar.width).toBeLessThanOrEqual(TIMELINE_LAYOUT.width - TIMELINE_LAYOUT.padding + 0.01);
	});

	it('puts bars between start and back on a square-root scale, with a dotted wait before', () => {
		const [network, email, payroll] = geometry.rows;
		expect(network!.idle).toBeUndefined();
		expect(network!.bar.x).toBeCloseTo(x(0), 1);
		expect(network!.bar.x + network!.bar.width).toBeCloseTo(x(20 * M), 1);
		expect(email!.idle).toEqual({ x1: x(0), x2: expect.closeTo(x(40 * M), 1) as number });
		// Back after the last hour drawn: the bar runs to the edge.
		expect(payroll!.bar.x + payroll!.bar.width).toBeCloseTo(TIMELINE_LAYOUT.width - TIMELINE_LAYOUT.padding, 1);
		expect(payroll!.patience).toBeUndefined();
		expect(email!.patience!.x).toBeCloseTo(x(4 * H), 1);
	});

	it('labels each row in words, and names at most two dependents', () => {
		expect(geometry.rows[0]).toMatchObject({
			name: 'The network',
			label: 'back after 20m · tier 1',
			waiting: 'Waiting: All Staff, Executives',
		});
		expect(geometry.rows[1]!.waiting).toBe('Waiting: All Staff, Customer service and 1 more');
		expect(geometry.ticks.map((t) => t.label)).toEqual(['Outage', '1h', '2h', '4h', '8h', '12h', '24h']);
	});

	it('leaves out a system with no place in the schedule', () => {
		expect(timelineGeometry(en, [{ ...systems[0]!, restore: undefined }]).rows).toEqual([]);
	});
});

describe('describeTimeline', () => {
	it('says the order, when each is back, and who can wait least', () => {
		expect(
			describeTimeline(en, [
				row('network', 0, 20 * M, [
					['Executives', 15 * M],
					['All Staff', 30 * M],
				]),
			]),
		).toBe(
			'After a site-wide outage, systems come back in this order. The network: back after 20 minutes (tier 1); Executives can wait 15 minutes.',
		);
	});
});
