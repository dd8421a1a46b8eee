/**
 * Every content problem the hub finds (schema, reference, duplicate, limit) is reported through
 * this one formatter, one line per problem, so writers learn one shape of error message. As in
 * ESLint's rules (`messageId` and `data`), a problem carries message ids and their data, not
 * sentences: the formatter says them in the hub's language, so the build, the linter and the
 * writer commands print the same words, and a German hub's line is German from end to end.
 */
import type { MessageKey } from './i18n/dictionaries';
import { writerLocale } from './i18n/hub-language';
import { createLocale, type Locale } from './i18n/locale';

/** A message of the dictionary and what fills its placeholders; said only when a problem is formatted. */
export interface Phrase {
	readonly messageId: MessageKey;
	readonly data?: Readonly<Record<string, Said>> | undefined;
}

/**
 * What a problem says: a phrase, or text that reads the same in every language (a quoted value, an
 * id, a path, a parser's own message). Numbers are formatted for the language (`count` picks the
 * plural form); a Date is a month, "February 2026". Days stay as writers write them, 2026-02-30.
 */
export type Said = Phrase | string | number | Date;

export const phrase = (messageId: MessageKey, data?: Readonly<Record<string, Said>>): Phrase => (data ? { messageId, data } : { messageId });

export interface Problem {
	/** Path of the offending file, relative to the project root. */
	file: string;
	/** Dotted path of the field, e.g. `segments[1]` or `items[2].paper`. */
	field?: string | undefined;
	/** What the hub expected there: it reads after "expected". */
	expected: Phrase;
	/** What it found instead. */
	found?: Said | undefined;
	/** Line in the file, when known. */
	line?: number | undefined;
	/** Column in the line, when known (from 1). */
	column?: number | undefined;
	/** What to do about it, when the check knows: "did you mean /papers/phishing-drill/?". */
	suggestion?: Phrase | undefined;
}

/** The checks' and the tests' reference language; English hubs read exactly this. */
export const ENGLISH: Locale = createLocale('en-GB');

/** A phrase (and the phrases in its data) in `locale`'s words. */
export function say(words: Said, locale: Locale): string {
	if (typeof words === 'string') return words;
	if (typeof words === 'number') return locale.number(words);
	if (words instanceof Date) return locale.monthYear(words);
	const data = Object.fromEntries(
		Object.entries(words.data ?? {}).map(([name, value]) => [name, typeof value === 'number' ? value : say(value, locale)]),
	);
	return locale.t(words.messageId, data);
}

/** `expected …; found … (suggestion)`: a problem without its place, as a command says it of a value it was given. */
export function expectedFound(problem: Pick<Problem, 'expected' | 'found' | 'suggestion'>, locale: Locale): string {
	const expected = locale.t('problem.expected', { expected: say(problem.expected, locale) });
	const found = problem.found === undefined ? '' : locale.t('problem.found', { found: say(problem.found, locale) });
	const suggestion = problem.suggestion ? ` (${say(problem.suggestion, locale)})` : '';
	return `${expected}${found}${suggestion}`;
}

/** `file:line:col field: expected …; found … (suggestion)`, in `locale`'s words. */
export function formatProblem(problem: Problem, locale: Locale): string {
	const where = problem.line ? `${problem.file}:${problem.line}${problem.column ? `:${problem.column}` : ''}` : problem.file;
	const field = problem.field ? ` ${problem.field}:` : '';
	return `${where}${field} ${expectedFound(problem, locale)}`;
}

/**
 * Thrown when content is invalid; its message lists every problem, not just the first, in the
 * language of the hub being built (`writerLocale`) unless the caller knows better.
 */
export class ContentProblems extends Error {
	readonly problems: readonly Problem[];

	constructor(problems: readonly Problem[], locale: Locale = writerLocale()) {
		const heading = locale.t('problem.heading', { count: problems.length });
		super(`${heading}\n${problems.map((p) => `  ${formatProblem(p, locale)}`).join('\n')}`);
		this.name = 'ContentProblems';
		this.problems = problems;
		// The message says where every problem is; a stack trace of the hub's code would only bury it.
		// Empty rather than the message: Astro prints a "Stack trace:" heading for any error with a
		// stack. Nothing lets one escape unprinted: Astro, the build script and every command
		// (runProgram in src/tools/cli.ts) print the message itself.
		this.stack = '';
	}
}

/** Throws `ContentProblems` when there is anything to report. */
export function assertNoProblems(problems: readonly Problem[], locale?: Locale): void {
	if (problems.length > 0) throw new ContentProblems(problems, locale);
}

/** Shows a found value the way the messages do: strings in quotes, lists as `["a","b"]`, nothing as "nothing". */
export function quote(value: unknown): Said {
	if (value === undefined) return phrase('problem.nothing');
	return JSON.stringify(value);
}

/** "an existing segment, one of: a, b, c" (or "… (none exist yet)") for messages that list the valid ids. */
export function oneOf(what: Phrase, ids: readonly string[]): Phrase {
	if (ids.length === 0) return phrase('problem.existingNone', { what });
	return phrase('problem.existing', { what, ids: [...ids].sort().join(', ') });
}
