import { describe, expect, it } from 'vitest';
import { STAGE_IDS } from '../../../src/content/stages';
import { runRule } from './helpers';

type Activities = Partial<Record<(typeof STAGE_IDS)[number], string[]>>;

/** A campaign whose stages hold the given activities, written as flow maps, one per line. */
const campaign = (activities: Activities, metrics = '[{ metric: crm-adoption, baseline: 2026-07-01 }]') =>
	[
		'---',
		'title: "A customer system for sales"',
		'owner: ada-lovelace',
		'start: 2026-07-01',
		`metrics: ${metrics}`,
		'stages:',
		...STAGE_IDS.flatMap((stage) => [
			`  - stage: ${stage}`,
			'    goal: "What this stage must achieve."',
			'    activities:',
			...(activities[stage] ?? []).map((activity) => `      - ${activity}`),
		]),
		'---',
		'',
		'The story.',
		'',
	].join('\n');

const run = (source: string) => runRule('campaign-order', source, { kind: 'campaign', route: 'campaigns/test-entry/' });

describe('campaign-order', () => {
	it('passes a launch that comes after people know of it and trust it', () => {
		expect(
			run(
				campaign({
					know: ['{ title: Interviews, date: 2026-07-14, status: done }'],
					trust: ['{ title: Champions named, date: 2026-09-10, status: done }'],
					buy: ['{ title: Launch, date: 2027-02-01, status: planned }'],
				}),
			),
		).toEqual([]);
	});

	it('flags a launch dated before any Know or Trust activity is done, at its date', () => {
		const source = campaign({
			know: ['{ title: Interviews, date: 2026-09-14, status: done }'],
			trust: ['{ title: Champions named, date: 2026-10-10, status: planned }'],
			buy: ['{ title: Training, date: 2026-08-01, status: planned }', '{ title: Launch, date: 2026-10-01, status: planned }'],
		});
		const found = run(source);
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ message: 'This launch or training activity comes before any Know or Trust activity is done' });
		expect(source.split('\n')[found[0]!.line - 1]).toContain('Training');
	});

	it('flags a launch when nothing in Know or Trust is done at all, but not a dropped one', () => {
		const found = run(
			campaign({
				know: ['{ title: Interviews, date: 2026-07-14, status: planned }'],
				buy: ['{ title: Launch, date: 2027-02-01, status: planned }', '{ title: Old launch, date: 2026-08-01, status: dropped }'],
			}),
		);
		expect(found.map((f) => f.message)).toEqual(['This launch or training activity has no Know or Trust activity done before it']);
	});

	it('flags a Repeat stage with no metric to report', () => {
		const source = campaign({ know: ['{ title: Interviews, date: 2026-07-14, status: done }'] }, '[]');
		const found = run(source);
		expect(found.map((f) => f.message)).toEqual(['The Repeat stage reports the improvement, but the campaign names no metric to show it']);
		expect(source.split('\n')[found[0]!.line - 1]).toContain('stage: repeat');
	});
});
