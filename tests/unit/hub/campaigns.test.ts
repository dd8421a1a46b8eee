import { describe, expect, it } from 'vitest';
import { movedTo, progressAsOf, stageSummary, whereItStands, type CampaignData, type Progress } from '../../../src/hub/campaigns';
import { STAGE_IDS, type StageId } from '../../../src/content/stages';
import { createLocale } from '../../../src/content/i18n';

const en = createLocale('en-GB');

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const act = (date: string, status: 'planned' | 'done' | 'dropped' = 'done') => ({ title: `Activity on ${date}`, date: day(date), status });

/** Seven stages; `activities` gives some of them their activities. */
const campaign = (activities: Partial<Record<StageId, ReturnType<typeof act>[]>>, end?: string): CampaignData => ({
	stages: STAGE_IDS.map((stage) => ({ stage, goal: `The goal of ${stage}.`, activities: activities[stage] ?? [] })),
	end: end === undefined ? undefined : day(end),
});

const states = (progress: Progress) => progress.stages.map((s) => `${s.id}:${s.state}`);

const atTry = campaign({
	know: [act('2026-07-14'), act('2026-07-28')],
	like: [act('2026-08-20'), act('2026-09-03', 'dropped')],
	trust: [act('2026-11-10'), act('2026-09-10')],
	try: [act('2026-11-12'), act('2027-01-15', 'planned')],
	buy: [act('2027-02-01', 'planned')],
});

/** The campaign: Like's only activity dropped, Trust done, Try under way. */
const skippedLike = campaign({
	know: [act('2026-03-02')],
	like: [act('2026-03-20', 'dropped')],
	trust: [act('2026-04-10')],
	try: [act('2026-05-04'), act('2026-07-01', 'planned')],
	buy: [act('2026-08-01', 'planned')],
});

describe('progressAsOf', () => {
	it('marks stages done, under way and not started, and the first stage not done as current', () => {
		const progress = progressAsOf(atTry, day('2026-11-30'));
		expect(states(progress)).toEqual([
			'know:done',
			'like:done',
			'trust:done',
			'try:under-way',
			'buy:not-started',
			'repeat:not-started',
			'refer:not-started',
		]);
		expect(progress.current).toBe('try');
		expect(stageSummary(en, progress)).toBe('Stage 4 of 7: Try');
	});

	it('leaves dropped activities out of the counts and sorts activities by date', () => {
		const progress = progressAsOf(atTry, day('2026-11-30'));
		expect(progress.stages[1]).toMatchObject({ done: 1, total: 1, dropped: 1 });
		expect(progress.stages[2]!.activities.map((a) => a.date.toISOString().slice(0, 10))).toEqual(['2026-09-10', '2026-11-10']);
		expect({ done: progress.done, total: progress.total }).toEqual({ done: 6, total: 8 });
	});

	it('shows a campaign as it stood on an earlier date: activities count as done from their date', () => {
		const progress = progressAsOf(atTry, day('2026-11-01'));
		expect(progress.current).toBe('trust');
		expect(progress.stages[2]!.state).toBe('under-way');
		expect(progress.stages[3]!.state).toBe('not-started');
	});

	it('puts a campaign with everything still planned at its first stage', () => {
		const allPlanned = campaign(Object.fromEntries(STAGE_IDS.map((stage, i) => [stage, [act(`2026-0${i + 1}-15`, 'planned')]])));
		const progress = progressAsOf(allPlanned, day('2025-12-01'));
		expect(progress.stages.every((stage) => stage.state === 'not-started')).toBe(true);
		expect(stageSummary(en, progress)).toBe('Stage 1 of 7: Know');
	});

	it('skips a stage whose activities were all dropped, and moves on past it', () => {
		const progress = progressAsOf(skippedLike, day('2026-06-01'));
		expect(states(progress).slice(0, 5)).toEqual(['know:done', 'like:skipped', 'trust:done', 'try:under-way', 'buy:not-started']);
		expect(progress.stages[1]).toMatchObject({ done: 0, total: 0, dropped: 1 });
		expect(stageSummary(en, progress)).toBe('Stage 4 of 7: Try');
	});

	it('skips a stage with all its activities dropped even before a later one moves', () => {
		const progress = progressAsOf(
			campaign({ know: [act('2026-03-02')], like: [act('2026-03-20', 'dropped')], trust: [act('2026-05-01', 'planned')] }),
			day('2026-04-01'),
		);
		expect(states(progress).slice(0, 3)).toEqual(['know:done', 'like:skipped', 'trust:not-started']);
		expect(progress.current).toBe('trust');
	});

	it('skips an empty stage between done ones, but not an empty stage ahead of the campaign', () => {
		const progress = progressAsOf(campaign({ know: [act('2026-03-02')], trust: [act('2026-04-10')] }), day('2026-06-01'));
		expect(states(progress)).toEqual([
			'know:done',
			'like:skipped',
			'trust:done',
			'try:not-started',
			'buy:not-started',
			'repeat:not-started',
			'refer:not-started',
		]);
		expect(stageSummary(en, progress)).toBe('Stage 4 of 7: Try');
		// As it stood before Trust moved, Like was simply next.
		const before = progressAsOf(campaign({ know: [act('2026-03-02')], trust: [act('2026-04-10')] }), day('2026-04-01'));
		expect(before.stages[1]!.state).toBe('not-started');
		expect(before.current).toBe('like');
	});

	it('is at the furthest stage under way, even with planned work left in a stage behind it', () => {
		const progress = progressAsOf(
			campaign({
				know: [act('2026-03-02'), act('2026-06-20', 'planned')],
				like: [act('2026-03-20')],
				trust: [act('2026-04-10'), act('2026-06-30', 'planned')],
			}),
			day('2026-06-01'),
		);
		expect(states(progress).slice(0, 4)).toEqual(['know:under-way', 'like:done', 'trust:under-way', 'try:not-started']);
		expect(progress.current).toBe('trust');
	});

	it('moves past a stage left with only planned work when a later stage is done', () => {
		const progress = progressAsOf(
			campaign({ know: [act('2026-03-02')], like: [act('2026-06-20', 'planned')], trust: [act('2026-04-10')] }),
			day('2026-06-01'),
		);
		expect(states(progress).slice(0, 4)).toEqual(['know:done', 'like:not-started', 'trust:done', 'try:not-started']);
		expect(progress.current).toBe('try');
	});

	it('has no current stage once all seven are done', () => {
		const all = campaign(Object.fromEntries(STAGE_IDS.map((stage, i) => [stage, [act(`2026-0${i + 1}-15`)]])));
		const progress = progressAsOf(all, day('2026-11-30'));
		expect(progress.current).toBeUndefined();
		expect(progress.finished).toBe(false);
		expect(stageSummary(en, progress)).toBe('All 7 stages done');
	});

	it('says so when the last stages were skipped', () => {
		const progress = progressAsOf(
			campaign({
				...Object.fromEntries(STAGE_IDS.slice(0, 6).map((stage, i) => [stage, [act(`2026-0${i + 1}-15`)]])),
				refer: [act('2026-08-01', 'dropped')],
			}),
			day('2026-11-30'),
		);
		expect(progress.stages.at(-1)!.state).toBe('skipped');
		expect(stageSummary(en, progress)).toBe('All 7 stages done or skipped');
	});

	it('reads "Finished" past its end with every stage done', () => {
		const all = campaign(Object.fromEntries(STAGE_IDS.map((stage, i) => [stage, [act(`2026-0${i + 1}-15`)]])), '2026-08-31');
		const onItsEnd = progressAsOf(all, day('2026-08-31'));
		expect(onItsEnd.finished).toBe(false);
		expect(whereItStands(en, onItsEnd)).toBe('All 7 stages done');
		const progress = progressAsOf(all, day('2026-09-01'));
		expect(progress.finished).toBe(true);
		expect(whereItStands(en, progress)).toBe('Finished');
		expect(stageSummary(en, progress)).toBe('All 7 stages done');
	});

	it('stops a campaign past its end with planned work left at the stage it had reached', () => {
		const stopped = campaign(
			{
				know: [act('2026-01-10')],
				like: [act('2026-02-10')],
				trust: [act('2026-03-10')],
				try: [act('2026-04-10')],
				buy: [act('2026-05-10')],
				repeat: [act('2026-06-10', 'planned')],
				refer: [act('2026-06-20', 'planned')],
			},
			'2026-06-30',
		);
		const progress = progressAsOf(stopped, day('2026-09-01'));
		expect(progress.finished).toBe(true);
		expect(progress.current).toBe('repeat');
		expect(states(progress).slice(4)).toEqual(['buy:done', 'repeat:not-started', 'refer:not-started']);
		expect({ done: progress.done, total: progress.total }).toEqual({ done: 5, total: 7 });
		expect(stageSummary(en, progress)).toBe('Stopped at stage 6 of 7: Repeat');
		expect(whereItStands(en, progress)).toBe('Stopped at stage 6 of 7: Repeat');
		// Before its end it was simply at Repeat.
		expect(whereItStands(en, progressAsOf(stopped, day('2026-06-15')))).toBe('Stage 6 of 7: Repeat');
	});
});

describe('movedTo', () => {
	it('names the stage a campaign reached within the window, and nothing when it stayed put', () => {
		expect(movedTo(atTry, day('2026-11-30'), 30)).toBe('try');
		expect(movedTo(atTry, day('2026-12-31'), 30)).toBeUndefined();
	});

	it('names the stage reached past a skipped one, never the skipped one', () => {
		// Trust was done on 10 April: the campaign went from Trust to Try, and Like was never its stage.
		expect(progressAsOf(skippedLike, day('2026-03-21')).current).toBe('trust');
		expect(movedTo(skippedLike, day('2026-04-20'), 30)).toBe('try');
	});
});
