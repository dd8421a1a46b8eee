/**
 * The build's content checks, run by the linter without Astro: the collection schemas (the same
 * definitions `src/content.config.ts` uses), then `checkHub()`, the build's own cross-file check.
 * Problems come out in the shape of the hub's one formatter, located in the file for the report.
 */
import type { z } from 'astro/zod';
import { checkHub, hubWarnings, type CheckedEntry, type FoundFile } from '../../checks/check-hub.ts';
import { readInboxFiles } from '../../content/inbox.ts';
import { COLLECTIONS, kindOf, type CollectionName } from '../../content/kinds.ts';
import { phrase, type Problem } from '../../content/problems.ts';
import { settingsSchema } from '../../content/schemas/settings.ts';
import { offsetOf, parseFieldPath } from '../../content/source.ts';
import { schemaProblems } from '../../content/zod-problems.ts';
import type { HubContent, HubFile } from './entry.ts';

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
	/** Where it is in the file, when the check said (links and components in the body); else the field's place. */
	offset?: number | undefined;
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
				expected: phrase('problem.fields', { fields: [...known].sort().join(', ') }),
				found: phrase('problem.fieldIgnored'),
			},
		}));
}

const toPath = (field: string | undefined) => (field ? parseFieldPath(field) : []);

export interface SchemaResult {
	problems: LocatedProblem[];
	/** Validated data per file path, for the rules and the publication status. */
	valid: Map<string, Record<string, unknown>>;
	/** Problems in the record files the linter does not lint as writing (`content/inbox/`). */
	records: Problem[];
}

/** Checks every file of a hub as the build would, as of `now`. */
export async function checkSchemas(hub: HubContent, now: Date): Promise<SchemaResult> {
	const located: LocatedProblem[] = [];
	const valid = new Map<string, Record<string, unknown>>();
	const entries: (CheckedEntry & { collection: CollectionName })[] = [];
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

	const single = [
		...hub.entries,
		...hub.segments,
		...hub.authors,
		...hub.testimonials,
		...hub.systems,
		...hub.ballots,
		...(hub.settings ? [hub.settings] : []),
	];
	for (const file of single) {
		if (file.syntax.length > 0) continue;
		located.push(...unknownFields(file));
		const data = await validate(file, file.data ?? {});
		if (!data) continue;
		valid.set(file.path, data);
		if (file.collection !== 'settings') entries.push({ collection: file.collection as CollectionName, id: file.id, file: file.file, data });
	}
	const topics = hub.topics.file;
	if (topics?.syntax.length === 0) {
		const items: unknown[] = Array.isArray(topics.data) ? topics.data : [];
		for (const [index, item] of items.entries()) {
			const { id, ...rest } = (item ?? {}) as { id?: unknown };
			const data = await validate(topics, rest, [index]);
			if (data) entries.push({ collection: 'topics', id: String(id), file: topics.file, data });
		}
	}

	const byFile = new Map<string, HubFile>([...single, ...(topics ? [topics] : [])].map((file) => [file.file, file]));
	const bodies = new Map(hub.entries.map((entry) => [entry.file, entry.body]));
	const files: FoundFile[] = [
		...[...hub.entries, ...hub.segments, ...hub.authors, ...hub.testimonials, ...hub.systems, ...hub.ballots].map((file) => ({
			collection: file.collection as CollectionName,
			id: file.id,
			file: file.file,
		})),
		...(topics ? hub.topics.ids.map((id) => ({ collection: 'topics' as const, id, file: topics.file })) : []),
	];
	const checked = entries.map((entry) => ({
		...entry,
		kind: kindOf(entry.collection),
		body: bodies.get(entry.file),
	}));
	const settings = hub.settings && valid.get(hub.settings.path);
	const criticalLimit = typeof settings?.criticalLimit === 'number' ? settings.criticalLimit : 3;
	const inbox = readInboxFiles(hub.root);
	const records: Problem[] = [...inbox.problems];
	const across = [
		...checkHub({ files, entries: checked, criticalLimit, now, inbox: inbox.files }).map((problem) => ({
			problem,
			severity: 'error' as const,
		})),
		...hubWarnings({ entries: checked }).map((problem) => ({ problem, severity: 'warn' as const })),
	];
	for (const { problem, severity } of across) {
		const file = byFile.get(problem.file);
		if (!file) {
			records.push(problem);
			continue;
		}
		const offset = problem.line === undefined ? undefined : offsetOf(file.source, problem.line, problem.column ?? 1);
		located.push({ file, problem, path: toPath(problem.field), severity, offset });
	}
	return { problems: located, valid, records };
}
