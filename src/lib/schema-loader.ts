/**
 * Astro reports a schema failure in its own shape, for the first broken entry only. Wrapping a
 * collection's loader catches the failure where Astro raises it and reports every broken entry of
 * the collection through the hub's one formatter instead: file:line, field, expected, found.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { idFromFile } from './integrity';
import { isScalar } from 'yaml';
import { impossibleDay } from '../schemas/common';
import { fieldRange, frontmatterStart, lineIndex, parseFieldPath, parseYamlSource, yamlNodeAt, type YamlSource } from './lint/source';
import { parseMdx } from './mdx';
import { assertNoProblems, ContentProblems, type Problem } from './problems';
import { schemaProblems } from './zod-problems';

/**
 * The line of each problem's field in the file, so editors can jump to it. A schema problem may
 * name a field the writer left out: it gets the line of the nearest field that is there. With
 * `exact`, only a field that is in the file gets a line (an entry's `id` is its file name).
 */
function withLines(problems: readonly Problem[], absolute: string, exact = false): Problem[] {
	const source = fs.readFileSync(absolute, 'utf8');
	const yaml = yamlOf(source, absolute);
	if (!yaml) return [...problems];
	const position = lineIndex(source);
	return problems.map((problem) => {
		const fieldPath = problem.field ? parseFieldPath(problem.field) : [];
		if (exact && !yamlNodeAt(yaml, fieldPath).exact) return problem;
		const range = fieldRange(yaml, fieldPath);
		return range ? { ...problem, line: position(range[0]).line } : problem;
	});
}

/** The YAML of a file as written, with positions: all of a YAML file, the frontmatter of an MDX one. */
function yamlOf(source: string, absolute: string): YamlSource | undefined {
	if (!absolute.endsWith('.mdx') && !absolute.endsWith('.md')) return parseYamlSource(source, source, 0);
	const front = parseMdx(source).children[0];
	const start = frontmatterStart(source);
	return front?.type === 'yaml' && start !== undefined ? parseYamlSource(source, front.value, start) : undefined;
}

/**
 * Astro's YAML parser turns a day the calendar lacks (`2026-02-30`) into a real one (2 March)
 * before any schema sees it. In a file that holds such a day, the dates the parser made are given
 * back as written, so the schemas refuse them as they do for the linter. Files without one are
 * left as parsed: reading their YAML again would slow every build.
 */
function datesAsWritten(data: unknown, absolute: string): unknown {
	const source = fs.readFileSync(absolute, 'utf8');
	if (!(source.match(/\d{4}-\d{2}-\d{2}/g) ?? []).some((written) => impossibleDay(written))) return data;
	const yaml = yamlOf(source, absolute);
	if (!yaml) return data;
	const restore = (value: unknown, at: (string | number)[]): unknown => {
		if (value instanceof Date) {
			const node = yaml.document.getIn(at, true);
			return isScalar(node) && typeof node.value === 'string' ? node.value : value;
		}
		if (Array.isArray(value)) return value.map((item, index) => restore(item, [...at, index]));
		if (typeof value === 'object' && value !== null)
			return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, restore(item, [...at, key])]));
		return value;
	};
	return restore(data, []);
}

/**
 * Adds the line of each problem's field to problems found after loading (references, ids, the
 * critical three), so they read like schema problems: `file:line field: expected …; found …`.
 * Files are read only when there is something to report.
 */
export function locateProblems(problems: readonly Problem[]): Problem[] {
	return problems.map((problem) => {
		const absolute = path.resolve(problem.file);
		if (problem.line !== undefined || !problem.field || !fs.existsSync(absolute)) return problem;
		return withLines([problem], absolute, true)[0] ?? problem;
	});
}

/**
 * Astro runs the collections' loaders side by side and stops at the first that throws. Problems
 * are pooled here and thrown by the last loader to finish, so one build lists them all.
 */
const sync = { running: 0, problems: [] as Problem[] };

export function reportSchemaProblems(loader: Loader, schema: z.ZodType): Loader {
	return {
		...loader,
		load: async (context: LoaderContext) => {
			const problems = sync.problems;
			sync.running++;
			try {
				await load(context, problems);
			} finally {
				sync.running--;
			}
			if (sync.running > 0) return;
			sync.problems = [];
			assertNoProblems(problems);
		},
	};

	async function load(context: LoaderContext, problems: Problem[]) {
		let loading = true;
		await loader.load({
			...context,
			parseData: async (props) => {
				const absolute = props.filePath ? path.resolve(fileURLToPath(context.config.root), props.filePath) : undefined;
				const data = absolute ? datesAsWritten(props.data, absolute) : props.data;
				try {
					return await context.parseData({ ...props, data: data as typeof props.data });
				} catch (error) {
					const file = absolute ? path.relative(process.cwd(), absolute) : context.collection;
					const found = (await schemaProblems(file, schema, data)).problems;
					if (found.length === 0) throw error;
					// A file that holds several entries (topics.yaml) names the entry in the field.
					const several = absolute !== undefined && idFromFile(absolute) !== props.id;
					const located =
						several || !absolute
							? found.map((p) => ({ ...p, field: p.field ? `${props.id}.${p.field}` : props.id }))
							: withLines(found, absolute);
					// A file edited under `astro dev` after the first load fails on its own, as Astro's error would.
					if (!loading) throw new ContentProblems(located);
					// Keep loading, so one report lists every broken entry.
					problems.push(...located);
					return props.data;
				}
			},
		});
		loading = false;
	}
}
