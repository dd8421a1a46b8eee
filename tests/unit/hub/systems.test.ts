/**
 * Durations, tiers and the restore schedule: what the timeline, the audience pages and the feeds
 * rest on.
 */
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, shortDuration, writeDuration } from '../../../src/content/duration';
import { createLocale } from '../../../src/content/i18n';
import { tierContradiction, tierForWait, tierName } from '../../../src/content/tiers';
import { phrasePattern } from '../../../src/content/words';
import { restoreSchedule, tierChanges } from '../../../src/hub/systems';
import { ENGLISH, say } from '../../../src/content/problems';

const en = createLocale('en-GB');
const de = createLocale('de');

const M = 60_000;
const H = 60 * M;

describe('durations', () => {
	it('reads what people write, and nothing else', () => {
		expect(parseDuration('15m')).toBe(15 * M);
		expect(parseDuration('4h')).toBe(4 * H);
		expect(parseDuration('1h30m')).toBe(90 * M);
		expect(parseDuration('1.5h')).toBe(90 * M);
		expect(parseDuration('2d')).toBe(48 * H);
		expect(parseDuration('1w')).toBe(168 * H);
		expect(parseDuration(' 2 D ')).toBe(48 * H);
		for (const bad of ['soon', '15', '15 minutes', '0m', '-1h', 'h', '1y', '']) expect(parseDuration(bad), bad).toBeUndefined();
	});

	it('says them in words and writes them back', () => {
		expect(formatDuration(en, 15 * M)).toBe('15 minutes');
		expect(formatDuration(en, H)).toBe('1 hour');
		expect(formatDuration(en, 85 * M)).toBe('1 hour 25 minutes');
		expect(formatDuration(en, 24 * H)).toBe('1 day');
		expect(formatDuration(en, 26 * H)).toBe('1 day 2 hours');
		expect(formatDuration(en, 72 * H)).toBe('3 days');
		expect(formatDuration(de, 85 * M)).toBe('1 Stunde 25 Minuten');
		expect(formatDuration(de, 26 * H)).toBe('1 Tag 2 Stunden');
		expect([20 * M, 85 * M, 48 * H, 4 * H].map(writeDuration)).toEqual(['20m', '1h25m', '2d', '4h']);
		expect([20 * M, 85 * M, 48 * H, 4 * H, 26 * H].map((ms) => shortDuration(en, ms))).toEqual(['20m', '1h25m', '2d', '4h', '26h']);
		expect([20 * M, 85 * M, 48 * H, 4 * H].map((ms) => shortDuration(de, ms))).toEqual(['20 Min.', '1 Std. 25 Min.', '2 Tg.', '4 Std.']);
	});
});

describe('tiers', () => {
	it('derive from the shortest wait: the slowest tier that keeps the promise', () => {
		expect([15 * M, H, 2 * H, 4 * H, 8 * H, 24 * H, 48 * H, 72 * H, 300 * H].map(tierForWait)).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4]);
		expect(tierName(en, 3)).toBe('Tier 3: back the same day');
		expect(tierName(de, 2)).toBe('Stufe 2: binnen 4 Stunden zurück');
	});

	it('contradict the waits only when slower than they allow', () => {
		expect(tierContradiction(1, 72 * H)).toBeUndefined();
		expect(tierContradiction(2, 4 * H)).toBeUndefined();
		expect(say(tierContradiction(3, 4 * H)!, ENGLISH)).toBe(
			'tier 2 or faster: a dependent can wait only 4 hours, and tier 3 brings it back within 1 day',
		);
	});
});

describe('restoreSchedule', () => {
	it('brings systems back tier by tier, each after what it runs on', () => {
		const schedule = restoreSchedule([
			{ id: 'email', tier: 2, takes: 30 * M, dependsOn: ['identity'] },
			{ id: 'network', tier: 1, takes: 20 * M, dependsOn: [] },
			{ id: 'identity', tier: 1, takes: 20 * M, dependsOn: ['network'] },
			{ id: 'payments', tier: 1, takes: 15 * M, dependsOn: ['network', 'draft-only'] },
			{ id: 'payroll', tier: 4, takes: 2 * H, dependsOn: [] },
		]);
		expect(Object.fromEntries([...schedule].map(([id, slot]) => [id, [slot.start / M, slot.back / M, slot.onTime]]))).toEqual({
			network: [0, 20, true],
			identity: [20, 40, true],
			payments: [20, 35, true],
			email: [40, 70, true],
			payroll: [70, 190, true],
		});
	});

	it('says when a system comes back later than its tier promises, and survives a cycle the checks refuse', () => {
		const late = restoreSchedule([
			{ id: 'a', tier: 1, takes: 50 * M, dependsOn: [] },
			{ id: 'b', tier: 1, takes: 20 * M, dependsOn: ['a'] },
		]);
		expect(late.get('b')).toEqual({ start: 50 * M, back: 70 * M, onTime: false });
		const cycle = restoreSchedule([
			{ id: 'a', tier: 1, takes: M, dependsOn: ['b'] },
			{ id: 'b', tier: 1, takes: M, dependsOn: ['a'] },
		]);
		expect(cycle.size).toBe(2);
	});
});

describe('tierChanges', () => {
	it("takes changes in date order, each to the next one's tier or the current one", () => {
		const changes = tierChanges({
			restore: {
				tier: 1,
				takes: H,
				changes: [
					{ date: new Date('2026-09-01'), from: 2, why: 'Second change, to tier 1.' },
					{ date: new Date('2026-03-01'), from: 3, why: 'First change, to tier 2.' },
				],
			},
			dependents: [],
		});
		expect(changes.map(({ from, to, anchor }) => [from, to, anchor])).toEqual([
			[3, 2, 'tier-2026-03-01'],
			[2, 1, 'tier-2026-09-01'],
		]);
	});
});

describe('phrasePattern', () => {
	it("finds a system's business name as a whole phrase, without its article, in any case", () => {
		const shop = phrasePattern('The web shop');
		expect(shop.test("Our Web  Shop's checkout")).toBe(true);
		expect(shop.test('the webshop')).toBe(false);
		expect(phrasePattern('The tills').test('distills')).toBe(false);
		expect(phrasePattern('Card payments (cards)').test('card payments (cards) are back')).toBe(true);
	});
});
