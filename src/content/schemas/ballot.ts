import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { calendarDate } from './common';
import { says } from '../zod-problems';

/**
 * A ballot (`content/ballots/<id>.yaml`): a segment's focus group picks the measures that matter
 * most to them from a list of candidates. `npm run send -- ballot <segment>` writes one and sends
 * it; `npm run inbox` records the picks; `npm run ballot -- close <id>` writes the most picked as
 * the segment's critical ranks. The picks themselves live in `content/inbox/` and are never
 * published: only the tally (counts) is.
 */
export const ballotSchema = z.object({
	/** The segment id (a file in `content/segments/`) whose contacts who agreed to give feedback vote. */
	segment: reference('segments'),
	/** The day the ballot opens: it is sent from then, and its month names it ("the November 2026 ballot"). */
	opens: calendarDate,
	/** The last day a pick counts; picks after it go to the editors as "a vote in a closed ballot". */
	closes: calendarDate,
	/** The candidate metric ids, as the ballot lists them; at least two. `npm run send -- ballot` fills it in. */
	candidates: z.array(reference('metrics')).min(2, says('problem.ballot.candidates')),
	/** The day `npm run ballot -- close` wrote the result into the metric files; no pick counts after it. */
	closed: calendarDate.optional(),
	/** The metrics tied in the tally whose order the editors decided when closing (`--order`); the audience page says so. Default: none. */
	tieSettled: z.array(reference('metrics')).default([]),
});

export type Ballot = z.infer<typeof ballotSchema>;
