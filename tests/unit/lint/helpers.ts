import path from 'node:path';
import { loadConfig } from '../../../src/tools/lint/config';
import { entryFromSource } from '../../../src/tools/lint/entry';
import { lintHub } from '../../../src/tools/lint/runner';
import { copyFixture } from '../../helpers/build-hub';
import type { WritingKind } from '../../../src/content/kinds';
import { RULES } from '../../../src/tools/lint/rules/index';
import type { LintMessage, RuleHub } from '../../../src/tools/lint/types';
import type { Visibility } from '../../../src/content/publication';
import { createLocale } from '../../../src/content/i18n';

export interface RunOptions {
	kind?: WritingKind;
	options?: Record<string, unknown>;
	status?: Visibility;
	route?: string;
	/** The hub's language, for the messages. Default: en-GB. */
	language?: string;
	/** The systems and audiences around the entry. Default: none. */
	hub?: Partial<RuleHub>;
}

/**
 * Runs one rule over a source text, as the runner gives it an entry, and returns its findings with
 * lines and columns. Which kinds of entry a rule is given is the runner's business: a kind the rule
 * does not read throws here; test that through `lintFixture`.
 */
export function runRule(
	ruleId: string,
	source: string,
	run: RunOptions = {},
): (Pick<LintMessage, 'line' | 'column' | 'message'> & { suggestion?: string; end?: string; fix?: string })[] {
	const rule = RULES.find((r) => r.id === ruleId)!;
	const kind = run.kind ?? 'paper';
	if (!rule.kinds.includes(kind)) throw new Error(`The runner never gives ${ruleId} a ${kind}; use lintFixture to test that`);
	const entry = entryFromSource(kind, source, path.resolve(`content/${kind}s/test-entry.${kind === 'metric' ? 'yaml' : 'mdx'}`));
	const found: ReturnType<typeof runRule> = [];
	rule.check({
		entry,
		route: run.route ?? 'papers/test-entry/',
		status: run.status ?? 'live',
		options: rule.options.parse(run.options ?? {}),
		locale: createLocale(run.language ?? 'en-GB'),
		hub: { systems: [], segments: new Map(), ...run.hub },
		report: (report) => {
			const { line, column } = entry.position(report.start);
			const end = report.end === undefined ? undefined : entry.position(report.end);
			found.push({
				line,
				column,
				message: report.message,
				suggestion: report.suggestion,
				end: end && `${end.line}:${end.column}`,
				fix: report.fix && `${source.slice(...report.fix.range)} -> ${report.fix.text}`,
			});
		},
	});
	return found;
}

/** `words` words of plain prose. */
export const words = (count: number, word = 'shop') => Array.from({ length: count }, () => word).join(' ');

/** A paper with valid frontmatter and the given body. */
export const paper = (body: string, front = '') =>
	`---\ntitle: "Faster tills for every store"\nsummary: "Every store gets faster tills this spring."\nbusinessValue: "Queues shrink, so we keep customers who would walk out."\nsegments: [executives]\nauthor: ada-lovelace\npublished: 2026-03-02\n${front}---\n\n${body}\n`;

/**
 * Lints a copy of the basic fixture hub (after `edit`, if given) through the runner, as
 * `npm run lint:content` does, with the house settings of one rule and every other rule off: that
 * rule's messages for each file of the hub, by path inside the content folder.
 */
export async function lintFixture(ruleId: string, name: string, edit?: (content: string) => Promise<void>): Promise<Map<string, string[]>> {
	const content = await copyFixture('tests/fixtures/basic/content', name);
	await edit?.(content);
	const { config } = await loadConfig(content);
	const rules = config.rules.filter((setting) => setting.rule.id === ruleId);
	if (rules.length !== 1) throw new Error(`No rule ${ruleId} in the lint settings`);
	const reports = await lintHub(content, { ...config, rules }, new Date('2026-06-15'));
	return new Map(
		reports.map((report) => [
			path.relative(content, report.path),
			report.messages.filter((message) => message.ruleId === ruleId).map((message) => message.message),
		]),
	);
}
