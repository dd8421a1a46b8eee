import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { isoDate } from '../format';
import { ACTIVITY_STATUSES, STAGE_IDS } from '../stages';
import { writingSchema } from './base';
import { calendarDate, text } from './common';
import { says } from '../zod-problems';
import type { MessageKey } from '../i18n/dictionaries';
import { phrase, type Said } from '../problems';

/** A stage-order message: it names the seven stages in order (know, like, …), as writers write them. */
const inOrder = (messageId: MessageKey, data: Readonly<Record<string, Said>> = {}) => ({
	message: messageId,
	params: { ...data, stages: STAGE_IDS.join(', ') },
});

/**
 * The fields whose paper or case study may still be scheduled in a published campaign: the report
 * on an activity is often written ahead, dated for the day it should go live. Pages and feeds link
 * it, and carry its summary, only once it is published (src/hub/hub.ts).
 */
export const SCHEDULED_REPORTS = /^stages\[\d+\]\.activities\[\d+\]\.(?:paper|caseStudy)$/;

/** One dated step of a stage. */
export const activitySchema = z
	.object({
		/** What happens, e.g. "Peer panel with Fjällräven's sales team". */
		title: text(5),
		/** When it happens or happened; within the campaign's start and end. */
		date: calendarDate,
		/** `planned`, `done` or `dropped`. How these make a stage done, under way or skipped: `src/hub/campaigns.ts`. */
		status: z.enum(ACTIVITY_STATUSES),
		/** Segment ids (files in `content/segments/`) the activity is for. Default: none. */
		segments: z.array(reference('segments')).default([]),
		/** Optional paper (id) that reports on it. */
		paper: reference('papers').optional(),
		/** Optional case study (id) that reports on it. */
		caseStudy: reference('case-studies').optional(),
	})
	.refine((activity) => !(activity.paper && activity.caseStudy), says('problem.campaign.activity'));

/** One of the seven stages: its goal and its activities. */
export const stageSchema = z.object({
	/** The stage's name: one of know, like, trust, try, buy, repeat, refer. */
	stage: z.enum(STAGE_IDS),
	/** One sentence: what this stage must achieve for this campaign. */
	goal: text(10),
	/** The stage's dated activities, in any order (pages sort them by date). Default: none yet. */
	activities: z.array(activitySchema).default([]),
});

/** A metric the campaign aims to move, and the date its "before" figure is taken at. */
const campaignMetricSchema = z.object({
	/** Metric id (a file in `content/metrics/`). */
	metric: reference('metrics'),
	/** The date of the "before" figure: the metric's reading on or before it. */
	baseline: calendarDate,
});

/**
 * A rollout campaign along the marketing hourglass: seven stages, each with a goal and dated
 * activities, from hearing of it (Know) to recommending it (Refer). The MDX body tells the story.
 */
export const campaignSchema = writingSchema
	.omit({ published: true, updated: true, expires: true, campaign: true, stage: true })
	.extend({
		/** Author id (a file in `content/authors/`) of the person who runs the campaign. */
		owner: reference('authors'),
		/** When the campaign starts; it is published from this date. */
		start: calendarDate,
		/** Optional end date; after it the campaign is listed as finished. */
		end: calendarDate.optional(),
		/** Metrics the campaign aims to move, each with its baseline date. Default: none. */
		metrics: z.array(campaignMetricSchema).default([]),
		/** The people from the business who speak for it. Default: none yet. */
		champions: z
			.array(
				z.object({
					/** Full name. */
					name: text(2),
					/** Job title, e.g. "Key account manager". */
					role: text(2),
					/** Their department, e.g. "Wholesale sales". */
					department: text(2),
					/** Optional author id, when the champion also writes for the hub. */
					author: reference('authors').optional(),
				}),
			)
			.default([]),
		/** The beta group of the Try stage. Optional. */
		beta: z
			.object({
				/** The group's name, e.g. "CRM early adopters". */
				name: text(2),
				/** How many people are in it. */
				size: z.number().int().positive(),
				/** What they have early access to. */
				access: text(5),
			})
			.optional(),
		/** Exactly the seven stages, in order: know, like, trust, try, buy, repeat, refer. */
		stages: z.array(stageSchema).superRefine((stages, context) => {
			const written = stages.map((stage) => stage.stage);
			const wrong = STAGE_IDS.findIndex((stage, index) => written[index] !== stage);
			if (wrong === -1) {
				if (written.length > STAGE_IDS.length) context.addIssue({ code: 'custom', path: [STAGE_IDS.length, 'stage'], ...inOrder('problem.campaign.onlyStages') });
				return;
			}
			const wanted = STAGE_IDS[wrong]!;
			const missing = written.includes(wanted) ? '' : phrase('problem.campaign.missingStage', { stage: wanted });
			if (wrong >= written.length) context.addIssue({ code: 'custom', path: [], ...inOrder('problem.campaign.stages', { missing }) });
			else context.addIssue({ code: 'custom', path: [wrong, 'stage'], ...inOrder('problem.campaign.stageAt', { stage: wanted, place: String(wrong + 1), missing }) });
		}),
	})
	// The dates are checked on whatever parsed, even when another field failed (a misspelt stage, a
	// missing summary): zod skips an object's refinements after any failure, which left a writer
	// who had fixed one problem facing the next only on the following build.
	.superRefine(checkDates, { when: ({ value }) => isDate((value as { start?: unknown } | undefined)?.start) });

const isDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());
const entries = (value: unknown): [number, unknown][] => (Array.isArray(value) ? [...(value as unknown[]).entries()] : []);

/** An end before the start, and activities outside the campaign's dates, in a campaign that may not have parsed whole. */
function checkDates(value: unknown, context: z.RefinementCtx) {
	const { start, end, stages } = value as { start: Date; end?: unknown; stages?: unknown };
	const last = isDate(end) ? end : undefined;
	if (last && last < start) context.addIssue({ code: 'custom', path: ['end'], message: 'problem.campaign.end', params: { start: isoDate(start) } });
	const within = last
		? { message: 'problem.campaign.within', params: { start: isoDate(start), end: isoDate(last) } }
		: { message: 'problem.campaign.onOrAfter', params: { start: isoDate(start) } };
	for (const [s, stage] of entries(stages)) {
		for (const [a, activity] of entries((stage as { activities?: unknown } | undefined)?.activities)) {
			const date = (activity as { date?: unknown } | undefined)?.date;
			if (isDate(date) && (date < start || (last && date > last))) {
				context.addIssue({ code: 'custom', path: ['stages', s, 'activities', a, 'date'], ...within });
			}
		}
	}
}
