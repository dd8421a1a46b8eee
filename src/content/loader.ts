/**
 * The hub's content loader: Astro's glob loader, with the hub's own reading of each file.
 *
 * - MDX bodies are rendered to HTML once, here, at content sync (`renderMdx`), and stored as the
 *   entry's `rendered` with the facts the hub derives from them (`rendered.metadata.facts`). Vite
 *   never bundles an entry, and pages, feeds and email all read the stored HTML.
 * - Each entry's digest covers its file and everything the HTML depends on (`RENDERER_INPUTS`:
 *   the content layer's source, the MDX engine's and plugins' versions, the site's base), so an
 *   unchanged entry is neither parsed nor rendered again, and a changed renderer re-renders all.
 * - YAML, MDX and schema problems are reported through the hub's one formatter, file:line:col,
 *   and pooled across collections so one build lists them all. A file with a problem is not
 *   stored, so the next sync reads it again.
 * - Under `npm run dev` the glob loader's watcher re-syncs an edited file, which re-renders it, and
 *   the collection is published to the preview as soon as it is stored (src/content/live-content.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { file as fileLoader, glob, type Loader, type LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { contentDir, displayPath, idFromFile } from './content-dir';
import { publishCollection, publishingWatcher } from './live-content';
import { collectionPattern, COLLECTIONS, TOPICS_FILE, type FileCollection } from './kinds';
import { locateSchemaProblems } from './locate';
import { assertNoProblems, ContentProblems, type Problem } from './problems';
import { renderMdx, type BodyFacts } from './render/render-mdx';
import { frontmatterText } from './source';
import { mdxProblem, readYaml } from './syntax';
import { parseMdx } from './mdx';
import { schemaProblems } from './zod-problems';

/** Packages whose output is in the stored HTML: a new version re-renders every entry. */
const RENDERER_PACKAGES = [
	'astro',
	'@mdx-js/mdx',
	'remark-gfm',
	'retext-smartypants',
	'rehype-slug',
	'@shikijs/rehype',
	'shiki',
	'hastscript',
	'hast-util-to-html',
];

/**
 * What every stored entry depends on besides its own file. The content layer's source is read
 * from disk (the loader runs bundled, so its modules cannot hash themselves); Astro clears the
 * store only when its config or version changes.
 */
function rendererInputs(root: string, base: string): string {
	const hash = createHash('sha256').update(`base ${base}\n`);
	for (const name of RENDERER_PACKAGES) {
		const manifest = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
		hash.update(`${name}@${manifest.version}\n`);
	}
	const layer = path.join(root, 'src/content');
	for (const file of fs.globSync('**/*.ts', { cwd: layer }).sort()) hash.update(file).update(fs.readFileSync(path.join(layer, file)));
	return hash.digest('hex');
}

/**
 * Problems from every collection of one sync. Astro runs the loaders side by side and stops at the
 * first that throws, so the last loader to finish throws them all.
 */
const sync = { running: 0, problems: [] as Problem[] };

async function pooled(load: (problems: Problem[]) => Promise<void>): Promise<void> {
	const problems = sync.problems;
	sync.running++;
	try {
		await load(problems);
	} finally {
		sync.running--;
	}
	if (sync.running > 0) return;
	sync.problems = [];
	assertNoProblems(problems);
}

/** Under `astro dev`: hands the collection, as the loader has stored it, to the preview (src/content/live-content.ts). */
const publisher = (collection: string, context: LoaderContext) => () => {
	if (context.watcher) publishCollection(collection, context.store);
};

/** The frontmatter of an MDX file as data, or the problems that stop it parsing. */
function frontmatter(source: string, file: string): { data: Record<string, unknown>; problems: Problem[] } {
	const front = frontmatterText(source);
	if (!front) return { data: {}, problems: [] };
	const { data, problems } = readYaml(front.yaml, file, source, front.start);
	return { data: typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, problems };
}

/** What the hub stores as an MDX entry's `rendered.metadata`. */
export interface RenderedMetadata {
	headings: BodyFacts['headings'];
	facts: BodyFacts;
}

interface EntryType {
	extensions: string[];
	getEntryInfo(params: { fileUrl: URL; contents: string }): { data: Record<string, unknown>; body: string; slug: string; rawData: string };
	getRenderFunction?(): Promise<(entry: { filePath?: string; body?: string }) => Promise<{ html: string; metadata: RenderedMetadata } | undefined>>;
}

/** A loader for one file-per-entry collection: `content/<name>/**`. */
export function hubCollection(name: FileCollection): Loader {
	const { schema, extensions } = COLLECTIONS[name];
	const folder = path.join(contentDir(), name);
	const inner = glob({
		pattern: collectionPattern(name),
		base: folder,
		generateId: ({ entry }) => idFromFile(entry),
		// Nothing reads an entry's source from the store, only its HTML and facts. Astro bundles the
		// whole store as one module: the sources made it 58 MB at 10,000 papers and the bundling peak ~2 GB.
		retainBody: false,
	});
	return {
		name: 'hourglass-loader',
		load: (context) =>
			pooled(async (problems) => {
				const publish = publisher(name, context);
				// A kind the hub does not use has no folder: the glob loader would warn on every build.
				if (!fs.existsSync(folder)) {
					context.store.clear();
					publish();
					return;
				}
				const root = fileURLToPath(context.config.root);
				const inputs = rendererInputs(root, context.config.base);
				const rendered: Parameters<typeof context.store.set>[0][] = [];
				/** Files with a problem: parsed as far as possible, never stored. */
				const failed = new Set<string>();
				let loading = true;
				const report = (absolute: string, found: Problem[]) => {
					failed.add(absolute);
					// A file edited under `astro dev` after the first load fails on its own, as Astro's error would.
					if (!loading) throw new ContentProblems(found);
					problems.push(...found);
				};
				/**
				 * Each read of a file is judged afresh: under `astro dev` an editor that saves by truncating
				 * and then writing can hand the watcher an empty file first, and a file that failed once must
				 * not stay out of the store after it is fixed.
				 */
				const forgive = (absolute: string) => failed.delete(absolute);

				const digest = (contents: string) => context.generateDigest(`${inputs}\n${contents}`);
				/**
				 * The glob loader reads every file's data before it compares digests, and then skips an
				 * entry whose digest is unchanged: its data is never used, so reading its YAML is not
				 * needed (the condition is the glob loader's own).
				 */
				const unchanged = (absolute: string, contents: string) => {
					const stored = context.store.get(idFromFile(absolute));
					return stored?.filePath !== undefined && stored.digest === digest(contents);
				};
				const skipped = { data: {}, body: '', rawData: '' };

				const mdx: EntryType = {
					extensions: ['.mdx'],
					getEntryInfo: ({ fileUrl, contents }) => {
						const absolute = fileURLToPath(fileUrl);
						forgive(absolute);
						if (unchanged(absolute, contents)) return { ...skipped, slug: idFromFile(absolute) };
						const { data, problems: found } = frontmatter(contents, displayPath(absolute));
						if (found.length > 0) report(absolute, found);
						return { data, body: contents, slug: idFromFile(absolute), rawData: '' };
					},
					getRenderFunction: () =>
						Promise.resolve(async ({ filePath, body }) => {
							if (!filePath || body === undefined || failed.has(filePath)) return undefined;
							const rendered = await renderMdx(body, { file: displayPath(filePath), path: filePath, base: context.config.base });
							if (!rendered.body) { report(filePath, rendered.problems); return; }
							return { html: rendered.body.html, metadata: { headings: rendered.body.facts.headings, facts: rendered.body.facts } };
						}),
				};
				const yaml: EntryType = {
					extensions: ['.yaml', '.yml'],
					getEntryInfo: ({ fileUrl, contents }) => {
						const absolute = fileURLToPath(fileUrl);
						forgive(absolute);
						if (unchanged(absolute, contents)) return { ...skipped, slug: idFromFile(absolute) };
						const { data, problems: found } = readYaml(contents, displayPath(absolute));
						if (found.length > 0) report(absolute, found);
						return { data: (data ?? {}) as Record<string, unknown>, body: '', slug: idFromFile(absolute), rawData: '' };
					},
				};

				const owns = (file: string) => file.startsWith(folder + path.sep) && extensions.some((extension) => file.endsWith(extension));
				await inner.load({
					...context,
					watcher: context.watcher && publishingWatcher(name, context.watcher, owns, publish),
					// The glob loader reads `entryTypes` from its context: the hub's replace Astro's (and @astrojs/mdx's).
					...{ entryTypes: new Map(extensions.map((extension) => [extension, extension === '.mdx' ? mdx : yaml])) },
					generateDigest: (data) => (typeof data === 'string' ? digest(data) : context.generateDigest(data)),
					parseData: async (props) => {
						if (props.filePath && failed.has(props.filePath)) return props.data;
						return validate(context, schema, props, report);
					},
					store: new Proxy(context.store, {
						get(store, property) {
							if (property === 'set') {
								return (entry: Parameters<typeof store.set>[0]) => {
									const absolute = entry.filePath ? path.resolve(root, entry.filePath) : undefined;
									if (absolute && failed.has(absolute)) return store.delete(entry.id), false;
									if (!loading) return store.set(entry);
									rendered.push(entry);
									return true;
								};
							}
							const value: unknown = Reflect.get(store, property);
							return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(store) : value;
						},
					}),
				});
				// Every store.set() restarts Astro's debounced save of the whole data store; a render that
				// pauses longer than the debounce (a busy machine) saves it again, so saves grew with the
				// square of the hub's size. The sync's entries go in at once, with one save after them.
				for (const entry of rendered) context.store.set(entry);
				loading = false;
				publish();
			}),
	};
}

/** Validates with the collection's schema; a failure becomes problems with the field's line. */
async function validate<T extends Record<string, unknown>>(
	context: LoaderContext,
	schema: z.ZodType,
	props: { id: string; data: T; filePath?: string },
	report: (absolute: string, problems: Problem[]) => void,
): Promise<T> {
	try {
		return await context.parseData(props);
	} catch (error) {
		const absolute = props.filePath ? path.resolve(fileURLToPath(context.config.root), props.filePath) : undefined;
		const file = absolute ? displayPath(absolute) : context.collection;
		const found = (await schemaProblems(file, schema, props.data)).problems;
		if (found.length === 0) throw error;
		// A file that holds several entries (topics.yaml) names the entry in the field.
		const several = absolute !== undefined && idFromFile(absolute) !== props.id;
		const located =
			several || !absolute
				? found.map((p) => ({ ...p, field: p.field ? `${props.id}.${p.field}` : props.id }))
				: locateSchemaProblems(found, absolute);
		// A body that does not parse is the first thing to fix, as the linter says: its fields are judged after.
		const syntax = absolute?.endsWith('.mdx') ? mdxSyntaxProblems(absolute, file) : [];
		report(absolute ?? file, syntax.length > 0 ? syntax : located);
		return props.data;
	}
}

function mdxSyntaxProblems(absolute: string, file: string): Problem[] {
	try {
		parseMdx(fs.readFileSync(absolute, 'utf8'));
		return [];
	} catch (error) {
		return [mdxProblem(error, file)];
	}
}

/** Topics live in one file, `topics.yaml`: a list of `{ id, name, description }`. */
export function topicsCollection(): Loader {
	const absolute = path.join(contentDir(), TOPICS_FILE);
	const inner = fileLoader(absolute, {
		parser: (text) => {
			const { data, problems: found } = readYaml(text, displayPath(absolute));
			if (found.length > 0) throw new ContentProblems(found);
			return data as Record<string, unknown>[];
		},
	});
	return {
		name: 'hourglass-topics-loader',
		load: (context) =>
			pooled(async (problems) => {
				const publish = publisher('topics', context);
				try {
					await inner.load({
						...context,
						watcher: context.watcher && publishingWatcher('topics', context.watcher, (file) => file === absolute, publish),
						parseData: (props) =>
							validate(context, COLLECTIONS.topics.schema, props, (_file, found) => {
								problems.push(...found);
							}),
					});
				} catch (error) {
					if (!(error instanceof ContentProblems)) throw error;
					problems.push(...error.problems);
				}
				publish();
			}),
	};
}
