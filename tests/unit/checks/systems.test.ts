/**
 * The checks across systems: a set tier the waits contradict, a technical name that is another
 * system's business name, `dependsOn` cycles named in full, a tier change to the tier it came from,
 * and the advice for a system brought back after one that needs it.
 */
import { describe, expect, it } from 'vitest';
import { checkHub, hubWarnings } from '../../../src/checks/check-hub';
import { systemProblems, systemWarnings, type CheckedSystem } from '../../../src/checks/systems';
import { ENGLISH, formatProblem } from '../../../src/content/problems';
import type { Tier } from '../../../src/content/tiers';

const HOUR = 3_600_000;

function system(id: string, changes: Partial<CheckedSystem['data']> = {}): CheckedSystem {
	return {
		id,
		file: `content/systems/${id}.yaml`,
		data: {
			name: `The ${id}`,
			technical: `${id}-server`,
			restore: { changes: [] },
			dependents: [{ wait: 4 * HOUR }],
			dependsOn: [],
			...changes,
		},
	};
}
const on = (...ids: string[]) => ids.map((id) => ({ id }));
const said = (problems: ReturnType<typeof systemProblems>) => problems.map((problem) => formatProblem(problem, ENGLISH));

describe('systemProblems', () => {
	it('accepts a list whose tiers, names and dependencies agree', () => {
		expect(
			systemProblems([system('network', { restore: { tier: 1, changes: [] } }), system('email', { dependsOn: on('network') })]),
		).toEqual([]);
	});

	it('refuses a set tier slower than the shortest wait allows, but not a faster one', () => {
		const slow = system('payroll', { restore: { tier: 3, changes: [] }, dependents: [{ wait: 3 * 24 * HOUR }, { wait: 2 * HOUR }] });
		expect(said(systemProblems([slow]))).toEqual([
			'content/systems/payroll.yaml restore.tier: expected tier 1 or faster: a dependent can wait only 2 hours, and tier 3 brings it back within 1 day; found 3',
		]);
		expect(systemProblems([system('network', { restore: { tier: 1, changes: [] }, dependents: [{ wait: 72 * HOUR }] })])).toEqual([]);
	});

	it("refuses a technical name that is another system's business name, whatever its case and spacing", () => {
		expect(said(systemProblems([system('tills'), system('pos', { technical: ' the   TILLS ' })]))).toEqual([
			'content/systems/pos.yaml technical: expected a technical name other than another system\'s business name, which content/systems/tills.yaml has ("The tills"); found " the   TILLS "',
		]);
		expect(systemProblems([system('tills', { technical: 'The tills' })])).toEqual([]);
	});

	it('names every cycle in dependsOn once, all the way round', () => {
		const problems = said(
			systemProblems([
				system('a', { dependsOn: on('b') }),
				system('b', { dependsOn: on('c') }),
				system('c', { dependsOn: on('a') }),
				system('d', { dependsOn: on('d') }),
				system('e', { dependsOn: on('a') }),
			]),
		);
		expect(problems).toEqual([
			'content/systems/c.yaml dependsOn[0]: expected systems that do not depend on each other in a circle (one of them must come back first); found the cycle a → b → c → a',
			'content/systems/d.yaml dependsOn[0]: expected systems that do not depend on each other in a circle (one of them must come back first); found the cycle d → d',
		]);
	});

	it('refuses a tier change to the tier it came from, taking the changes in date order', () => {
		const changes = [
			{ date: new Date('2026-09-01'), from: 1 as Tier },
			{ date: new Date('2026-03-01'), from: 3 as Tier },
		];
		// March: 3 → 1 (the September change's from); September: 1 → 2 (the current tier, from a 4-hour wait).
		expect(systemProblems([system('crm', { restore: { changes } })])).toEqual([]);
		const same = [{ date: new Date('2026-03-01'), from: 2 as Tier }];
		expect(said(systemProblems([system('crm', { restore: { changes: same } })]))).toEqual([
			'content/systems/crm.yaml restore.changes[0].from: expected a tier other than 2, the one it changed to; found 2',
		]);
	});
});

describe('systemWarnings', () => {
	it('advises when a system comes back after one that cannot run without it', () => {
		const systems = [
			system('identity', { dependents: [{ wait: 24 * HOUR }] }),
			system('email', { dependsOn: on('identity'), dependents: [{ wait: 30 * 60_000 }] }),
		];
		expect(said(systemWarnings(systems))).toEqual([
			'content/systems/email.yaml dependsOn[0]: expected a system restored in tier 1 or sooner, since this one (tier 1) cannot run without it; found "identity", restored in tier 3',
		]);
		expect(systemWarnings([system('identity'), system('email', { dependsOn: on('identity') })])).toEqual([]);
	});

	it('is what the hub gives as advice, apart from its errors', () => {
		const entries = [
			system('identity', { dependents: [{ wait: 24 * HOUR }] }),
			system('email', { dependsOn: on('identity'), dependents: [{ wait: HOUR }] }),
		].map((s) => ({ ...s, collection: 'systems' as const, data: { ...s.data } }));
		expect(hubWarnings({ entries })).toHaveLength(1);
		const files = entries.map(({ collection, id, file }) => ({ collection, id, file }));
		expect(checkHub({ files, entries, criticalLimit: 3, now: new Date('2026-12-01') })).toEqual([]);
	});
});
