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
import { fieldRange, frontmatterStart, lineIndex, parseFieldPath, parseYamlSource, yamlNodeAt } from './lint/source';
import { parseMdx } from './mdx';
import { assertNoProblems, ContentProblems, type Problem } from './problems';
import { schemaProblems } from './zod-problems';

/**
 * The line of each problem's field in the file, so editors can jump to it. A schema problem may
 * name a field the writer left out: it gets the line of the nearest field that is there. With
 * `exact`, only a field that is in the file gets a line (an entry's `id` is its file name).
 */
export function withLines(problems: readonly Problem[], absolute: string, exact = false): Problem[] {
	const source = fs.readFileSync(absolute, 'utf8');
	let yaml = parseYamlSource(source, source, 0);
	if (absolute.endsWith('.mdx') || absolute.endsWith('.md')) {
		const front = parseMdx(source).children[0];
		const start = frontmatterStart(source);
		if (front?.type !== 'yaml' || start === undefined) return [...problems];
		yaml = parseYamlSource(source, front.value, start);
	}
	const position = lineIndex(source);
	return problems.map((problem) => {
		const fieldPath = problem.field ? parseFieldPath(problem.field) : [];
		if (exact && !yamlNodeAt(yaml, fieldPath).exact) return problem;
		const range = fieldRange(yaml, fieldPath);
		return range ? { ...problem, line: position(range[0]).line } : problem;
	});
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
				try {
					return await context.parseData(props);
				} catch (error) {
					const absolute = props.filePath ? path.resolve(fileURLToPath(context.config.root), props.filePath) : undefined;
					const file = absolute ? path.relative(process.cwd(), absolute) : context.collection;
					const found = (await schemaProblems(file, schema, props.data)).problems;
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
