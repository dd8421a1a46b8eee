/**
 * The campaign and testimonial schemas, through the hub's one formatter: what a writer reads when
 * the seven stages are missing, out of order or misspelt, or an activity falls outside the campaign.
 */
import { describe, expect, it } from 'vitest';
import { campaignSchema } from '../../../src/content/schemas/campaign';
import { testimonialSchema } from '../../../src/content/schemas/testimonial';
import { STAGE_IDS } from '../../../src/content/stages';
import { ENGLISH, formatProblem } from '../../../src/content/problems';
import { schemaProblems } from '../../../src/content/zod-problems';

const stages = (ids: readonly string[] = STAGE_IDS) => ids.map((stage) => ({ stage, goal: `What ${stage} must achieve.`, activities: [] }));

const campaign = (changes: Record<string, unknown> = {}) => ({
	title: 'A new customer system for sales',
	summary: 'Sales move from spreadsheets to the customer system.',
	businessValue: 'Quotes go out in a day instead of four.',
	segments: ['executives'],
	owner: 'ada-lovelace',
	start: '2026-07-01',
	end: '2027-06-30',
	stages: stages(),
	...changes,
});

const problems = async (schema: Parameters<typeof schemaProblems>[1], data: unknown) =>
	(await schemaProblems('campaigns/crm.mdx', schema, data)).problems.map((problem) => formatProblem(problem, ENGLISH));

describe('campaign schema', () => {
	it('accepts the seven stages in order', async () => {
		expect(await problems(campaignSchema, campaign())).toEqual([]);
	});

	it('names the stage that is out of order', async () => {
		expect(
			await problems(campaignSchema, campaign({ stages: stages(['know', 'trust', 'like', 'try', 'buy', 'repeat', 'refer']) })),
		).toEqual([
			'campaigns/crm.mdx stages[1].stage: expected "like" as stage 2: the seven stages in order (know, like, trust, try, buy, repeat, refer); found "trust"',
		]);
	});

	it('names a missing stage', async () => {
		expect(await problems(campaignSchema, campaign({ stages: stages(['know', 'like', 'trust', 'try', 'buy', 'refer']) }))).toEqual([
			'campaigns/crm.mdx stages[5].stage: expected "repeat" as stage 6: the seven stages in order (know, like, trust, try, buy, repeat, refer); "repeat" is missing; found "refer"',
		]);
		expect((await problems(campaignSchema, campaign({ stages: stages(STAGE_IDS.slice(0, 6)) })))[0]).toMatch(
			/stages: expected the seven stages in order .*; "refer" is missing/,
		);
	});

	it('names an unknown stage with the stages it knows', async () => {
		const [problem] = await problems(
			campaignSchema,
			campaign({ stages: stages(['know', 'learn', 'trust', 'try', 'buy', 'repeat', 'refer']) }),
		);
		expect(problem).toMatch(/^campaigns\/crm\.mdx stages\[1\]\.stage: expected one of "know", "like", .*"refer"; found "learn"$/);
	});

	it('names an activity dated outside the campaign', async () => {
		const outside = stages();
		outside[3]!.activities = [{ title: 'Beta starts early', date: '2026-06-15', status: 'done' }] as never[];
		expect(await problems(campaignSchema, campaign({ stages: outside }))).toEqual([
			'campaigns/crm.mdx stages[3].activities[0].date: expected a date within the campaign, from 2026-07-01 to 2027-06-30; found "2026-06-15"',
		]);
	});

	it('names an activity outside the campaign in the same run as a misspelt stage and a missing summary', async () => {
		const both = stages(['know', 'learn', 'trust', 'try', 'buy', 'repeat', 'refer']);
		both[3]!.activities = [{ title: 'Beta starts early', date: '2026-06-15', status: 'done' }] as never[];
		const found = await problems(campaignSchema, campaign({ stages: both, summary: undefined }));
		expect(found).toHaveLength(3);
		expect(found).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^campaigns\/crm\.mdx stages\[1\]\.stage: expected one of /),
				expect.stringMatching(/^campaigns\/crm\.mdx summary: /),
				'campaigns/crm.mdx stages[3].activities[0].date: expected a date within the campaign, from 2026-07-01 to 2027-06-30; found "2026-06-15"',
			]),
		);
	});

	it('refuses an end before the start, and an activity that names two entries', async () => {
		const two = stages();
		two[0]!.activities = [{ title: 'Interviews', date: '2026-07-10', status: 'done', paper: 'a', caseStudy: 'b' }] as never[];
		expect(await problems(campaignSchema, campaign({ end: '2026-06-01', stages: two }))).toEqual(
			expect.arrayContaining([expect.stringMatching(/end: expected a date on or after start \(2026-07-01\)/)]),
		);
		expect((await problems(campaignSchema, campaign({ stages: two })))[0]).toMatch(
			/stages\[0\]\.activities\[0\]: expected at most one of paper or caseStudy/,
		);
	});

	it('refuses an activity status it does not know', async () => {
		const wrong = stages();
		wrong[0]!.activities = [{ title: 'Interviews', date: '2026-07-10', status: 'finished' }] as never[];
		expect((await problems(campaignSchema, campaign({ stages: wrong })))[0]).toMatch(
			/stages\[0\]\.activities\[0\]\.status: expected one of "planned", "done", "dropped"; found "finished"/,
		);
	});
});

describe('testimonial schema', () => {
	it('asks for the quote, who said it and when', async () => {
		expect(await problems(testimonialSchema, { quote: 'Great', segment: 'executives' })).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/quote: expected at least 20 characters; found "Great"/),
				expect.stringMatching(/name: expected text; found nothing/),
				expect.stringMatching(/date: /),
			]),
		);
	});
});
