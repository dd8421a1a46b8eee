/**
 * Ballots across files: dates in order, one open ballot per segment, picks that name a ballot and
 * one of its candidates, and critical ranks that come all from one closed ballot or all from the
 * editors, each problem naming its file and field.
 */
import { describe, expect, it } from 'vitest';
import { ballotProblems, type BallotMarks, type ChosenMarks } from '../../../src/checks/ballots';
import type { InboxFile } from '../../../src/content/inbox';
import { said } from '../../helpers/said';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ref = (id: string) => ({ id });
const ballot = (id: string, data: Partial<Omit<BallotMarks['data'], 'segment'>> & { segment?: string } = {}): BallotMarks => ({
	id,
	file: `content/ballots/${id}.yaml`,
	data: {
		opens: day('2026-11-02'),
		closes: day('2026-11-16'),
		candidates: ['tills', 'crm', 'quotes', 'calls'].map(ref),
		tieSettled: [],
		...data,
		segment: ref(data.segment ?? 'superusers'),
	},
});
const metric = (id: string, critical: Record<string, number>, chosenIn: Record<string, string> = {}): ChosenMarks => ({
	id,
	file: `content/metrics/${id}.yaml`,
	data: { critical, chosenIn: Object.fromEntries(Object.entries(chosenIn).map(([segment, id]) => [segment, ref(id)])) },
});
const closed = ballot('superusers-2026-11', { closed: day('2026-11-17') });

describe('ballotProblems', () => {
	it('accepts a closed ballot whose three ranks name it, beside ranks the editors typed for another segment', () => {
		const metrics = [
			metric('tills', { superusers: 1, finance: 2 }, { superusers: 'superusers-2026-11' }),
			metric('crm', { superusers: 2 }, { superusers: 'superusers-2026-11' }),
			metric('calls', { superusers: 3, finance: 1 }, { superusers: 'superusers-2026-11' }),
		];
		expect(ballotProblems([closed], metrics)).toEqual([]);
	});

	it('refuses dates out of order, a candidate listed twice and a settled tie outside the candidates or before closing', () => {
		const problems = ballotProblems(
			[
				ballot('a', {
					closes: day('2026-11-01'),
					candidates: ['tills', 'crm', 'tills'].map(ref),
					tieSettled: [ref('quotes')],
				}),
			],
			[],
		);
		expect(problems.map(said).map((p) => [p.field, p.expected, p.found])).toEqual([
			['closes', 'a day on or after opens (2026-11-02)', '"2026-11-01"'],
			['candidates[2]', 'each candidate listed once', '"tills" again'],
			['tieSettled[0]', 'one of the ballot’s candidates', '"quotes"'],
			['tieSettled', 'a tie settled only when the ballot is closed (closed: <day>)', 'no closed day'],
		]);
	});

	it('refuses a second ballot for a segment while the first is open, but not for another segment or after it closed', () => {
		const overlapping = ballot('superusers-2026-11-2', { opens: day('2026-11-10'), closes: day('2026-11-30') });
		expect(ballotProblems([ballot('superusers-2026-11'), overlapping], []).map(said)).toEqual([
			{
				file: 'content/ballots/superusers-2026-11-2.yaml',
				field: 'opens',
				expected: 'a day after superusers-2026-11 closes (2026-11-16): "superusers" has one ballot open at a time',
				found: '"2026-11-10"',
			},
		]);
		expect(ballotProblems([ballot('superusers-2026-11'), ballot('executives-2026-11', { segment: 'executives' })], [])).toEqual([]);
		const closedEarly = ballot('superusers-2026-11', { closed: day('2026-11-09') });
		expect(ballotProblems([closedEarly, overlapping], [])).toEqual([]);
	});

	it('refuses chosenIn naming an open ballot, another segment’s ballot, or a segment without a rank', () => {
		const open = ballot('superusers-2026-12', { opens: day('2026-12-01'), closes: day('2026-12-14') });
		const execs = ballot('executives-2026-11', { segment: 'executives', closed: day('2026-11-20') });
		const problems = ballotProblems(
			[closed, open, execs],
			[
				metric('tills', { superusers: 1 }, { superusers: 'superusers-2026-12' }),
				metric('crm', { superusers: 2 }, { superusers: 'executives-2026-11' }),
				metric('calls', {}, { finance: 'superusers-2026-11' }),
			],
		);
		expect(problems.map(said).map((p) => [p.file, p.field, p.expected])).toEqual(
			expect.arrayContaining([
				[
					'content/metrics/tills.yaml',
					'chosenIn.superusers',
					'a closed ballot (npm run ballot -- close superusers-2026-12 writes the ranks)',
				],
				['content/metrics/crm.yaml', 'chosenIn.superusers', 'a ballot of "superusers"'],
				['content/metrics/calls.yaml', 'chosenIn.finance', 'a rank for "finance" in critical, which the ballot gave'],
			]),
		);
	});

	it('refuses a segment’s ranks chosen partly by a ballot and partly by hand', () => {
		const problems = ballotProblems(
			[closed],
			[
				metric('tills', { superusers: 1 }, { superusers: 'superusers-2026-11' }),
				metric('crm', { superusers: 2 }, { superusers: 'superusers-2026-11' }),
				metric('quotes', { superusers: 3 }),
			],
		);
		expect(problems.map(said)).toEqual([
			{
				file: 'content/metrics/quotes.yaml',
				field: 'critical.superusers',
				expected:
					'every critical metric of "superusers" chosen the same way, as crm is chosen in superusers-2026-11; close a new ballot, or remove chosenIn.superusers from all of them',
				found: 'chosen by the editors (no chosenIn)',
			},
		]);
	});

	it('refuses a recorded pick for an unknown ballot or a metric the ballot did not offer', () => {
		const pick = (ballotId: string, metricId: string) => ({
			kind: 'pick' as const,
			messageId: `<${ballotId}-${metricId}@x.example>`,
			date: day('2026-11-03'),
			from: 'ana@northwind.example',
			ballot: ballotId,
			metric: metricId,
		});
		const inbox: InboxFile[] = [
			{
				file: 'content/inbox/2026.yaml',
				records: [pick('superusers-2026-11', 'tills'), pick('superusers-2025-11', 'tills'), pick('superusers-2026-11', 'spend')],
			},
		];
		expect(ballotProblems([closed], [], inbox).map(said)).toEqual([
			{
				file: 'content/inbox/2026.yaml',
				field: '[1].ballot',
				expected: 'an existing ballot, one of: superusers-2026-11',
				found: '"superusers-2025-11"',
			},
			{
				file: 'content/inbox/2026.yaml',
				field: '[2].metric',
				expected: 'one of the candidates of superusers-2026-11: tills, crm, quotes, calls',
				found: '"spend"',
			},
		]);
	});
});
