import { z } from 'astro/zod';
import { text } from './common';

/** A topic that papers, case studies and metrics can be filed under; each gets a page and a feed. */
export const topicSchema = z.object({
	/** Display name, e.g. "Cloud". */
	name: text(2),
	/** One sentence on what the topic covers; shown on its page and as its feed description. */
	description: text(10),
});
