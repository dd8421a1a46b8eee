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
