/**
 * Lines for problems found in data rather than text (schemas, references, the critical three), so
 * every message reads `file:line field: expected …; found …` and editors can jump to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from './problems';
import { fieldRange, frontmatterText, lineIndex, parseFieldPath, parseYamlSource, yamlNodeAt } from './source';

/**
 * The line of each problem's field in the file. A schema problem may name a field the writer left
 * out: it gets the line of the nearest field that is there. With `exact`, only a field that is in
 * the file gets a line (an entry's `id` is its file name).
 */
export function locateSchemaProblems(problems: readonly Problem[], absolute: string, exact = false): Problem[] {
	const source = fs.readFileSync(absolute, 'utf8');
	let yaml = parseYamlSource(source, source, 0);
	if (absolute.endsWith('.mdx')) {
		const front = frontmatterText(source);
		if (!front) return [...problems];
		yaml = parseYamlSource(source, front.yaml, front.start);
	}
	const position = lineIndex(source);
	return problems.map((problem) => {
		const fieldPath = problem.field ? parseFieldPath(problem.field) : [];
		if (exact && !yamlNodeAt(yaml, fieldPath).exact) return problem;
		const range = fieldRange(yaml, fieldPath);
		if (!range) return problem;
		const { line, column } = position(range[0]);
		return { ...problem, line, column };
	});
}

/**
 * Adds the line of each problem's field to problems found after loading. Files are read only when
 * there is something to report.
 */
export function locateProblems(problems: readonly Problem[]): Problem[] {
	return problems.map((problem) => {
		const absolute = path.resolve(problem.file);
		if (problem.line !== undefined || !problem.field || !fs.existsSync(absolute)) return problem;
		return locateSchemaProblems([problem], absolute, true)[0] ?? problem;
	});
}
