/**
 * Where a rollout campaign stands along the hourglass, as of a date: each stage's state from its
 * dated activities, and the stage the campaign is at. Pure; the hub, the pages, the feed, the
 * newsletter and the home page all ask here, so a campaign's progress is worked out one way.
 */
import { STAGE_IDS, stageLabel, type ActivityStatus, type StageId } from '../content/stages';

/** A stage is done when every activity that was not dropped is done; under way once one is. */
export type StageState = 'not-started' | 'under-way' | 'done';

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

export interface StageProgress<A extends ActivityData = ActivityData> {
	id: StageId;
	label: string;
	goal: string;
	state: StageState;
	/** The stage's activities, oldest first. */
	activities: A[];
	/** Activities done by the date, and those that count (all but dropped ones). */
	done: number;
	total: number;
}

export interface Progress<A extends ActivityData = ActivityData> {
	stages: StageProgress<A>[];
	/** The first stage not yet done; undefined once all seven are. */
	current: StageId | undefined;
	/** Activities done by the date, and those that count, across the stages. */
	done: number;
	total: number;
}

/** A stage's state in words, for pages, feeds and the hourglass's text. */
export const STATE_LABELS: Record<StageState, string> = {
	done: 'done',
	'under-way': 'under way',
	'not-started': 'not started',
};

/** The same, starting a line or a cell: "Under way". */
export const stateHeading = (state: StageState): string => STATE_LABELS[state].charAt(0).toUpperCase() + STATE_LABELS[state].slice(1);

const DAY = 24 * 60 * 60 * 1000;

/**
 * The campaign's progress as of `asOf`: an activity counts as done from its date, so a newsletter
 * issue shows the campaign as it stood when the issue went out, and rebuilding it later changes nothing.
 */
export function progressAsOf<A extends ActivityData>(stages: readonly StageData<A>[], asOf: Date): Progress<A> {
	const done = (activity: A) => activity.status === 'done' && activity.date.getTime() <= asOf.getTime();
	const progress = STAGE_IDS.map((id): StageProgress<A> => {
		const stage = stages.find((s) => s.stage === id);
		const activities = [...(stage?.activities ?? [])].sort((a, b) => a.date.getTime() - b.date.getTime());
		const counted = activities.filter((activity) => activity.status !== 'dropped');
		const finished = counted.filter(done).length;
		const state: StageState = finished === 0 ? 'not-started' : finished === counted.length ? 'done' : 'under-way';
		return { id, label: stageLabel(id), goal: stage?.goal ?? '', state, activities, done: finished, total: counted.length };
	});
	return {
		stages: progress,
		current: progress.find((stage) => stage.state !== 'done')?.id,
		done: progress.reduce((sum, stage) => sum + stage.done, 0),
		total: progress.reduce((sum, stage) => sum + stage.total, 0),
	};
}

/** The stage a campaign reached within the last `days` before `now`, if it moved to a new one. */
export function movedTo(stages: readonly StageData[], now: Date, days: number): StageId | 'complete' | undefined {
	const before = progressAsOf(stages, new Date(now.getTime() - days * DAY)).current;
	const after = progressAsOf(stages, now).current;
	return before === after ? undefined : (after ?? 'complete');
}

/** "Stage 4 of 7: Try", or "All seven stages done". */
export function stageSummary(progress: Pick<Progress, 'current'>): string {
	if (!progress.current) return `All ${STAGE_IDS.length} stages done`;
	return `Stage ${STAGE_IDS.indexOf(progress.current) + 1} of ${STAGE_IDS.length}: ${stageLabel(progress.current)}`;
}
