/**
 * The system schema through the hub's one formatter: what the person who keeps the list reads when a
 * wait does not parse, a dependent names both a segment and a department, or a tier is not 1 to 4.
 */
import { describe, expect, it } from 'vitest';
import { ENGLISH, formatProblem } from '../../../src/content/problems';
import { systemSchema } from '../../../src/content/schemas/system';
import { schemaProblems } from '../../../src/content/zod-problems';

const system = (changes: Record<string, unknown> = {}) => ({
	name: 'The web shop',
	does: 'Sells our kit online, day and night.',
	technical: 'Magento 2.4',
	owner: 'ada-lovelace',
	dependents: [{ segment: 'executives', wait: '1h', stops: 'Customers cannot order online.' }],
	published: '2026-11-02',
	...changes,
});

const problems = async (data: unknown) =>
	(await schemaProblems('systems/web-shop.yaml', systemSchema, data)).problems.map((problem) => formatProblem(problem, ENGLISH));

describe('system schema', () => {
	it('reads waits as durations and fills in the defaults', async () => {
		const result = await schemaProblems('systems/web-shop.yaml', systemSchema, system());
		expect(result.problems).toEqual([]);
		expect(result.data).toMatchObject({
			dependents: [{ wait: 3_600_000 }],
			restore: { takes: 3_600_000, changes: [] },
			metrics: [],
			dependsOn: [],
			incidents: [],
			draft: false,
		});
	});

	it('names a wait that does not parse, with what it expected and what it found', async () => {
		expect(
			await problems(system({ dependents: [{ segment: 'executives', wait: 'soon', stops: 'Customers cannot order online.' }] })),
		).toEqual([
			'systems/web-shop.yaml dependents[0].wait: expected a duration such as 15m, 4h, 1h30m or 2d (m minutes, h hours, d days, w weeks); found "soon"',
		]);
		expect(await problems(system({ dependents: [{ segment: 'executives', wait: 4, stops: 'Customers cannot order online.' }] }))).toEqual([
			'systems/web-shop.yaml dependents[0].wait: expected a duration such as 15m, 4h, 1h30m or 2d (m minutes, h hours, d days, w weeks); found 4',
		]);
	});

	it('wants a dependent to be a segment or a department, not both or neither', async () => {
		const both = { segment: 'executives', department: 'Warehouse', wait: '1h', stops: 'Customers cannot order online.' };
		const neither = { wait: '1h', stops: 'Customers cannot order online.' };
		expect(await problems(system({ dependents: [both, neither] }))).toEqual([
			expect.stringMatching(
				/^systems\/web-shop\.yaml dependents\[0\]\.segment: expected either a segment id .* or a department name .*, not both/,
			),
			expect.stringMatching(/^systems\/web-shop\.yaml dependents\[1\]\.segment: expected either a segment id/),
		]);
	});

	it('takes restore tiers 1 to 4 only, and tier changes with a date and a reason', async () => {
		expect(await problems(system({ restore: { tier: 5 } }))).toEqual([
			'systems/web-shop.yaml restore.tier: expected a restore tier, one of 1, 2, 3, 4 (1 comes back first); found 5',
		]);
		expect(await problems(system({ restore: { changes: [{ date: '2026-02-30', from: 2, why: 'Too short' }] } }))).toEqual([
			'systems/web-shop.yaml restore.changes[0].date: expected a day that exists (February 2026 has 28 days); found "2026-02-30"',
			'systems/web-shop.yaml restore.changes[0].why: expected why the tier changed, in business words (at least 10 characters); found "Too short"',
		]);
	});
});
