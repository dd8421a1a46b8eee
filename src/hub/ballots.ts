/**
 * The hub's ballots, counted once per build: each ballot's tally from the recorded picks, how
 * many the ballot was sent to (the send ledger), and whether it is open. Pages, the editors'
 * page and the ballot's email all read these; none of them counts again. Nothing here keeps an
 * address: voters are counted, never listed.
 */
import { endOfDay, tallyBallot, type BallotPick, type Tally } from '../content/ballots';
import type { PickRecord } from '../content/inbox';
import type { Ballot } from '../content/schemas/ballot';
import type { Locale } from '../content/i18n';
import { deliveredTo, type LedgerRecord } from '../content/ledger';

export interface HubBallot {
	id: string;
	/** Its file, as messages print it. */
	file: string;
	/** The segment id whose focus group votes. */
	segment: string;
	opens: Date;
	closes: Date;
	closed?: Date | undefined;
	/** Candidate metric ids, in the ballot's order. */
	candidates: string[];
	/** Metrics the editors placed when the tally tied. */
	tieSettled: string[];
	/** Taking picks as of the build: opened, not closed, and not past its closing day. */
	open: boolean;
	/** How many people it was delivered to (`npm run send -- ballot`), from the send ledger. */
	asked: number;
	tally: Tally;
}

/** The send ledger's name for a ballot: `ballot/<id>`. */
export const ballotKey = (id: string): string => `ballot/${id}`;

export function hubBallots(
	entries: readonly { id: string; filePath?: string | undefined; data: Ballot }[],
	{
		picks,
		ledger,
		now,
		limit,
	}: {
		/** The recorded picks per ballot id (`pick` records in the inbox). */
		picks: ReadonlyMap<string, readonly Pick<PickRecord, 'metric' | 'from' | 'date'>[]>;
		ledger: readonly LedgerRecord[];
		now: Date;
		limit: number;
	},
): HubBallot[] {
	const picksOf = (id: string): BallotPick[] =>
		(picks.get(id) ?? []).map((pick) => ({ metric: pick.metric, voter: pick.from, at: pick.date }));
	return entries
		.map(({ id, filePath, data }) => {
			const candidates = data.candidates.map((ref) => ref.id);
			// A closed ballot counts what it counted on the day it closed, whatever was recorded later.
			const closes = data.closed && data.closed < data.closes ? data.closed : data.closes;
			return {
				id,
				file: filePath ?? id,
				segment: data.segment.id,
				opens: data.opens,
				closes: data.closes,
				closed: data.closed,
				candidates,
				tieSettled: data.tieSettled.map((ref) => ref.id),
				open: !data.closed && data.opens <= now && now <= endOfDay(data.closes),
				asked: deliveredTo(ledger, ballotKey(id)).size,
				tally: tallyBallot({ candidates, closes }, picksOf(id), limit),
			};
		})
		.sort((a, b) => b.opens.getTime() - a.opens.getTime() || a.id.localeCompare(b.id));
}

/** "the November 2026 ballot": named after the month it opened. */
export const ballotName = (locale: Locale, ballot: Pick<HubBallot, 'opens'>): string =>
	locale.t('ballot.name', { month: locale.monthYear(ballot.opens) });

/**
 * How a segment's critical metrics were chosen, in the words the audience page shows:
 * "Chosen by 7 of 9 superusers in the November 2026 ballot", or "Chosen by the editors".
 */
export function chosenByWords(locale: Locale, ballot: HubBallot | undefined, segmentName: string): string {
	if (!ballot) return locale.t('ballot.chosenByEditors');
	const group = segmentName.toLowerCase();
	const who =
		ballot.asked >= ballot.tally.voters
			? locale.t('ballot.votersOf', { voters: ballot.tally.voters, asked: ballot.asked, group })
			: locale.t('ballot.voters', { voters: ballot.tally.voters, group });
	return locale.t('ballot.chosenBy', { who, ballot: ballotName(locale, ballot) });
}
