import type { z } from 'astro/zod';
import type { Problem } from './problems';

/** A zod issue path as writers see fields: `items[2].paper`. */
export function fieldPath(pathParts: readonly PropertyKey[]): string {
	return pathParts.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

/** Turns a zod error into the hub's problems, one per issue, for the shared formatter. */
export function zodProblems(file: string, error: z.ZodError): Problem[] {
	return error.issues.map((issue) => {
		const found = 'input' in issue && issue.input !== undefined ? JSON.stringify(issue.input) : issue.code === 'invalid_type' ? 'nothing' : undefined;
		return { file, field: fieldPath(issue.path) || undefined, expected: issue.message.replace(/^expected /i, ''), found };
	});
}
