import type { Locale } from './i18n';

/**
 * The seven stages of the marketing hourglass, in order: how a rollout earns trust before and after
 * its launch. Campaign schemas, checks, pages, the hourglass drawing, `npm run new` and docs/editing.md
 * all read this list; each stage's name, aim and question are in the dictionaries (src/content/i18n).
 */
export const STAGE_IDS = ['know', 'like', 'trust', 'try', 'buy', 'repeat', 'refer'] as const;

export type StageId = (typeof STAGE_IDS)[number];

/** The question `npm run new` asks the writer to answer for a stage, in the hub's language. */
export const stagePrompt = (locale: Locale, stage: StageId): string => locale.t(`stage.${stage}.prompt`);

/** The stage's name as readers see it, in the hub's language (the translations are in docs/writing.md, Languages). */
export const stageLabel = (locale: Locale, stage: StageId): string => locale.t(`stage.${stage}`);

/** What happened to a planned activity. */
export const ACTIVITY_STATUSES = ['planned', 'done', 'dropped'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** An activity's status as readers see it, on the campaign's page and in its feed. */
export const activityStatusLabel = (locale: Locale, status: ActivityStatus): string => locale.t(`activity.${status}`);

/** Whether an activity's date has come by `asOf`: a done one counts from then, a planned one is due then. */
export const activityReached = (activity: { date: Date }, asOf: Date): boolean => activity.date.getTime() <= asOf.getTime();

/** A done activity counts from its date; a planned or dropped one never does. */
export const countsAsDone = (activity: { date: Date; status: ActivityStatus }, asOf: Date): boolean =>
	activity.status === 'done' && activityReached(activity, asOf);

/** Past its `end` a campaign is finished: listed below the live ones, stopped at the stage it reached. */
export const campaignFinished = (end: Date | undefined, asOf: Date): boolean => end !== undefined && end.getTime() < asOf.getTime();
