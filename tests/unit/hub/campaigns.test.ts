import { describe, expect, it } from 'vitest';
import { movedTo, progressAsOf, stageSummary, type StageData } from '../../../src/hub/campaigns';
import { STAGE_IDS } from '../../../src/content/stages';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const act = (date: string, status: 'planned' | 'done' | 'dropped' = 'done') => ({ title: `Activity on ${date}`, date: day(date), status });

/** Seven stages; `activities` gives some of them their activities. */
const campaign = (activities: Partial<Record<(typeof STAGE_IDS)[number], ReturnType<typeof act>[]>>): StageData[] =>
	STAGE_IDS.map((stage) => ({ stage, goal: `The goal of ${stage}.`, activities: activities[stage] ?? [] }));

const atTry = campaign({
	know: [act('2026-07-14'), act('2026-07-28')],
	like: [act('2026-08-20'), act('2026-09-03', 'dropped')],
	trust: [act('2026-11-10'), act('2026-09-10')],
	try: [act('2026-11-12'), act('2027-01-15', 'planned')],
	buy: [act('2027-02-01', 'planned')],
});

describe('progressAsOf', () => {
	it('marks stages done, under way and not started, and the first stage not done as current', () => {
		const progress = progressAsOf(atTry, day('2026-11-30'));
		expect(progress.stages.map((s) => `${s.id}:${s.state}`)).toEqual([
			'know:done',
			'like:done',
			'trust:done',
			'try:under-way',
			'buy:not-started',
			'repeat:not-started',
			'refer:not-started',
		]);
		expect(progress.current).toBe('try');
		expect(stageSummary(progress)).toBe('Stage 4 of 7: Try');
	});

	it('leaves dropped activities out of the counts and sorts activities by date', () => {
		const progress = progressAsOf(atTry, day('2026-11-30'));
		expect(progress.stages[1]).toMatchObject({ done: 1, total: 1 });
		expect(progress.stages[2]!.activities.map((a) => a.date.toISOString().slice(0, 10))).toEqual(['2026-09-10', '2026-11-10']);
		expect({ done: progress.done, total: progress.total }).toEqual({ done: 6, total: 8 });
	});

	it('shows a campaign as it stood on an earlier date: activities count as done from their date', () => {
		const progress = progressAsOf(atTry, day('2026-11-01'));
		expect(progress.current).toBe('trust');
		expect(progress.stages[2]!.state).toBe('under-way');
		expect(progress.stages[3]!.state).toBe('not-started');
	});

	it('has no current stage once all seven are done', () => {
		const all = campaign(Object.fromEntries(STAGE_IDS.map((stage, i) => [stage, [act(`2026-0${i + 1}-15`)]])));
		const progress = progressAsOf(all, day('2026-11-30'));
		expect(progress.current).toBeUndefined();
		expect(stageSummary(progress)).toBe('All 7 stages done');
	});
});

describe('movedTo', () => {
	it('names the stage a campaign reached within the window, and nothing when it stayed put', () => {
		expect(movedTo(atTry, day('2026-11-30'), 30)).toBe('try');
		expect(movedTo(atTry, day('2026-12-31'), 30)).toBeUndefined();
	});
});
