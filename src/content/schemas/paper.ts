import { reference } from 'astro:content';
import { writingSchema } from './base';

/** A position paper: 200 to 300 words, one idea, business value first. */
export const paperSchema = writingSchema.extend({
	/** Author id (a file in `content/authors/`); readers send feedback to this person. */
	author: reference('authors'),
});
