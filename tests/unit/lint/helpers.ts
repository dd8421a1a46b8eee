import path from 'node:path';
import { entryFromSource } from '../../../src/tools/lint/entry';
import type { WritingKind } from '../../../src/content/kinds';
import { RULES } from '../../../src/tools/lint/rules/index';
import type { LintMessage, RuleHub } from '../../../src/tools/lint/types';
import type { Visibility } from '../../../src/content/publication';

export interface RunOptions {
	kind?: WritingKind;
	options?: Record<string, unknown>;
	status?: Visibility;
	route?: string;
	/** The systems and audiences around the entry. Default: none. */
	hub?: Partial<RuleHub>;
}

/** Runs one rule over a source text and returns its findings with lines and columns. */
export function runRule(
	ruleId: string,
	source: string,
	run: RunOptions = {},
): (Pick<LintMessage, 'line' | 'column' | 'message'> & { suggestion?: string; end?: string; fix?: string })[] {
	const rule = RULES.find((r) => r.id === ruleId)!;
	const kind = run.kind ?? 'paper';
	const entry = entryFromSource(kind, source, path.resolve(`content/${kind}s/test-entry.${kind === 'metric' ? 'yaml' : 'mdx'}`));
	const found: ReturnType<typeof runRule> = [];
	// The runner only gives a rule the kinds it reads.
	if (!rule.kinds.includes(kind)) return found;
	rule.check({
		entry,
		route: run.route ?? 'papers/test-entry/',
		status: run.status ?? 'live',
		options: rule.options.parse(run.options ?? {}),
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
