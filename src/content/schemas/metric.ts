import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { publicationFields } from './base';
import { calendarDate, languageTag, text, urlSafeId } from './common';
import { says } from '../zod-problems';

/** One dated value of a metric's series. */
export const metricPointSchema = z.object({
	/** When the value was measured. */
	date: calendarDate,
	/** The measured value, in the metric's unit. */
	value: z.number(says('problem.type.number')),
});

/**
 * A translation: a technical measure as IT says it, and what it means for the business.
 */
export const metricSchema = z.object({
	/** Short business name of the metric, e.g. "Online orders kept flowing". */
	title: text(3),
	/** The measure as IT says it, e.g. "Checkout API availability". */
	technical: text(3),
	/** The business translation, e.g. "Orders kept flowing through Black Friday". */
	translation: text(10),
	/** Unit of the values, e.g. "%", "minutes", "£k". */
	unit: text(1),
	/** Whether a higher or a lower value is better; decides the status against the target. */
	direction: z.enum(['higher', 'lower'], says('problem.metric.direction')),
	/** Optional target value, in the metric's unit. */
	target: z.number().optional(),
	/** Segment ids this metric matters to; at least one. */
	segments: z.array(reference('segments')).min(1),
	/** Topic ids (from `content/topics.yaml`). Default: none. */
	topics: z.array(reference('topics')).default([]),
	/** Per segment, this metric's rank among the critical three its focus group chose, e.g. `{ executives: 1 }`. Default: none. */
	critical: z.record(urlSafeId('segment'), z.number().int().min(1)).default({}),
	/** Per segment, the ballot (a file in `content/ballots/`) whose tally gave the rank in `critical`; `npm run ballot -- close` writes it. A rank without one was chosen by the editors. Default: none. */
	chosenIn: z.record(urlSafeId('segment'), reference('ballots')).default({}),
	/** The dated series, oldest or newest first (it is sorted); at least one value. */
	series: z.array(metricPointSchema).min(1, says('problem.metric.series')),
	/** Language of this metric's text when it is not the hub's, e.g. `ja`; set on its page. Default: the hub's. */
	lang: languageTag.optional(),
	...publicationFields,
});
