/**
 * The focus group's ballot: at most three picks per person, the latest wins, and a tie that
 * decides a place is listed for the editors, never settled by the program.
 */
import { describe, expect, it } from 'vitest';
import { ballotResult, tallyBallot, type BallotPick, type Tally } from '../../../src/content/ballots';
import { ENGLISH, say } from '../../../src/content/problems';

const ballot = { candidates: ['tills', 'checkout', 'crm', 'quotes', 'phishing'], closes: new Date('2026-11-16') };
let minute = 0;
/** Picks in the order given, a minute apart. */
const picks = (...votes: [voter: string, metric: string][]): BallotPick[] =>
	votes.map(([voter, metric]) => ({ voter, metric, at: new Date(Date.UTC(2026, 10, 3, 9, minute++)) }));
const counts = (tally: Tally) => Object.fromEntries(tally.rows.map((row) => [row.metric, row.picks]));

describe('tallyBallot', () => {
	it('counts each person once per metric and lists every candidate, most picked first', () => {
		const tally = tallyBallot(
			ballot,
			picks(['ana@x.example', 'tills'], ['ana@x.example', 'crm'], ['ben@x.example', 'tills'], ['ANA@x.example', 'tills']),
			3,
		);
		expect(tally.voters).toBe(2);
		expect(tally.rows).toEqual([
			{ metric: 'tills', picks: 2 },
			{ metric: 'crm', picks: 1 },
			{ metric: 'checkout', picks: 0 },
			{ metric: 'quotes', picks: 0 },
			{ metric: 'phishing', picks: 0 },
		]);
	});

	it('keeps a person to their latest three: a fourth pick pushes out their oldest', () => {
		const tally = tallyBallot(
			ballot,
			picks(['ana@x.example', 'tills'], ['ana@x.example', 'crm'], ['ana@x.example', 'quotes'], ['ana@x.example', 'phishing']),
			3,
		);
		expect(counts(tally)).toMatchObject({ tills: 0, crm: 1, quotes: 1, phishing: 1 });
	});

	it('lets a person refresh an earlier pick, so it is the latest again', () => {
		const tally = tallyBallot(
			ballot,
			picks(
				['ana@x.example', 'tills'],
				['ana@x.example', 'crm'],
				['ana@x.example', 'quotes'],
				['ana@x.example', 'tills'],
				['ana@x.example', 'phishing'],
			),
			3,
		);
		expect(counts(tally)).toMatchObject({ tills: 1, crm: 0, quotes: 1, phishing: 1 });
	});

	it('goes by the date of each pick, not the order of the records', () => {
		const [a, b, c, d] = picks(['ana@x.example', 'tills'], ['ana@x.example', 'crm'], ['ana@x.example', 'quotes'], ['ana@x.example', 'phishing']);
		expect(counts(tallyBallot(ballot, [d!, c!, b!, a!], 3))).toMatchObject({ tills: 0, phishing: 1 });
	});

	it('ignores picks after the closing day and metrics that are not candidates', () => {
		const late = { voter: 'ben@x.example', metric: 'tills', at: new Date('2026-11-17T00:00:00Z') };
		const lastMinute = { voter: 'cy@x.example', metric: 'tills', at: new Date('2026-11-16T23:59:00Z') };
		const tally = tallyBallot(ballot, [...picks(['ana@x.example', 'spend']), late, lastMinute], 3);
		expect(tally.voters).toBe(1);
		expect(counts(tally).tills).toBe(1);
		expect(tally.rows.map((row) => row.metric)).not.toContain('spend');
	});
});

const tallyOf = (entries: Record<string, number>, voters = 9): Tally => ({
	voters,
	rows: Object.entries(entries).map(([metric, count]) => ({ metric, picks: count })),
});

describe('ballotResult', () => {
	it('chooses the three most picked, most picked first', () => {
		expect(ballotResult(tallyOf({ tills: 7, checkout: 5, crm: 4, quotes: 2, phishing: 0 }), 3)).toEqual({
			kind: 'chosen',
			chosen: ['tills', 'checkout', 'crm'],
			tieSettled: [],
		});
	});

	it('lists a tie for third place instead of choosing', () => {
		expect(ballotResult(tallyOf({ tills: 7, checkout: 5, crm: 4, quotes: 4, phishing: 1 }), 3)).toEqual({
			kind: 'tied',
			ties: [{ picks: 4, metrics: ['crm', 'quotes'], places: [3, 4] }],
		});
	});

	it('lists a tie for first place too: the order is the ranks', () => {
		const result = ballotResult(tallyOf({ tills: 6, checkout: 6, crm: 4, quotes: 1, phishing: 0 }), 3);
		expect(result).toEqual({ kind: 'tied', ties: [{ picks: 6, metrics: ['tills', 'checkout'], places: [1, 2] }] });
	});

	it('does not call a tie below the cut a tie', () => {
		expect(ballotResult(tallyOf({ tills: 7, checkout: 5, crm: 4, quotes: 2, phishing: 2 }), 3)).toMatchObject({ kind: 'chosen' });
	});

	it('chooses only metrics someone picked, and nothing when nobody voted', () => {
		expect(ballotResult(tallyOf({ tills: 3, checkout: 1, crm: 0 }), 3)).toEqual({ kind: 'chosen', chosen: ['tills', 'checkout'], tieSettled: [] });
		expect(ballotResult(tallyOf({ tills: 0, checkout: 0 }, 0), 3)).toEqual({ kind: 'no-picks' });
	});

	it('takes the editors’ order when it settles the ties and agrees with the tally elsewhere', () => {
		const tally = tallyOf({ tills: 7, checkout: 5, crm: 4, quotes: 4, phishing: 1 });
		expect(ballotResult(tally, 3, ['tills', 'checkout', 'quotes'])).toEqual({
			kind: 'chosen',
			chosen: ['tills', 'checkout', 'quotes'],
			tieSettled: ['crm', 'quotes'],
		});
	});

	it('refuses an order that overrules the tally', () => {
		const tally = tallyOf({ tills: 7, checkout: 5, crm: 4, quotes: 4, phishing: 1 });
		for (const order of [
			['checkout', 'tills', 'crm'],
			['tills', 'checkout', 'phishing'],
			['tills', 'crm', 'quotes'],
			['tills', 'checkout'],
			['tills', 'checkout', 'crm', 'quotes'],
			['tills', 'tills', 'crm'],
		]) {
			const result = ballotResult(tally, 3, order);
			expect(result.kind, order.join(',')).toBe('order-refused');
			expect(result.kind === 'order-refused' && say(result.expected, ENGLISH)).toContain('crm, quotes with 4 each');
		}
	});

	it('refuses an order where there is no tie to settle, naming the tally’s', () => {
		const result = ballotResult(tallyOf({ tills: 7, checkout: 5, crm: 4 }), 3, ['tills', 'crm', 'checkout']);
		expect(result.kind === 'order-refused' && say(result.expected, ENGLISH)).toBe(
			'tills,checkout,crm, the order the tally gives (there is no tie to settle)',
		);
	});
});
