/**
 * Lint settings: `lint.yaml` (rule severities and options) and `glossary.yaml` (house style). The
 * house files (`house/`, beside this file) apply to every hub; a hub's own files, in its content
 * folder, override rule settings and add glossary entries. The house style belongs to Hourglass,
 * not to the example hub, so a hub that replaces `content/` keeps it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { displayPath } from '../../content/content-dir.ts';
import { ContentProblems, phrase, type Problem } from '../../content/problems.ts';
import { createLocale, hubLanguage, hubLocale, writerLocale, type Locale } from '../../content/i18n/index.ts';
import { says, schemaProblems } from '../../content/zod-problems.ts';
import { RULES } from './rules/index.ts';
import { glossaryEntrySchema, type GlossaryEntry } from './rules/glossary.ts';
import type { Rule, Severity } from './types.ts';

/** The house `lint.yaml` and `glossary.yaml`, the defaults of every hub. */
export const HOUSE_DIR = path.resolve(import.meta.dirname, 'house');

const severitySchema = z.enum(['off', 'warn', 'error'], says('problem.lint.severity'));

/** `lint.yaml`: each rule set to a severity, or to an object of its options and an optional severity. */
const lintFileSchema = z.strictObject({
	rules: z
		.strictObject(
			Object.fromEntries(
				RULES.map((rule) => [
					rule.id,
					z.union([severitySchema, rule.options.partial().extend({ severity: severitySchema.optional() }).strict()]).optional(),
				]),
			),
		)
		.default({}),
});

const glossaryFileSchema = z.array(glossaryEntrySchema);

export interface RuleSetting {
	rule: Rule;
	severity: Severity;
	options: Record<string, unknown>;
}

export interface LintConfig {
	rules: RuleSetting[];
	/** The hub's language (hub.yaml) with its overrides: the rules' messages are said in it. */
	locale: Locale;
	/** The hub's language without overrides: content problems are said in it, in the build's words. */
	writer: Locale;
	glossary: GlossaryEntry[];
	/** The files the settings came from, for messages. */
	files: string[];
}

async function readYaml<Schema extends z.ZodType>(
	file: string,
	schema: Schema,
	/** What an empty file means. */
	empty: unknown,
	problems: Problem[],
): Promise<z.output<Schema> | undefined> {
	if (!fs.existsSync(file)) return undefined;
	const relative = displayPath(file);
	let data: unknown;
	try {
		data = parse(fs.readFileSync(file, 'utf8'));
	} catch (error) {
		problems.push({ file: relative, expected: phrase('problem.yaml'), found: (error as Error).message.split('\n')[0] });
		return undefined;
	}
	const result = await schemaProblems(relative, schema, data ?? empty);
	problems.push(...result.problems);
	return result.data;
}

/** Loads and validates the settings for the hub in `root`; problems name the file and field. */
export async function loadConfig(root: string): Promise<{ config: LintConfig; problems: Problem[] }> {
	const problems: Problem[] = [];
	const locale = localeOf(root, problems);
	// The house style (glossary, acronyms, reading ease) is English: a hub in another language
	// gets only what its own files set, e.g. a German glossary.yaml.
	const english = locale.dictionary === 'en';
	const own = path.resolve(root);
	const dirs = [...new Set([HOUSE_DIR, own])];
	const lintFiles = dirs.map((dir) => path.join(dir, 'lint.yaml'));
	const glossaryFiles = dirs.filter((dir) => english || dir === own).map((dir) => path.join(dir, 'glossary.yaml'));
	const settings = await Promise.all(lintFiles.map((file) => readYaml(file, lintFileSchema, {}, problems)));
	const glossaries = await Promise.all(glossaryFiles.map((file) => readYaml(file, glossaryFileSchema, [], problems)));
	const glossary = glossaries.flatMap((entries) => entries ?? []);

	const rules = RULES.map((rule): RuleSetting => {
		const foreign = rule.english && !english;
		let severity: Severity = foreign && !(rule.id === 'glossary' && glossary.length > 0) ? 'off' : rule.severity;
		let options: Record<string, unknown> = {};
		for (const [i, file] of settings.entries()) {
			if (foreign && dirs[i] !== own) continue;
			const raw = file?.rules[rule.id];
			if (raw === undefined) continue;
			if (typeof raw === 'string') severity = raw;
			else {
				const { severity: set, ...rest } = raw as { severity?: Severity };
				if (set) severity = set;
				options = { ...options, ...rest };
			}
		}
		if (rule.id === 'glossary') options.entries = glossary;
		return { rule, severity, options: rule.options.parse(options) };
	});
	return {
		config: {
			rules,
			glossary,
			locale,
			writer: writerLocale(root),
			files: [...lintFiles, ...glossaryFiles].filter((file) => fs.existsSync(file)),
		},
		problems,
	};
}

/** The hub's locale; problems in its override file are reported with the settings' and English stands in. */
function localeOf(root: string, problems: Problem[]): Locale {
	try {
		return hubLocale(root);
	} catch (error) {
		if (!(error instanceof ContentProblems)) throw error;
		problems.push(...error.problems);
		return createLocale(hubLanguage(root));
	}
}
