/**
 * Every content problem the hub finds (schema, reference, duplicate, limit) is reported through
 * this one formatter, one line per problem, so writers learn one shape of error message.
 */
export interface Problem {
	/** Path of the offending file, relative to the project root. */
	file: string;
	/** Dotted path of the field, e.g. `segments[1]` or `items[2].paper`. */
	field?: string | undefined;
	/** What the hub expected there. */
	expected: string;
	/** What it found instead. */
	found?: string | undefined;
	/** Line in the file, when known. */
	line?: number | undefined;
	/** Column in the line, when known (from 1). */
	column?: number | undefined;
	/** What to do about it, when the check knows: "did you mean /papers/phishing-drill/?". */
	suggestion?: string | undefined;
}

export function formatProblem(problem: Problem): string {
	const where = problem.line ? `${problem.file}:${problem.line}${problem.column ? `:${problem.column}` : ''}` : problem.file;
	const field = problem.field ? ` ${problem.field}:` : '';
	const found = problem.found === undefined ? '' : `; found ${problem.found}`;
	const suggestion = problem.suggestion ? ` (${problem.suggestion})` : '';
	return `${where}${field} expected ${problem.expected}${found}${suggestion}`;
}

/** Thrown when content is invalid; its message lists every problem, not just the first. */
export class ContentProblems extends Error {
	readonly problems: readonly Problem[];

	constructor(problems: readonly Problem[]) {
		const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
		super(`Hourglass found ${count} in the content:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
		this.name = 'ContentProblems';
		this.problems = problems;
		// The message says where every problem is; a stack trace of the hub's code would only bury it.
		this.stack = this.message;
	}
}

/** Throws `ContentProblems` when there is anything to report. */
export function assertNoProblems(problems: readonly Problem[]): void {
	if (problems.length > 0) throw new ContentProblems(problems);
}

/** Shows a found value the way the messages do: strings in quotes, lists as `["a","b"]`. */
export function quote(value: unknown): string {
	if (value === undefined) return 'nothing';
	return JSON.stringify(value);
}

/** "one of: a, b, c" (or "none exist yet") for messages that list the valid ids. */
export function oneOf(what: string, ids: readonly string[]): string {
	if (ids.length === 0) return `an existing ${what} (none exist yet)`;
	return `an existing ${what}, one of: ${[...ids].sort().join(', ')}`;
}
