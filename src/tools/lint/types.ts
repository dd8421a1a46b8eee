import type { z } from 'astro/zod';
import type { Visibility } from '../../content/publication.ts';
import type { WritingEntry } from './entry.ts';
import type { WritingKind } from '../../content/kinds.ts';
import type { Locale } from '../../content/i18n/index.ts';
import type { MessageKey } from '../../content/i18n/dictionaries.ts';

export type Severity = 'off' | 'warn' | 'error';

/** Replace the file's characters in `range` (offsets) by `text`. */
export interface Fix {
	range: [number, number];
	text: string;
}

/** One finding, positioned in the original file. */
export interface LintMessage {
	ruleId: string;
	severity: 'warn' | 'error';
	line: number;
	column: number;
	endLine?: number | undefined;
	endColumn?: number | undefined;
	message: string;
	/** What to write instead, when the rule knows. */
	suggestion?: string | undefined;
	/** A safe automatic fix, applied by `--fix`. */
	fix?: Fix | undefined;
}

/** What a rule reports: file offsets, turned into lines and columns by the runner. */
export interface Report {
	start: number;
	end?: number | undefined;
	message: string;
	suggestion?: string | undefined;
	fix?: Fix | undefined;
}

/** What a rule may know of the rest of the hub: its systems and audiences, as their files say. */
export interface RuleHub {
	/** Live systems whose files are valid. */
	systems: readonly { id: string; name: string; technical: string; segments: readonly string[] }[];
	/** Segments whose files are valid, by id. */
	segments: ReadonlyMap<string, { name: string; detail: 'headline' | 'summary' | 'detail' }>;
}

export interface RuleContext<Options> {
	entry: WritingEntry;
	/** The entry's page, relative to the site's base (e.g. `papers/cloud-files/`). */
	route: string;
	/** The entry's publication status (undefined when its frontmatter is broken). */
	status: Visibility | undefined;
	options: Options;
	/** The hub's language: messages are said in it. */
	locale: Locale;
	/** The hub around the entry. */
	hub: RuleHub;
	report: (report: Report) => void;
}

/**
 * A content rule: pure, given one entry and its options. Options are a zod object with defaults,
 * so `lint.yaml` is validated by the rule that reads it.
 */
export interface Rule<Schema extends z.ZodObject = z.ZodObject> {
	id: string;
	/** Severity when no `lint.yaml` sets one. */
	severity: 'warn' | 'error';
	/** One line for `--help`, in the hub's language (a message of the dictionary), and docs/writing.md. */
	description: MessageKey;
	/** Kinds of writing the rule reads. */
	kinds: readonly WritingKind[];
	/**
	 * A rule of English style (its defaults, word lists and formula are English): a hub in another
	 * language gets it only when its own lint.yaml turns it on, and never the house settings.
	 */
	english?: true;
	options: Schema;
	check: (context: RuleContext<z.output<Schema>>) => void;
}

/** Keeps a rule's option types tied to its schema. */
export const defineRule = <Schema extends z.ZodObject>(rule: Rule<Schema>): Rule<Schema> => rule;
