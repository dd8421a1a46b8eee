import type { z } from 'astro/zod';
import type { Problem } from './problems';

/** A zod issue path as writers see fields: `items[2].paper`. */
export function fieldPath(pathParts: readonly PropertyKey[]): string {
	return pathParts.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

/** The value the writer wrote at a path, or `undefined` where there is none. */
function valueAt(input: unknown, pathParts: readonly PropertyKey[]): unknown {
	let value = input;
	for (const part of pathParts) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<PropertyKey, unknown>)[part];
	}
	return value;
}

/** Dates read from YAML are Date objects; show them as the writer typed them. */
const show = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : JSON.stringify(value));

/**
 * Turns a zod error into the hub's problems, one per issue, for the shared formatter. `input` is
 * what was parsed, so each problem can say what the writer actually wrote.
 */
export function zodProblems(file: string, error: z.ZodError, input?: unknown): Problem[] {
	return error.issues.map((issue) => {
		const value = valueAt(input, issue.path);
		return {
			file,
			field: fieldPath(issue.path) || undefined,
			expected: issue.message.replace(/^expected /i, ''),
			found: value === undefined ? 'nothing' : show(value),
		};
	});
}
