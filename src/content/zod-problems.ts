import type { z } from 'astro/zod';
import { quote, type Problem } from './problems';

/** A zod issue path as writers see fields: `items[2].paper`. */
export function fieldPath(pathParts: readonly PropertyKey[]): string {
	return pathParts.reduce<string>(
		(out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
		'',
	);
}

/** Zod's type names as a writer would say them. */
const TYPE_NAMES: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list such as [a, b]',
	object: 'a group of fields',
	record: 'a group of fields',
	date: 'a date such as 2026-03-14',
};

const plural = (count: number | bigint, one: string) => `${count} ${one}${count === 1 || count === 1n ? '' : 's'}`;

function bound(origin: string, limit: number | bigint, least: boolean, inclusive = true): string {
	const side = least ? 'at least' : 'at most';
	if (origin === 'string') return `${side} ${plural(limit, 'character')}`;
	if (origin === 'array' || origin === 'set') return `${side} ${plural(limit, 'item')}`;
	if (inclusive) return `${side} ${limit}`;
	return `${least ? 'more' : 'less'} than ${limit}`;
}

/**
 * A zod error map that says what was expected in a writer's words ("a list such as [a, b]",
 * "at least 10 characters"). Messages a schema sets itself take precedence over it; write those
 * to read after "expected" too.
 */
export const expectation: z.core.$ZodErrorMap = (issue) => {
	switch (issue.code) {
		case 'invalid_type':
			return TYPE_NAMES[issue.expected] ?? issue.expected;
		case 'too_small':
			return bound(issue.origin, issue.minimum, true, issue.inclusive);
		case 'too_big':
			return bound(issue.origin, issue.maximum, false, issue.inclusive);
		case 'invalid_format':
			return issue.format === 'regex' && issue.pattern ? `text matching ${issue.pattern}` : `a valid ${issue.format}`;
		case 'invalid_value':
			return issue.values.length === 1 ? quote(issue.values[0]) : `one of ${issue.values.map((value) => quote(value)).join(', ')}`;
		case 'unrecognized_keys':
			return 'only the fields the hub knows (check the spelling)';
		default:
			return undefined;
	}
};

const NOT_GIVEN = Symbol('not given');

/** The value at a path in the data as written (zod reports coerced values, e.g. an invalid Date). */
function valueAt(data: unknown, pathParts: readonly PropertyKey[]): unknown {
	return pathParts.reduce<unknown>(
		(value, part) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[part] : undefined),
		data,
	);
}

/** What was found where a problem is: the value, `nothing` for a missing field, or the unknown keys. */
function found(issue: z.core.$ZodIssue, data: unknown): string | undefined {
	if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => quote(key)).join(', ');
	const value = data === NOT_GIVEN ? ('input' in issue ? issue.input : NOT_GIVEN) : valueAt(data, issue.path);
	if (value === NOT_GIVEN) return issue.code === 'invalid_type' ? 'nothing' : undefined;
	return value === undefined ? 'nothing' : quote(value instanceof Date ? value.toISOString().slice(0, 10) : value);
}

/**
 * Turns a zod error into the hub's problems, one per issue, for the shared formatter. Pass the
 * data that was validated to report values as the writer wrote them.
 */
export function zodProblems(file: string, error: z.ZodError, data: unknown = NOT_GIVEN): Problem[] {
	return error.issues.flatMap(closestBranch).map((issue) => ({
		file,
		field: fieldPath(issue.path) || undefined,
		expected: issue.message.replace(/^expected /i, ''),
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
	const parsed = await schema.safeParseAsync(data, { error: expectation });
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
