/**
 * Business systems as the hub shows them: who depends on each and how long they can wait, the
 * order IT brings them back after a site-wide outage, and the writing that concerns them. Their
 * checks are in src/checks/systems.ts; tiers and durations in the content layer.
 */
import { tierOf, TIERS, type Tier } from '../content/tiers';
import type { SystemData } from '../content/schemas/system';
import { phrasePattern } from '../content/words';
import type { CaseStudyItem, Hub, PaperItem, SystemItem } from './hub';

/** Who depends on a system, in the hub's words. */
export interface Dependent {
	/** The segment id, when an audience of the hub depends on it. */
	segment?: string | undefined;
	/** The segment's name, or the department as written. */
	name: string;
	/** How long they can work without it (milliseconds). */
	wait: number;
	stops: string;
	costPerHour?: string | undefined;
}

export interface TierChange {
	date: Date;
	from: Tier;
	to: Tier;
	why: string;
	/** Its id on the system's page, from its date: `tier-2026-09-14`; a feed item links to it. */
	anchor: string;
}

/** When a system comes back after a site-wide outage, in milliseconds after it. */
export interface RestoreSlot {
	/** When IT starts on it: once everything it depends on, and every faster tier, is back. */
	start: number;
	/** When it is back: `start` plus how long its restore takes. */
	back: number;
	/** Whether that keeps its tier's promise. */
	onTime: boolean;
}

/** The shape a system's schedule is worked out from. */
export interface Schedulable {
	id: string;
	tier: Tier;
	takes: number;
	dependsOn: readonly string[];
}

/**
 * When each system comes back after everything stops at once. IT restores tier by tier: a system's
 * restore starts when every system of a faster tier and every system it depends on is back, and
 * takes its `restore.takes`. Systems outside `systems` (drafts) are not waited for.
 */
export function restoreSchedule(systems: readonly Schedulable[]): Map<string, RestoreSlot> {
	const byId = new Map(systems.map((system) => [system.id, system]));
	const slots = new Map<string, RestoreSlot>();
	const visiting = new Set<string>();
	const tierDone = (tier: Tier): number => Math.max(0, ...systems.filter((other) => other.tier < tier).map((other) => slotOf(other).back));
	function slotOf(system: Schedulable): RestoreSlot {
		const known = slots.get(system.id);
		if (known) return known;
		// The checks refuse cycles before the hub is built; this only keeps a bad input from hanging.
		if (visiting.has(system.id)) return { start: 0, back: 0, onTime: true };
		visiting.add(system.id);
		const needs = system.dependsOn.flatMap((id) => (byId.has(id) ? [slotOf(byId.get(id)!).back] : []));
		const start = Math.max(tierDone(system.tier), ...needs);
		const back = start + system.takes;
		const slot = { start, back, onTime: back <= TIERS[system.tier].within };
		slots.set(system.id, slot);
		visiting.delete(system.id);
		return slot;
	}
	for (const system of systems) slotOf(system);
	return slots;
}

/** Restore order: by when it is back, then tier, then name. */
export const restoreOrder = <S extends { tier: Tier; name: string; restore?: RestoreSlot | undefined }>(a: S, b: S): number =>
	(a.restore?.back ?? Infinity) - (b.restore?.back ?? Infinity) || a.tier - b.tier || a.name.localeCompare(b.name);

/** A system's dependents in the hub's words, who can wait least first. */
export function dependentsOf(data: Pick<SystemData, 'dependents'>, segmentName: (id: string) => string): Dependent[] {
	return data.dependents
		.map((dependent) => ({
			segment: dependent.segment?.id,
			name: dependent.segment ? segmentName(dependent.segment.id) : dependent.department!,
			wait: dependent.wait,
			stops: dependent.stops,
			costPerHour: dependent.costPerHour,
		}))
		.sort((a, b) => a.wait - b.wait || a.name.localeCompare(b.name));
}

/** The days a system's tier changed, oldest first, each with the tier it changed to. */
export function tierChanges(data: Pick<SystemData, 'restore' | 'dependents'>): TierChange[] {
	const changes = [...data.restore.changes].sort((a, b) => a.date.getTime() - b.date.getTime());
	return changes.map((change, index) => ({
		date: change.date,
		from: change.from,
		to: changes[index + 1]?.from ?? tierOf(data),
		why: change.why,
		anchor: `tier-${change.date.toISOString().slice(0, 10)}`,
	}));
}

const tagless = (html: string) => html.replace(/<[^>]*>/g, ' ');

/**
 * Listed papers and case studies that concern a system: those that name it in `systems`, and
 * those whose title, summary or text mention its business name. Newest first.
 */
export function writingAbout(hub: Pick<Hub, 'listed'>, system: Pick<SystemItem, 'id' | 'name'>): (PaperItem | CaseStudyItem)[] {
	const pattern = phrasePattern(system.name);
	return hub.listed.filter(
		(item): item is PaperItem | CaseStudyItem =>
			(item.kind === 'paper' || item.kind === 'case-study') &&
			(item.entry.data.systems.some((ref) => ref.id === system.id) ||
				pattern.test(`${item.title} ${item.summary} ${tagless(item.entry.rendered?.html ?? '')}`)),
	);
}
