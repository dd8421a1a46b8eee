import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { writingSchema } from './base';
import { text } from './common';

/** A case study: a body that tells the challenge, the approach and the outcome. */
export const caseStudySchema = writingSchema.extend({
	/** Author id (a file in `content/authors/`). */
	author: reference('authors'),
	/** The business department the work was done with, e.g. "Retail operations". */
	department: text(2),
	/** Metric ids (files in `content/metrics/`) that this work moved. Default: none. */
	metrics: z.array(reference('metrics')).default([]),
	/** `true` makes this the case study featured on the home page (the newest featured wins). Default: `false`. */
	featured: z.boolean().default(false),
});
