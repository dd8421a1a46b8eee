import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { STAGE_IDS } from '../stages';
import { calendarDate, languageTag, text, urlSafeId } from './common';
import { says } from '../zod-problems';

/**
 * What every published piece of writing shares: papers and case studies `.extend()` it.
 * Publication fields (`published`, `expires`, `draft`) drive the one publication rule in
 * `src/content/publication.ts`.
 */
export const publicationFields = {
	/** Date the entry goes live. Entries dated after the build are not published yet. */
	published: calendarDate,
	/** Optional date of the last substantial revision; shown beside the published date. */
	updated: calendarDate.optional(),
	/** Optional review-by date: after it the entry is archived (kept at its URL, dropped from lists, feeds and search). */
	expires: calendarDate.optional(),
	/** `true` keeps the entry out of every output of a production build. Default: `false`. */
	draft: z.boolean().default(false),
};

/** Where a piece of writing is filed in a rollout campaign: both fields or neither. */
export const campaignFields = {
	/** Optional campaign id (a file in `content/campaigns/`) this piece belongs to; set `stage` with it. */
	campaign: reference('campaigns').optional(),
	/** The campaign's stage it is filed under: know, like, trust, try, buy, repeat or refer. */
	stage: z.enum(STAGE_IDS).optional(),
};

export const writingSchema = z.object({
	/** Headline, in business language: what changes for the reader, not what IT did. */
	title: text(5, 'problem.title'),
	/** One sentence that tells the reader what the piece is about; used in lists, feeds and search. */
	summary: text(10, 'problem.summary'),
	/** The "so what" for the business: revenue, cost, risk or customers. Required, shown first. */
	businessValue: text(10, 'problem.businessValue'),
	/** Segment ids (files in `content/segments/`) this piece is written for; at least one. */
	segments: z.array(reference('segments')).min(1, says('problem.segments')),
	/** Topic ids (from `content/topics.yaml`). Default: none. */
	topics: z.array(reference('topics')).default([]),
	/** System ids (files in `content/systems/`) this piece concerns; it is listed on their pages. Default: none. */
	systems: z.array(reference('systems')).default([]),
	/** Language of this entry when it is not the hub's (`language` in hub.yaml), e.g. `ja`; set on its page. Default: the hub's. */
	lang: languageTag.optional(),
	/** The id of a question colleagues asked IT (a `question` record in `content/inbox/`) that this piece answers; its page shows the question. */
	answers: urlSafeId('question').optional(),
	...campaignFields,
	...publicationFields,
});
