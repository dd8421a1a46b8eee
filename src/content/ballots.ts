/**
 * A ballot's tally and its result: the one rule for counting a focus group's picks. The hub's
 * model counts each ballot once with it (src/hub/ballots.ts), and `npm run ballot -- close`
 * writes the result it gives, so the audience page and the metric files never disagree.
 */
import { phrase, type Phrase } from './problems';

/** One recorded pick: who picked which metric, when. */
export interface BallotPick {
	metric: string;
	/** The voter's address; compared without regard to case, never shown. */
	voter: string;
	at: Date;
}

export interface TallyRow {
	metric: string;
	picks: number;
}

export interface Tally {
	/** How many people's picks count. */
	voters: number;
	/** Every candidate, most picked first, then in the ballot's order. */
	rows: TallyRow[];
}

/** The end of a calendar day: a ballot that closes on the 16th takes picks all that day. */
export const endOfDay = (day: Date): Date => new Date(day.getTime() + 24 * 60 * 60 * 1000 - 1);

/**
 * Counts a ballot's picks. Each person's latest `limit` different picks count (picking a metric
 * again only refreshes it; a fourth pick pushes out their oldest); picks of a metric that is not
 * a candidate, and picks after the closing day, do not count.
 */
export function tallyBallot(
	ballot: { candidates: readonly string[]; closes: Date },
	picks: readonly BallotPick[],
	limit: number,
): Tally {
	const last = endOfDay(ballot.closes).getTime();
	const latest = new Map<string, Map<string, number>>();
	for (const pick of picks) {
		if (!ballot.candidates.includes(pick.metric) || pick.at.getTime() > last) continue;
		const voter = pick.voter.toLowerCase();
		const mine = latest.get(voter) ?? new Map<string, number>();
		mine.set(pick.metric, Math.max(mine.get(pick.metric) ?? -Infinity, pick.at.getTime()));
		latest.set(voter, mine);
	}
	const counts = new Map<string, number>(ballot.candidates.map((metric) => [metric, 0]));
	for (const mine of latest.values()) {
		const counted = [...mine].sort((a, b) => b[1] - a[1]).slice(0, limit);
		for (const [metric] of counted) counts.set(metric, counts.get(metric)! + 1);
	}
	const order = (metric: string) => ballot.candidates.indexOf(metric);
	const rows = [...counts]
		.map(([metric, count]) => ({ metric, picks: count }))
		.sort((a, b) => b.picks - a.picks || order(a.metric) - order(b.metric));
	return { voters: latest.size, rows };
}

/** Metrics with the same number of picks whose places decide the result: for the editors to settle. */
export interface Tie {
	picks: number;
	metrics: string[];
	/** The places (from 1) they share, e.g. 3 and 4 when two tie for third. */
	places: number[];
}

export type BallotResult =
	| { kind: 'chosen'; chosen: string[]; tieSettled: string[] }
	| { kind: 'no-picks' }
	| { kind: 'tied'; ties: Tie[] }
	| { kind: 'order-refused'; expected: Phrase };

/**
 * The `limit` most picked metrics, most picked first. Only metrics someone picked can be chosen.
 * A tie that decides a place (first against second, or who is in at all) is never settled here:
 * the result lists it, and the editors settle it by giving the whole `order` they decide on,
 * which must agree with the tally everywhere except inside the ties.
 */
export function ballotResult(tally: Tally, limit: number, order?: readonly string[]): BallotResult {
	const picked = tally.rows.filter((row) => row.picks > 0);
	if (picked.length === 0) return { kind: 'no-picks' };
	const places = Math.min(limit, picked.length);
	const ties: Tie[] = [];
	let place = 1;
	for (const group of Map.groupBy(picked, (row) => row.picks).values()) {
		if (place > places) break;
		if (group.length > 1) {
			ties.push({
				picks: group[0]!.picks,
				metrics: group.map((row) => row.metric),
				places: group.map((_, i) => place + i),
			});
		}
		place += group.length;
	}
	const tallied = picked.slice(0, places).map((row) => row.metric);
	if (order === undefined) return ties.length === 0 ? { kind: 'chosen', chosen: tallied, tieSettled: [] } : { kind: 'tied', ties };

	const picksOf = new Map(picked.map((row) => [row.metric, row.picks]));
	const describe = () =>
		ties.length === 0
			? phrase('cli.ballot.order.noTie', { order: tallied.join(',') })
			: phrase('cli.ballot.order.ties', {
					places: String(places),
					ties: ties
						.map((tie) => phrase('cli.ballot.order.tie', { metrics: tie.metrics.join(', '), count: tie.picks }))
						.reduce((first, second) => phrase('cli.ballot.order.join', { first, second })),
				});
	const valid =
		order.length === places &&
		new Set(order).size === places &&
		order.every((metric, i) => picksOf.has(metric) && (i === 0 || picksOf.get(order[i - 1]!)! >= picksOf.get(metric)!)) &&
		// Nobody left out may have more picks than the last one chosen.
		picked.every((row) => order.includes(row.metric) || row.picks <= picksOf.get(order.at(-1)!)!);
	if (!valid) return { kind: 'order-refused', expected: describe() };
	const tieSettled = ties.flatMap((tie) => tie.metrics);
	return { kind: 'chosen', chosen: [...order], tieSettled };
}
