/**
 * Reads a hub's files the way the build sees them, keeping exact positions: MDX through the same
 * remark parser (`parseMdx`), frontmatter and YAML files through `yaml` documents.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { displayPath, idFromFile } from '../../content/content-dir.ts';
import { parseMdx } from '../../content/mdx.ts';
import type { Problem } from '../../content/problems.ts';
import { inspectMdx } from '../../content/render/render-mdx.ts';
import { mdxProblem, readYaml } from '../../content/syntax.ts';
import { COLLECTIONS, KINDS, TOPICS_FILE, WRITING_KINDS, type WritingKind } from '../../content/kinds.ts';
import { frontmatterStart, lineIndex, parseYamlSource, type Point, type YamlSource } from '../../content/source.ts';

/** One file of the hub, parsed. */
export interface HubFile {
	collection: string;
	/** The entry id (the file name without extension; for `topics.yaml`, each item's `id`). */
	id: string;
	/** Absolute path. */
	path: string;
	/** The path as messages print it (`displayPath()`). */
	file: string;
	source: string;
	/** Line and column of a file offset. */
	position: (offset: number) => Point;
	/** The frontmatter (MDX) or the whole file (YAML), with positions; undefined when the MDX has none. */
	yaml: YamlSource | undefined;
	/** The YAML as plain data, or undefined when it does not parse. */
	data: unknown;
	/** Syntax errors in the YAML or the MDX: nothing else can be checked until they are fixed. */
	syntax: Problem[];
}

export interface WritingEntry extends HubFile {
	kind: WritingKind;
	/** The MDX tree (frontmatter included), for MDX kinds that parse. */
	tree: Root | undefined;
	/** What the body cites and links to, and what in it the build cannot render (`inspectMdx`). */
	body: ReturnType<typeof inspectMdx> | undefined;
}

export interface HubContent {
	root: string;
	entries: WritingEntry[];
	segments: HubFile[];
	authors: HubFile[];
	testimonials: HubFile[];
	systems: HubFile[];
	ballots: HubFile[];
	/** `topics.yaml` holds every topic; `topics` lists its ids. */
	topics: { file: HubFile | undefined; ids: string[] };
	/** `hub.yaml`, the site settings. */
	settings: HubFile | undefined;
}

function yamlFile(collection: string, id: string, absolute: string, cwd: string, source = fs.readFileSync(absolute, 'utf8')): HubFile {
	const yaml = parseYamlSource(source, source, 0);
	const syntax = readYaml(source, displayPath(absolute, cwd)).problems;
	return {
		collection,
		id,
		path: absolute,
		file: displayPath(absolute, cwd),
		source,
		position: lineIndex(source),
		yaml,
		data: syntax.length > 0 ? undefined : yaml.document.toJS(),
		syntax,
	};
}

function mdxFile(kind: WritingKind, absolute: string, cwd: string, source: string): WritingEntry {
	const base = {
		kind,
		collection: KINDS[kind].collection,
		id: idFromFile(absolute),
		path: absolute,
		file: displayPath(absolute, cwd),
		source,
		position: lineIndex(source),
	};
	let tree: Root;
	try {
		tree = parseMdx(source);
	} catch (error) {
		return { ...base, tree: undefined, body: undefined, yaml: undefined, data: undefined, syntax: [mdxProblem(error, base.file)] };
	}
	const body = inspectMdx(tree, { file: base.file, path: absolute });
	const front = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
	const start = frontmatterStart(source);
	if (!front || start === undefined) return { ...base, tree, body, yaml: undefined, data: undefined, syntax: [] };
	const yaml = parseYamlSource(source, front.value, start);
	const syntax = readYaml(front.value, base.file, source, start).problems;
	return { ...base, tree, body, yaml, data: syntax.length > 0 ? undefined : yaml.document.toJS(), syntax };
}

function filesIn(dir: string, extensions: readonly string[]): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.globSync(
			extensions.map((extension) => `**/*${extension}`),
			{ cwd: dir },
		)
		.map((file) => path.join(dir, file))
		.sort();
}

/** An entry from its text; `absolute` names it (its id is the file name). */
export function entryFromSource(kind: WritingKind, source: string, absolute: string, cwd: string = process.cwd()): WritingEntry {
	if (KINDS[kind].body) return mdxFile(kind, absolute, cwd, source);
	return { ...yamlFile(KINDS[kind].collection, idFromFile(absolute), absolute, cwd, source), kind, tree: undefined, body: undefined };
}

export const readEntry = (kind: WritingKind, absolute: string, cwd: string = process.cwd()): WritingEntry =>
	entryFromSource(kind, fs.readFileSync(absolute, 'utf8'), absolute, cwd);

/** Every file of a hub's content folder, parsed but not yet checked. */
export function readHub(root: string, cwd: string = process.cwd()): HubContent {
	const entries = WRITING_KINDS.flatMap((kind) =>
		filesIn(path.join(root, KINDS[kind].collection), COLLECTIONS[KINDS[kind].collection].extensions).map((file) =>
			readEntry(kind, file, cwd),
		),
	);
	const support = (name: 'segments' | 'authors' | 'testimonials' | 'systems' | 'ballots') =>
		filesIn(path.join(root, name), COLLECTIONS[name].extensions).map((file) => yamlFile(name, idFromFile(file), file, cwd));
	const topicsPath = path.join(root, TOPICS_FILE);
	const topicsFile = fs.existsSync(topicsPath) ? yamlFile('topics', 'topics', topicsPath, cwd) : undefined;
	const topicIds = Array.isArray(topicsFile?.data) ? topicsFile.data.map((topic: { id?: unknown } | null) => String(topic?.id)) : [];
	const settingsPath = path.join(root, 'hub.yaml');
	return {
		root,
		entries,
		segments: support('segments'),
		authors: support('authors'),
		testimonials: support('testimonials'),
		systems: support('systems'),
		ballots: support('ballots'),
		topics: { file: topicsFile, ids: topicIds },
		settings: fs.existsSync(settingsPath) ? yamlFile('settings', 'hub', settingsPath, cwd) : undefined,
	};
}

/** A frontmatter field of an entry as plain data, when the YAML parsed. */
export function field(entry: HubFile, name: string): unknown {
	return typeof entry.data === 'object' && entry.data !== null ? (entry.data as Record<string, unknown>)[name] : undefined;
}
