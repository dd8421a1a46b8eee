/**
 * What the schema cannot see in one system alone: cycles in `dependsOn`, a set tier the waits
 * contradict, a technical name that is another system's business name, and (as advice) a system
 * brought back after one that cannot run without it.
 */
import { phrase, quote, type Problem } from '../content/problems';
import { shortestWait, tierContradiction, tierOf, type Tier } from '../content/tiers';

export interface CheckedSystem {
	id: string;
	file: string;
	data: {
		name: string;
		technical: string;
		restore: { tier?: Tier | undefined; changes: readonly { from: Tier; date: Date }[] };
		dependents: readonly { wait: number }[];
		dependsOn: readonly { id: string }[];
	};
}

const normal = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** Every cycle in `dependsOn`, once each, as the ids around it: `a → b → a`. */
function cycles(systems: readonly CheckedSystem[]): { system: CheckedSystem; index: number; path: string[] }[] {
	const byId = new Map(systems.map((system) => [system.id, system]));
	const found: { system: CheckedSystem; index: number; path: string[] }[] = [];
	const seen = new Set<string>();
	const done = new Set<string>();
	const walk = (system: CheckedSystem, trail: string[]) => {
		if (done.has(system.id)) return;
		seen.add(system.id);
		system.data.dependsOn.forEach((ref, index) => {
			const next = byId.get(ref.id);
			if (!next) return;
			const at = trail.indexOf(next.id);
			if (at >= 0 || next.id === system.id) {
				found.push({ system, index, path: [...trail.slice(at >= 0 ? at : trail.length), system.id, next.id] });
			} else if (!seen.has(next.id)) walk(next, [...trail, system.id]);
		});
		done.add(system.id);
	};
	for (const system of [...systems].sort((a, b) => a.id.localeCompare(b.id))) if (!seen.has(system.id)) walk(system, []);
	return found;
}

/** Errors: each fails the build and `npm run lint:content` in the same words. */
export function systemProblems(systems: readonly CheckedSystem[]): Problem[] {
	const businessNames = new Map(systems.map((system) => [normal(system.data.name), system]));
	return systems
		.flatMap((system): Problem[] => {
			const { file, data } = system;
			const problems: Problem[] = [];
			if (data.restore.tier !== undefined) {
				const contradiction = tierContradiction(data.restore.tier, shortestWait(data));
				if (contradiction) problems.push({ file, field: 'restore.tier', expected: contradiction, found: String(data.restore.tier) });
			}
			const owner = businessNames.get(normal(data.technical));
			if (owner && owner.id !== system.id) {
				problems.push({
					file,
					field: 'technical',
					expected: phrase('problem.system.technical', { file: owner.file, name: quote(owner.data.name) }),
					found: quote(data.technical),
				});
			}
			// Each change names the tier before it; the one after it is the next change's, or the current tier.
			const changes = data.restore.changes
				.map((change, index) => ({ change, index }))
				.sort((a, b) => a.change.date.getTime() - b.change.date.getTime());
			changes.forEach(({ change, index }, order) => {
				const to = changes[order + 1]?.change.from ?? tierOf(data);
				if (change.from === to) {
					problems.push({
						file,
						field: `restore.changes[${index}].from`,
						expected: phrase('problem.system.changeFrom', { tier: String(to) }),
						found: String(change.from),
					});
				}
			});
			return problems;
		})
		.concat(
			cycles(systems).map(({ system, index, path }) => ({
				file: system.file,
				field: `dependsOn[${index}]`,
				expected: phrase('problem.system.cycle'),
				found: phrase('problem.system.theCycle', { cycle: path.join(' → ') }),
			})),
		);
}

/** Advice, not errors: a system brought back after one that depends on it leaves that one waiting. */
export function systemWarnings(systems: readonly CheckedSystem[]): Problem[] {
	const byId = new Map(systems.map((system) => [system.id, system]));
	return systems.flatMap((system) =>
		system.data.dependsOn.flatMap((ref, index): Problem[] => {
			const needed = byId.get(ref.id);
			if (!needed) return [];
			const mine = tierOf(system.data);
			const theirs = tierOf(needed.data);
			if (theirs <= mine) return [];
			return [
				{
					file: system.file,
					field: `dependsOn[${index}]`,
					expected: phrase('problem.system.dependsOnTier', { tier: String(mine) }),
					found: phrase('problem.system.restoredIn', { system: quote(ref.id), tier: String(theirs) }),
				},
			];
		}),
	);
}
