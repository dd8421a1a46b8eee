/**
 * The build's content checks, run by the linter without Astro: the collection schemas (the same
 * definitions `src/content.config.ts` uses), references, ids and issue numbers. Problems come out
 * in the shape of the hub's one formatter, located in the file for the linter's report.
 */
import type { z } from 'astro/zod';
import { COLLECTIONS } from '../../content/kinds.ts';
import { settingsSchema } from '../../content/schemas/settings.ts';
import { duplicateNumberProblems, idProblems } from '../../checks/integrity.ts';
import type { Problem } from '../../content/problems.ts';
import { visibility, type Visibility } from '../../content/publication.ts';
import { checkReferences, type EntryLike, type Reference } from '../../checks/references.ts';
import { schemaProblems } from '../../content/zod-problems.ts';
import { idsByCollection, type HubContent, type HubFile } from './entry.ts';
import { parseFieldPath } from '../../content/source.ts';

export const SCHEMAS: Record<string, z.ZodType> = {
	...Object.fromEntries(Object.entries(COLLECTIONS).map(([name, info]) => [name, info.schema])),
	settings: settingsSchema,
};

/** A problem and the file it belongs to, with the field as a path into that file's YAML. */
export interface LocatedProblem {
	file: HubFile;
	problem: Problem;
	/** Field path inside the file's YAML (for `topics.yaml`, starting with the item's index). */
	path: (string | number)[];
	/** Problems that do not fail the build are warnings. */
	severity: 'warn' | 'error';
}

/**
 * The schemas ignore fields they do not know, so a misspelt optional field ("expiers") silently
 * does nothing: the linter warns about it.
 */
function unknownFields(file: HubFile): LocatedProblem[] {
	const schema = SCHEMAS[file.collection];
	if (!schema || !('shape' in schema) || typeof file.data !== 'object' || file.data === null || Array.isArray(file.data)) return [];
	const known = Object.keys(schema.shape as object);
	return Object.keys(file.data)
		.filter((key) => !known.includes(key))
		.map((key) => ({
			file,
			path: [key],
			severity: 'warn' as const,
			problem: {
				file: file.file,
				field: key,
				expected: `one of the fields the hub reads: ${[...known].sort().join(', ')}`,
				found: 'a field it ignores',
			},
		}));
}

/** The publication status of validated data (newsletters are dated by `date`). */
export function statusOf(collection: string, data: Record<string, unknown>, now: Date): Visibility | undefined {
	const published = collection === 'newsletters' ? data.date : data.published;
	if (!(published instanceof Date)) return undefined;
	return visibility({ draft: data.draft === true, published, expires: data.expires instanceof Date ? data.expires : undefined }, now);
}

const toPath = (field: string | undefined) => (field ? parseFieldPath(field) : []);

export interface SchemaResult {
	problems: LocatedProblem[];
	/** Validated data per file path, for the rules and the publication status. */
	valid: Map<string, Record<string, unknown>>;
}

/** Checks every file of a hub as the build would, as of `now`. */
export async function checkSchemas(hub: HubContent, now: Date): Promise<SchemaResult> {
	const located: LocatedProblem[] = [];
	const valid = new Map<string, Record<string, unknown>>();
	const entries: EntryLike[] = [];
	const validate = async (file: HubFile, data: unknown, prefix: (string | number)[] = []) => {
		const result = await schemaProblems(file.file, SCHEMAS[file.collection]!, data);
		for (const problem of result.problems) {
			const path = [...prefix, ...toPath(problem.field)];
			located.push({
				file,
				path,
				severity: 'error',
				problem: {
					...problem,
					field: prefix.length ? `${prefix.map((p) => `[${p}]`).join('')}${problem.field ? `.${problem.field}` : ''}` : problem.field,
				},
			});
		}
		return result.data as Record<string, unknown> | undefined;
	};

	const single = [...hub.entries, ...hub.segments, ...hub.authors, ...(hub.settings ? [hub.settings] : [])];
	for (const file of single) {
		if (file.syntax.length > 0) continue;
		located.push(...unknownFields(file));
		const data = await validate(file, file.data ?? {});
		if (!data) continue;
		valid.set(file.path, data);
		if (file.collection !== 'settings') entries.push({ collection: file.collection, id: file.id, filePath: file.file, data });
	}
	const topics = hub.topics.file;
	if (topics?.syntax.length === 0) {
		const items: unknown[] = Array.isArray(topics.data) ? topics.data : [];
		for (const [index, item] of items.entries()) {
			const { id, ...rest } = (item ?? {}) as { id?: unknown };
			const data = await validate(topics, rest, [index]);
			if (data) entries.push({ collection: 'topics', id: String(id), filePath: topics.file, data });
		}
	}

	const status = new Map<string, Visibility | undefined>();
	const key = (ref: Reference) => `${ref.collection}/${ref.id}`;
	for (const entry of entries) status.set(key(entry), statusOf(entry.collection, entry.data as Record<string, unknown>, now));
	const isPublic = (ref: Reference) => {
		const s = status.get(key(ref));
		return s === undefined || s === 'live' || s === 'archived';
	};
	const ids = idsByCollection(hub);
	const byFile = new Map<string, HubFile>([...single, ...(topics ? [topics] : [])].map((file) => [file.file, file]));
	const locate = (problem: Problem): LocatedProblem => ({
		file: byFile.get(problem.file)!,
		problem,
		path: toPath(problem.field),
		severity: 'error',
	});
	located.push(...checkReferences(entries, { ids: (c) => ids.get(c) ?? [], isPublic }).map(locate));
	for (const kind of new Set(hub.entries.map((e) => e.collection))) {
		located.push(...idProblems(hub.entries.filter((e) => e.collection === kind)).map(locate));
	}
	located.push(...idProblems(hub.segments).map(locate), ...idProblems(hub.authors).map(locate));
	if (topics) located.push(...idProblems(hub.topics.ids.map((id) => ({ id, file: topics.file }))).map(locate));
	const issues = entries.filter((entry) => entry.collection === 'newsletters');
	located.push(
		...duplicateNumberProblems(
			issues.map((issue) => ({ number: Number(issue.data && (issue.data as { number: number }).number), file: issue.filePath! })),
		).map(locate),
	);
	return { problems: located, valid };
}
