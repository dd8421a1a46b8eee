import { z } from 'astro/zod';
import { says } from '../../../content/zod-problems.ts';
import { allSpans } from '../prose.ts';
import type { TextSpan } from '../../../content/source.ts';
import { defineRule, type Report } from '../types.ts';
import type { Locale } from '../../../content/i18n/index.ts';

/** One house-style entry: what IT says, and what to say to the business instead. */
export const glossaryEntrySchema = z
	.strictObject({
		/** Words or phrases to avoid, matched as whole words, any case. */
		terms: z.array(z.string().min(1)).min(1).optional(),
		/** A regular expression for shapes a word list cannot hold, e.g. "upgrade to version 9". */
		pattern: z
			.string()
			.refine((source) => {
				try {
					new RegExp(source, 'u');
					return true;
				} catch {
					return false;
				}
			}, says('problem.glossary.pattern'))
			.optional(),
		/** The business phrasing to use; with exactly one, `--fix` may replace the term with it. */
		use: z.array(z.string().min(1)).min(1),
		/** Why the term puts readers off; shown in the message. */
		why: z.string().optional(),
		/** Set `false` when the one replacement still needs a human to check the sentence. Default: `true`. */
		fix: z.boolean().default(true),
	})
	.refine((entry) => (entry.terms === undefined) !== (entry.pattern === undefined), says('problem.glossary.termsOrPattern'));

export type GlossaryEntry = z.output<typeof glossaryEntrySchema>;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/** A matcher for an entry: whole words only, so "user" does not match "superuser". */
export function matcher(entry: GlossaryEntry): RegExp {
	const body =
		entry.pattern ??
		`(?:${[...entry.terms!]
			.sort((a, b) => b.length - a.length)
			.map(escape)
			.join('|')})`;
	return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

/** Keeps the capital of a sentence's first word: "Leverage" becomes "Use". */
const matchCase = (found: string, replacement: string) =>
	/^\p{Lu}/u.test(found) && !/^\p{Lu}{2}/u.test(found) ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;

export function glossaryReports(
	spans: readonly TextSpan[],
	entries: readonly GlossaryEntry[],
	allow: readonly string[],
	source: string,
	locale: Locale,
): Report[] {
	const list = (words: readonly string[]) =>
		locale.list(
			words.map((word) => locale.t('lint.quoted', { text: word })),
			'or',
		);
	const allowed = new Set(allow.map((term) => term.toLowerCase()));
	const reports: Report[] = [];
	for (const entry of entries) {
		const regexp = matcher(entry);
		for (const span of spans) {
			for (const match of span.text.matchAll(regexp)) {
				const found = match[0];
				if (allowed.has(found.toLowerCase())) continue;
				const start = span.offsets[match.index]!;
				const end = span.offsets[match.index + found.length - 1]! + 1;
				// Only replace text the file holds exactly as matched (no markup or escapes inside).
				const safe = entry.fix && entry.use.length === 1 && entry.terms !== undefined && source.slice(start, end) === found;
				reports.push({
					start,
					end,
					message: locale.t('lint.glossary', { term: found, why: entry.why ?? locale.t('lint.glossary.why') }),
					suggestion: locale.t('lint.glossary.fix', { words: list(entry.use) }),
					fix: safe ? { range: [start, end], text: matchCase(found, entry.use[0]!) } : undefined,
				});
			}
		}
	}
	return reports.sort((a, b) => a.start - b.start);
}

/** House style: business words instead of IT jargon and vanity metrics, from the house `glossary.yaml` (`src/tools/lint/house/`) and the hub's own. */
export const glossary = defineRule({
	id: 'glossary',
	severity: 'warn',
	description: 'lint.rule.glossary',
	kinds: ['paper', 'case-study', 'metric', 'newsletter', 'campaign'],
	options: z.object({
		/** Terms this hub accepts although the glossary lists them. */
		allow: z.array(z.string()).default([]),
		/** The glossary, filled from `glossary.yaml` by the config loader. */
		entries: z.array(glossaryEntrySchema).default([]),
	}),
	english: true,
	check({ entry, options, locale, report }) {
		for (const found of glossaryReports(allSpans(entry), options.entries, options.allow, entry.source, locale)) report(found);
	},
});
