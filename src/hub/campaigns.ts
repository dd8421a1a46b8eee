/**
 * Where a rollout campaign stands along the hourglass, as of a date: each stage's state from its
 * dated activities, and the stage the campaign is at. Pure; the hub, the pages, the feed, the
 * newsletter and the home page all ask here, so a campaign's progress is worked out one way.
 *
 * The rule ("Where it stands" in docs/editing.md says it for editors):
 * - An activity counts as done from its date; a dropped one does not count at all.
 * - A stage is *done* when it has activities that count and all of them are done, *under way* once
 *   one of them is done, and *skipped* when all its activities were dropped, or when it has none
 *   while a later stage is done or under way. Otherwise it is *not started*, even with planned work
 *   left behind a later stage that is done.
 * - The campaign is at the furthest stage under way; when a stage after that one is done, it is at
 *   the first stage after the last done one that is not skipped. When there is none, every stage
 *   is done or skipped.
 * - Past its end the campaign is finished: it stays at the stage it had reached, where it stopped.
 */
import { upperFirst } from '../content/format';
import type { Locale } from '../content/i18n';
import { campaignFinished, countsAsDone, STAGE_IDS, stageLabel, type ActivityStatus, type StageId } from '../content/stages';

export type StageState = 'not-started' | 'under-way' | 'done' | 'skipped';

export interface ActivityData {
	title: string;
	date: Date;
	status: ActivityStatus;
}

export interface StageData<A extends ActivityData = ActivityData> {
	stage: StageId;
	goal: string;
	activities: A[];
}

/** What the rule reads of a campaign: its stages, and its end if it has one. */
export interface CampaignData<A extends ActivityData = ActivityData> {
	stages: readonly StageData<A>[];
	end?: Date | undefined;
}

export interface StageProgress<A extends ActivityData = ActivityData> {
	id: StageId;
	goal: string;
	state: StageState;
	/** The stage's activities, oldest first. */
	activities: A[];
	/** Activities done by the date, those that count (all but dropped ones), and the dropped ones. */
	done: number;
	total: number;
	dropped: number;
}

export interface Progress<A extends ActivityData = ActivityData> {
	stages: StageProgress<A>[];
	/** The stage the campaign is at (or, once finished, stopped at); undefined when every stage is done or skipped. */
	current: StageId | undefined;
	/** Past its end date by the date. */
	finished: boolean;
	/** Activities done by the date, and those that count, across the stages. */
	done: number;
	total: number;
}

/** A stage's state in words, for pages, feeds and the hourglass's text: "under way". */
export const stateLabel = (locale: Locale, state: StageState): string => locale.t(`state.${state}`);

/** The same, starting a line or a cell: "Under way". */
export const stateHeading = (locale: Locale, state: StageState): string => upperFirst(stateLabel(locale, state));

const DAY = 24 * 60 * 60 * 1000;

/** A stage's state from its own activities; an empty stage is skipped or not started by what comes after it. */
function ownState({ activities, done, total }: Pick<StageProgress, 'activities' | 'done' | 'total'>): StageState | 'empty' {
	if (activities.length === 0) return 'empty';
	if (total === 0) return 'skipped';
	if (done === 0) return 'not-started';
	return done === total ? 'done' : 'under-way';
}

const movedOn = (state: StageState | 'empty') => state === 'done' || state === 'under-way';

/**
 * The campaign's progress as of `asOf`: an activity counts as done from its date, so a newsletter
 * issue shows the campaign as it stood when the issue went out, and rebuilding it later changes nothing.
 */
export function progressAsOf<A extends ActivityData>(campaign: CampaignData<A>, asOf: Date): Progress<A> {
	const counted = STAGE_IDS.map((id) => {
		const stage = campaign.stages.find((s) => s.stage === id);
		const activities = [...(stage?.activities ?? [])].sort((a, b) => a.date.getTime() - b.date.getTime());
		const kept = activities.filter((activity) => activity.status !== 'dropped');
		const done = kept.filter((activity) => countsAsDone(activity, asOf)).length;
		return {
			id,
			goal: stage?.goal ?? '',
			activities,
			done,
			total: kept.length,
			dropped: activities.length - kept.length,
		};
	});
	const own = counted.map(ownState);
	const lastMoved = own.findLastIndex(movedOn);
	const stages = counted.map((stage, i): StageProgress<A> => {
		const state = own[i]!;
		return { ...stage, state: state === 'empty' ? (i < lastMoved ? 'skipped' : 'not-started') : state };
	});
	const lastDone = stages.findLastIndex((stage) => stage.state === 'done');
	const lastUnderWay = stages.findLastIndex((stage) => stage.state === 'under-way');
	// Nothing after the last done stage is done, and when no stage after it is under way, nothing after it has moved at all.
	const current = lastUnderWay > lastDone ? stages[lastUnderWay] : stages.slice(lastDone + 1).find((stage) => stage.state !== 'skipped');
	return {
		stages,
		current: current?.id,
		finished: campaignFinished(campaign.end, asOf),
		done: stages.reduce((sum, stage) => sum + stage.done, 0),
		total: stages.reduce((sum, stage) => sum + stage.total, 0),
	};
}

/** The stage a campaign reached within the last `days` before `now`, if it moved to a new one. */
export function movedTo(campaign: CampaignData, now: Date, days: number): StageId | 'complete' | undefined {
	const before = progressAsOf(campaign, new Date(now.getTime() - days * DAY)).current;
	const after = progressAsOf(campaign, now).current;
	return before === after ? undefined : (after ?? 'complete');
}

/**
 * Where the campaign is along the hourglass: "Stage 4 of 7: Try", or past its end "Stopped at
 * stage 6 of 7: Repeat"; "All 7 stages done" (or "done or skipped") when no stage is left.
 */
export function stageSummary(locale: Locale, progress: Pick<Progress, 'current' | 'finished' | 'stages'>): string {
	const { current, finished, stages } = progress;
	const total = STAGE_IDS.length;
	if (!current)
		return locale.t(stages.some((stage) => stage.state === 'skipped') ? 'campaign.allDoneOrSkipped' : 'campaign.allDone', { total });
	const at = { number: STAGE_IDS.indexOf(current) + 1, total, stage: stageLabel(locale, current) };
	return locale.t(finished ? 'campaign.stoppedAt' : 'campaign.stage', at);
}

/** A campaign's headline on its page and its cards: "Finished" once past its end with no stage left, else its stage. */
export const whereItStands = (locale: Locale, progress: Pick<Progress, 'current' | 'finished' | 'stages'>): string =>
	progress.finished && !progress.current ? locale.t('campaign.finishedHeadline') : stageSummary(locale, progress);
