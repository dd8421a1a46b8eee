import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { calendarDate, text } from './common';

/** What a colleague said about a change IT made: shown on its campaign's page and its segment's page. */
export const testimonialSchema = z.object({
	/** Their words, as they said them. */
	quote: text(20),
	/** Who said it. */
	name: text(2),
	/** Their job title, e.g. "Key account manager, Wholesale". */
	role: text(2),
	/** The segment id (a file in `content/segments/`) whose page shows it. */
	segment: reference('segments'),
	/** When it was said; it is published from this date. */
	date: calendarDate,
	/** Optional campaign id (a file in `content/campaigns/`) it belongs to; shown under its Refer stage. */
	campaign: reference('campaigns').optional(),
	/** `true` keeps it out of every output of a production build. Default: `false`. */
	draft: z.boolean().default(false),
});
