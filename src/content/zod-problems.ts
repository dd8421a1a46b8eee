import type { z } from 'astro/zod';
import { DICTIONARIES, type MessageKey } from './i18n/dictionaries';
import { phrase, quote, type Phrase, type Problem, type Said } from './problems';

/** A zod issue path as writers see fields: `items[2].paper`. */
export function fieldPath(pathParts: readonly PropertyKey[]): string {
	return pathParts.reduce<string>(
		(out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
		'',
	);
}

/** Zod's type names as a writer would say them. */
const TYPE_NAMES: Partial<Record<string, MessageKey>> = {
	string: 'problem.type.string',
	number: 'problem.type.number',
	int: 'problem.type.int',
	boolean: 'problem.type.boolean',
	array: 'problem.type.array',
	object: 'problem.type.object',
	record: 'problem.type.object',
	date: 'problem.type.date',
};

/** Text that reads the same in every language, where a phrase is wanted: a value, a pattern. */
const verbatim = (text: Said): Phrase => phrase('problem.text', { text });

const count = (limit: number | bigint) => Number(limit);

function bound(origin: string, limit: number | bigint, least: boolean, inclusive = true): Phrase {
	if (origin === 'string') return phrase(least ? 'problem.atLeastCharacters' : 'problem.atMostCharacters', { count: count(limit) });
	if (origin === 'array' || origin === 'set') return phrase(least ? 'problem.atLeastItems' : 'problem.atMostItems', { count: count(limit) });
	if (inclusive) return phrase(least ? 'problem.atLeast' : 'problem.atMost', { limit: String(limit) });
	return phrase(least ? 'problem.moreThan' : 'problem.lessThan', { limit: String(limit) });
}

const isMessageKey = (message: string): message is MessageKey => message.startsWith('problem.') && message in DICTIONARIES.en;

/**
 * The words a schema sets on a check, as a message id of the dictionary, with `params` (a custom
 * issue's) as its data: `.min(1, says('problem.segments'))`. zod keeps the id as the issue's
 * message, and the formatter says it in the hub's language.
 */
export const says = (messageId: MessageKey): { message: string } => ({ message: messageId });

/**
 * What was expected, in a writer's words ("a list such as [a, b]", "at least 10 characters"):
 * the schema's own message id when it sets one, otherwise from the kind of issue.
 */
export function expectation(issue: z.core.$ZodIssue): Phrase {
	if (isMessageKey(issue.message)) return phrase(issue.message, (issue as { params?: Record<string, Said> }).params);
	switch (issue.code) {
		case 'invalid_type': {
			const name = TYPE_NAMES[issue.expected];
			return name ? phrase(name) : verbatim(issue.expected);
		}
		case 'too_small':
			return bound(issue.origin, issue.minimum, true, issue.inclusive);
		case 'too_big':
			return bound(issue.origin, issue.maximum, false, issue.inclusive);
		case 'invalid_format':
			return issue.format === 'regex' && issue.pattern ? phrase('problem.matching', { pattern: issue.pattern }) : phrase('problem.validFormat', { format: issue.format });
		case 'invalid_value':
			return issue.values.length === 1
				? verbatim(quote(issue.values[0]))
				: phrase('problem.oneOfValues', { values: issue.values.map((value) => JSON.stringify(value)).join(', ') });
		case 'unrecognized_keys':
			return phrase('problem.knownFields');
		default:
			return verbatim(issue.message.replace(/^expected /i, ''));
	}
}

const NOT_GIVEN = Symbol('not given');

/** The value at a path in the data as written (zod reports coerced values, e.g. an invalid Date). */
function valueAt(data: unknown, pathParts: readonly PropertyKey[]): unknown {
	return pathParts.reduce<unknown>(
		(value, part) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[part] : undefined),
		data,
	);
}

/** What was found where a problem is: the value, `nothing` for a missing field, or the unknown keys. */
function found(issue: z.core.$ZodIssue, data: unknown): Said | undefined {
	if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => JSON.stringify(key)).join(', ');
	const value = data === NOT_GIVEN ? ('input' in issue ? issue.input : NOT_GIVEN) : valueAt(data, issue.path);
	if (value === NOT_GIVEN) return issue.code === 'invalid_type' ? phrase('problem.nothing') : undefined;
	return quote(value instanceof Date ? value.toISOString().slice(0, 10) : value);
}

/**
 * Turns a zod error into the hub's problems, one per issue, for the shared formatter. Pass the
 * data that was validated to report values as the writer wrote them.
 */
export function zodProblems(file: string, error: z.ZodError, data: unknown = NOT_GIVEN): Problem[] {
	return error.issues.flatMap(closestBranch).map((issue) => ({
		file,
		field: fieldPath(issue.path) || undefined,
		expected: expectation(issue),
		found: found(issue, data),
	}));
}

/**
 * Validates data against a schema and reports every problem in the hub's words, with the value
 * found as written.
 */
export async function schemaProblems<Schema extends z.ZodType>(
	file: string,
	schema: Schema,
	data: unknown,
): Promise<{ data: z.output<Schema>; problems: [] } | { data: undefined; problems: Problem[] }> {
	const parsed = await schema.safeParseAsync(data);
	return parsed.success ? { data: parsed.data, problems: [] } : { data: undefined, problems: zodProblems(file, parsed.error, data) };
}

/** The message zod gives a union without a message of its own. */
const UNION_DEFAULT = 'Invalid input';

/**
 * "Invalid input" for a value that matches none of a union's forms says nothing. Unless the schema
 * words the union itself, report the form the value came closest to (the one whose problems lie
 * deepest), e.g. `rules.paper-length.severity` rather than `rules.paper-length`.
 */
function closestBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
	if (issue.code !== 'invalid_union' || issue.message !== UNION_DEFAULT || issue.errors.length === 0) return [issue];
	const depth = (branch: z.core.$ZodIssue[]) => Math.max(...branch.map((inner) => inner.path.length));
	// A missing value fails every form at once; a reference (an id, or Astro's resolved form) is written as text.
	const text = issue.errors.find((branch) => branch.every((inner) => inner.code === 'invalid_type' && inner.expected === 'string'));
	const shallow = issue.errors.every((branch) => depth(branch) === 0);
	if (shallow && text) return text.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
	const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) || (depth(b) === depth(a) && b.length < a.length) ? b : a));
	return best.flatMap((inner) => closestBranch({ ...inner, path: [...issue.path, ...inner.path] }));
}
