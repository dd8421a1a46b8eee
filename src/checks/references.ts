import { mayNameScheduled, noun } from '../content/kinds';
import { locateProblems } from '../content/locate';
import { ContentProblems, oneOf, phrase, quote, type Problem } from '../content/problems';

/** The shape Astro's `reference()` gives a resolved field. */
export interface Reference {
	collection: string;
	id: string;
}

export interface EntryLike {
	collection: string;
	id: string;
	filePath?: string | undefined;
	data: unknown;
}

export interface FoundReference extends Reference {
	field: string;
}

const isReference = (value: unknown): value is Reference =>
	typeof value === 'object' &&
	value !== null &&
	Object.keys(value).length === 2 &&
	typeof (value as Reference).collection === 'string' &&
	typeof (value as Reference).id === 'string';

/** Every `reference()` value inside an entry's data, with the dotted field path that holds it. */
export function findReferences(data: unknown, field = ''): FoundReference[] {
	if (isReference(data)) return [{ ...data, field }];
	if (Array.isArray(data)) return data.flatMap((item, index) => findReferences(item, `${field}[${index}]`));
	if (typeof data === 'object' && data !== null && !(data instanceof Date)) {
		return Object.entries(data).flatMap(([key, value]) => findReferences(value, field ? `${field}.${key}` : key));
	}
	return [];
}

export interface ReferenceCheck {
	/** Ids that exist, per collection. */
	ids: (collection: string) => readonly string[];
	/** Whether `entry` is itself published (its references must then be published too). */
	isPublic: (entry: Reference) => boolean;
	/** Whether `entry` is dated after this build and not a draft: it goes live on its own. */
	isScheduled?: (entry: Reference) => boolean;
}

/**
 * Astro 7 only logs an unknown reference and lets the page crash later; the hub instead reports
 * every unknown or unpublished target, naming the file, the field and the ids that do exist.
 */
export function checkReferences(entries: readonly EntryLike[], check: ReferenceCheck): Problem[] {
	const problems: Problem[] = [];
	for (const entry of entries) {
		const file = entry.filePath ?? `${entry.collection}/${entry.id}`;
		for (const ref of findReferences(entry.data)) {
			const known = check.ids(ref.collection);
			if (!known.includes(ref.id)) {
				problems.push({ file, field: ref.field, expected: oneOf(noun(ref.collection), known), found: quote(ref.id) });
			} else if (
				check.isPublic(entry) &&
				!check.isPublic(ref) &&
				!(mayNameScheduled(entry.collection, ref.field) && check.isScheduled?.(ref))
			) {
				problems.push({
					file,
					field: ref.field,
					expected: phrase('problem.published', { what: noun(ref.collection) }),
					found: phrase('problem.unpublished', { id: quote(ref.id) }),
				});
			}
		}
	}
	return problems;
}

/**
 * A checked reference whose target is not among the loaded entries. `checkHub()` counts every file
 * that exists as a target, readable or not, so that a broken file is reported once, on its own; a
 * build stops on that file before anything is rendered, but the preview goes on when a file breaks
 * after it loaded (an MDX body that no longer parses leaves Astro's store), and the pages that
 * refer to it say so in the one formatter's words rather than failing on a missing entry.
 */
export const unreadProblem = (where: { file: string; field: string }, ref: Reference): Problem => ({
	...where,
	expected: phrase('problem.unreadable', { what: noun(ref.collection) }),
	found: quote(ref.id),
});

/** The entry a checked reference names, or `ContentProblems` with `unreadProblem()` where the preview could not read it. */
export function referenced<T>(found: T | undefined, where: { file: string; field: string }, ref: Reference): T {
	if (found === undefined) throw new ContentProblems(locateProblems([unreadProblem(where, ref)]));
	return found;
}
