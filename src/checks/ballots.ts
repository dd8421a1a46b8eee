/**
 * What makes ballots valid across files: their dates, one open ballot per segment at a time, and
 * the critical ranks a closed ballot wrote into metric files (`chosenIn`), which the audience
 * page reads as "Chosen by 7 of 9 superusers in the November 2026 ballot". References to
 * segments and metrics are checked with every other reference (src/checks/references.ts).
 */
import { isoDate } from '../content/format';
import type { InboxFile } from '../content/inbox';
import { oneOf, phrase, quote, type Problem } from '../content/problems';

/** The part of a ballot file these checks read. */
export interface BallotMarks {
	id: string;
	file: string;
	data: {
		segment: { id: string };
		opens: Date;
		closes: Date;
		candidates: readonly { id: string }[];
		closed?: Date | undefined;
		tieSettled: readonly { id: string }[];
	};
}

/** The part of a metric file these checks read. */
export interface ChosenMarks {
	id: string;
	file: string;
	data: {
		critical: Readonly<Record<string, number>>;
		chosenIn: Readonly<Record<string, { id: string }>>;
	};
}

/** The last day a ballot takes picks: the day it was closed, or else its closing day. */
const lastDay = (ballot: BallotMarks) => ballot.data.closed ?? ballot.data.closes;

function ballotFileProblems(ballot: BallotMarks): Problem[] {
	const { file, data } = ballot;
	const problems: Problem[] = [];
	if (data.closes < data.opens) {
		problems.push({
			file,
			field: 'closes',
			expected: phrase('problem.ballot.afterOpens', { opens: isoDate(data.opens) }),
			found: quote(isoDate(data.closes)),
		});
	}
	if (data.closed && data.closed < data.opens) {
		problems.push({
			file,
			field: 'closed',
			expected: phrase('problem.ballot.afterOpens', { opens: isoDate(data.opens) }),
			found: quote(isoDate(data.closed)),
		});
	}
	const candidates = data.candidates.map((ref) => ref.id);
	candidates.forEach((id, index) => {
		if (candidates.indexOf(id) !== index) {
			problems.push({
				file,
				field: `candidates[${index}]`,
				expected: phrase('problem.ballot.candidateOnce'),
				found: phrase('problem.ballot.again', { value: quote(id) }),
			});
		}
	});
	data.tieSettled.forEach((ref, index) => {
		if (!candidates.includes(ref.id)) {
			problems.push({ file, field: `tieSettled[${index}]`, expected: phrase('problem.ballot.tieCandidate'), found: quote(ref.id) });
		}
	});
	if (data.tieSettled.length > 0 && !data.closed) {
		problems.push({
			file,
			field: 'tieSettled',
			expected: phrase('problem.ballot.tieClosed'),
			found: phrase('problem.ballot.noClosedDay'),
		});
	}
	return problems;
}

/** A segment's focus group votes in one ballot at a time, or the same pick link could count twice. */
function overlapProblems(ballots: readonly BallotMarks[]): Problem[] {
	const bySegment = Map.groupBy(ballots, (ballot) => ballot.data.segment.id);
	return [...bySegment.values()].flatMap((group) =>
		[...group]
			.sort((a, b) => a.data.opens.getTime() - b.data.opens.getTime() || a.id.localeCompare(b.id))
			.flatMap((ballot, index, sorted): Problem[] => {
				const before = sorted[index - 1];
				if (!before || lastDay(before) < ballot.data.opens) return [];
				return [
					{
						file: ballot.file,
						field: 'opens',
						expected: phrase('problem.ballot.oneOpen', {
							before: before.id,
							closes: isoDate(lastDay(before)),
							segment: ballot.data.segment.id,
						}),
						found: quote(isoDate(ballot.data.opens)),
					},
				];
			}),
	);
}

/**
 * A rank a ballot gave (`chosenIn`) names a closed ballot of that segment, and a segment's critical
 * metrics come either all from one ballot or all from the editors: a page that said "chosen by the
 * focus group" over a list the editors changed would claim what nobody chose.
 */
function chosenProblems(metrics: readonly ChosenMarks[], ballots: readonly BallotMarks[]): Problem[] {
	const ballotById = new Map(ballots.map((ballot) => [ballot.id, ballot]));
	const problems: Problem[] = [];
	for (const metric of metrics) {
		for (const [segment, ref] of Object.entries(metric.data.chosenIn)) {
			const field = `chosenIn.${segment}`;
			const ballot = ballotById.get(ref.id);
			if (metric.data.critical[segment] === undefined) {
				problems.push({ file: metric.file, field, expected: phrase('problem.ballot.rank', { segment }), found: phrase('problem.none') });
			}
			// An unknown ballot id is reported by the reference check.
			if (!ballot) continue;
			if (ballot.data.segment.id !== segment) {
				problems.push({
					file: metric.file,
					field,
					expected: phrase('problem.ballot.of', { segment }),
					found: phrase('problem.ballot.ofOther', { ballot: quote(ref.id), segment: ballot.data.segment.id }),
				});
			} else if (!ballot.data.closed) {
				problems.push({
					file: metric.file,
					field,
					expected: phrase('problem.ballot.closed', { ballot: ref.id }),
					found: phrase('problem.ballot.stillOpen', { ballot: quote(ref.id) }),
				});
			}
		}
	}
	const critical = metrics.flatMap((metric) =>
		Object.keys(metric.data.critical).map((segment) => ({ metric, segment, ballot: metric.data.chosenIn[segment]?.id })),
	);
	for (const [segment, marks] of Map.groupBy(critical, (mark) => mark.segment)) {
		const sorted = [...marks].sort((a, b) => a.metric.id.localeCompare(b.metric.id));
		const first = sorted.find((mark) => mark.ballot !== undefined) ?? sorted[0]!;
		for (const mark of sorted.filter((m) => m.ballot !== first.ballot)) {
			const said = (ballot: string | undefined) =>
				ballot === undefined ? phrase('problem.ballot.byEditors') : phrase('problem.ballot.chosenIn', { ballot });
			problems.push({
				file: mark.metric.file,
				field: mark.ballot === undefined ? `critical.${segment}` : `chosenIn.${segment}`,
				expected: phrase('problem.ballot.sameWay', { segment, metric: first.metric.id, chosen: said(first.ballot) }),
				found: said(mark.ballot),
			});
		}
	}
	return problems;
}

/** A recorded pick names a ballot that exists and one of its candidates (the tally counts no other). */
function pickProblems(inbox: readonly InboxFile[], ballots: readonly BallotMarks[]): Problem[] {
	const ballotById = new Map(ballots.map((ballot) => [ballot.id, ballot]));
	return inbox.flatMap(({ file, records }) =>
		records.flatMap((record, index): Problem[] => {
			if (record.kind !== 'pick') return [];
			const ballot = ballotById.get(record.ballot);
			if (!ballot)
				return [
					{
						file,
						field: `[${index}].ballot`,
						expected: oneOf(phrase('noun.ballots'), [...ballotById.keys()]),
						found: quote(record.ballot),
					},
				];
			const candidates = ballot.data.candidates.map((ref) => ref.id);
			if (candidates.includes(record.metric)) return [];
			return [
				{
					file,
					field: `[${index}].metric`,
					expected: phrase('problem.ballot.candidateOf', { ballot: ballot.id, candidates: candidates.join(', ') }),
					found: quote(record.metric),
				},
			];
		}),
	);
}

export function ballotProblems(
	ballots: readonly BallotMarks[],
	metrics: readonly ChosenMarks[],
	inbox: readonly InboxFile[] = [],
): Problem[] {
	return [
		...ballots.flatMap(ballotFileProblems),
		...overlapProblems(ballots),
		...chosenProblems(metrics, ballots),
		...pickProblems(inbox, ballots),
	];
}
