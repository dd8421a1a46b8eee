import { z } from 'astro/zod';
import { text } from './common';

/** A market segment: a group of readers with its own page and RSS feed. */
export const segmentSchema = z.object({
	/** Display name, e.g. "Executives". */
	name: text(2),
	/** Who they are, in one or two sentences; shown on the segment page and as the feed description. */
	audience: text(10),
	/** What they care about, as short phrases ("cost", "risk", "customer experience"). */
	cares: z.array(text(1)).min(1),
	/** How much detail they want: `headline`, `summary` or `detail`. Default: `summary`. */
	detail: z.enum(['headline', 'summary', 'detail']).default('summary'),
	/** Persona: what they are trying to achieve this year, as short phrases. Shown on their page and in a new paper's note. Default: none. */
	goals: z.array(text(3)).default([]),
	/** Persona: how they judge IT, in a sentence: "by whether the stores trade on a Saturday". Optional. */
	judgeIT: text(10).optional(),
	/** Persona: how and when they read: "email on a phone before 8", "a printed page in the board pack". Optional. */
	reads: text(10).optional(),
	/** Order on the home and segments pages (lower first). Default: 100. */
	order: z.number().int().default(100),
});
