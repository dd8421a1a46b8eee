import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { parseDuration } from '../duration';
import { TIER_IDS } from '../tiers';
import { publicationFields } from './base';
import { calendarDate, text } from './common';
import { says } from '../zod-problems';

/** A duration written as `15m`, `4h`, `1h30m` or `2d`, read as milliseconds. */
export const duration = z.string(says('problem.duration')).transform((written, context) => {
	const ms = parseDuration(written);
	if (ms === undefined) context.issues.push({ code: 'custom', ...says('problem.duration'), input: written });
	return ms ?? 0;
});

const tier = z.union(
	TIER_IDS.map((id) => z.literal(id)),
	says('problem.system.tier'),
);

/** Who cannot work without the system: an audience (segment) or a department the hub has no segment for. */
export const dependentSchema = z
	.object({
		/** A segment id (a file in `content/segments/`): its readers see the system on their page and in their feed. */
		segment: reference('segments').optional(),
		/** Or a department named in words, e.g. "Distribution centre", when no segment stands for it. */
		department: text(2).optional(),
		/** How long they can work without it before it hurts: `15m`, `4h`, `2d`. */
		wait: duration,
		/** What stops first when it is down, in their words: "stores cannot take card payments". */
		stops: text(10, 'problem.system.stops'),
		/** Optional cost of an hour down, in business words: "about £9,000 of orders an hour on a Saturday". */
		costPerHour: text(3).optional(),
	})
	.check((context) => {
		const { segment, department } = context.value;
		if ((segment === undefined) === (department === undefined)) {
			context.issues.push({
				code: 'custom',
				...says('problem.system.dependent'),
				input: context.value,
				path: ['segment'],
			});
		}
	});

/** A day the system's restore tier changed: a feed item for everyone who depends on it. */
export const tierChangeSchema = z.object({
	/** The day the new tier took effect. */
	date: calendarDate,
	/** The tier it had before. */
	from: tier,
	/** Why, in business words: "card payments now run through the tills' own network". */
	why: text(10, 'problem.system.why'),
});

/** Something the business felt when the system stopped. Incidents are shown on the system's page, never sent. */
export const incidentSchema = z.object({
	/** The day it happened. */
	date: calendarDate,
	/** How long it lasted: `45m`, `3h`. */
	lasted: duration,
	/** What the business felt, in business words: "Saturday card payments failed in 12 stores for 40 minutes". */
	felt: text(10, 'problem.system.felt'),
});

/**
 * A business system: what a part of the business cannot work without, in its own words, how long
 * each can wait when it stops, and when IT brings it back (`content/systems/<id>.yaml`).
 */
export const systemSchema = z.object({
	/** The business name, as its users say it: "The web shop", not "Magento 2.4". */
	name: text(3),
	/** What it does for the business, in one sentence. */
	does: text(10, 'problem.system.does'),
	/** The technical name, for IT readers; the linter suggests the business name where a paper uses it. */
	technical: text(2),
	/** Author id (a file in `content/authors/`) of the person in IT who owns it. */
	owner: reference('authors'),
	/** Who cannot work without it, and how long each can wait; at least one. */
	dependents: z.array(dependentSchema).min(1, says('problem.system.dependents')),
	/** When IT brings it back after an outage. Default: the tier the shortest wait needs, restored in 1h. */
	restore: z
		.object({
			/** Restore tier 1 to 4 (1 first). Default: from the shortest wait (tier 1 within the hour, 2 within 4 hours, 3 the same day, 4 within 3 days). */
			tier: tier.optional(),
			/** How long the restore takes once what it runs on is back: `30m`, `2h`. Default: `1h`. */
			takes: duration.default(60 * 60 * 1000),
			/** The days the tier changed, oldest first or not (they are sorted). Default: none. */
			changes: z.array(tierChangeSchema).default([]),
		})
		.default({ takes: 60 * 60 * 1000, changes: [] }),
	/** Metric ids (files in `content/metrics/`) that track it. Default: none. */
	metrics: z.array(reference('metrics')).default([]),
	/** System ids it cannot run without; it comes back after them. Default: none. */
	dependsOn: z.array(reference('systems')).default([]),
	/** Outages the business felt, in business words. Default: none. */
	incidents: z.array(incidentSchema).default([]),
	...publicationFields,
});

export type SystemData = z.output<typeof systemSchema>;
