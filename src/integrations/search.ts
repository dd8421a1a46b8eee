import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import {
	countPage,
	SEARCH_WARM_UP_PATH,
	SEARCH_WORDS_PATH,
	sortedWords,
	warmUpWord,
	type SearchWords,
	type WordCounts,
} from '../outputs/search-words';
import { fragmentJson, type PageChanges, type PublishedFragments } from './published-index';

const run = promisify(execFile);

/**
 * What the search index published last holds, read while Astro builds the next site (see
 * `readPublished`): its `pagefind-entry.json`, and each page's fragment file by the page's URL.
 */
export interface PublishedIndex {
	/** The published site. */
	dir: string;
	entry: string;
	fragments: Map<string, string>;
}

/**
 * Reads the fragments of the search index published in `dir` (src/integrations/published-index.ts,
 * in a process of its own), for `indexSearch` to reuse; `undefined` when there is none or it does
 * not read. `npm run build` calls it while Astro builds.
 */
export async function readPublished(dir: string): Promise<PublishedIndex | undefined> {
	try {
		const published = (await inChild('fragments', dir)) as PublishedFragments | undefined;
		return published && { dir, entry: published.entry, fragments: new Map(published.fragments) };
	} catch {
		// Index as a cold build does.
		return undefined;
	}
}

/** How the pages of `next` differ from those of `last` (`comparePages` in published-index.ts, in a process of its own). */
async function comparePages(last: string, next: string): Promise<PageChanges> {
	return (await inChild('compare', last, next)) as PageChanges;
}

/** Runs src/integrations/published-index.ts with `args` and returns what it printed, parsed. */
async function inChild(...args: string[]): Promise<unknown> {
	const script = fileURLToPath(new URL('published-index.ts', import.meta.url));
	const { stdout } = await run(process.execPath, [script, ...args], { maxBuffer: 256 * 1024 * 1024 });
	return stdout ? JSON.parse(stdout) : undefined;
}

/**
 * Indexes the built pages in `dir` with Pagefind and returns how many it read, and how many of their
 * fragments came from the published index. Only elements marked `data-pagefind-body` are indexed
 * (see `SearchMeta.astro`); the index lands in `<dir>/pagefind/`, which the site serves at
 * `<base>pagefind/`. `npm run build` calls it once Astro has exited (src/integrations/build-site.ts),
 * before the site is published, so the site and its search index are never out of step.
 *
 * Pagefind cannot patch a written index (https://github.com/Pagefind/pagefind/issues/71): it reads
 * every page and builds the whole index again. Most of its time went on writing it: one gzipped
 * fragment per page, compressed one after another. It leaves a fragment file that already exists
 * alone (its name is a digest of its text), so `indexSearch` first links in, from the `published`
 * index, the fragment of every page whose bytes have not changed: Pagefind then writes only the
 * fragments of pages that changed. See `reuseFragments` for why the result is the cold build's,
 * byte for byte (`tests/build/route-cache.test.ts` checks it). When no page that changed (or came
 * or went) has anything to index, Pagefind does not run at all: see `unchangedIndex`.
 */
export async function indexSearch(dir: string, language: string, published?: PublishedIndex): Promise<IndexedSearch> {
	const output = path.join(dir, 'pagefind');
	const started = performance.now();
	// Not compared (the published site unreadable): Pagefind writes the whole index, as in a cold build.
	const changes = published && (await comparePages(published.dir, dir).catch(() => undefined));
	if (published && changes && (await unchangedIndex(published, changes, language))) {
		const read = performance.now();
		// All but the word list and the warm-up word, written next (into files of their own: a link would write into the published ones).
		const own = new Set([SEARCH_WORDS_PATH, SEARCH_WARM_UP_PATH].map((file) => path.join(dir, file)));
		await linkFolder(path.join(published.dir, 'pagefind'), output, (file) => !own.has(file));
		await writeSearchWords(dir, published, new Set(await fs.readdir(path.join(output, 'fragment'))));
		return {
			pages: changes.pages,
			reused: published.fragments.size,
			pagefind: false,
			readMs: read - started,
			writeMs: performance.now() - read,
		};
	}
	// Pagefind's binary allocates with jemalloc, which keeps freed pages for 10 s by default. Writing
	// the index starts one task per output file at once (`join_all` in pagefind/src/output/mod.rs), so
	// freed pages pile up: at 11,000 pages the step peaked at 2.0 GB. Handing them back at once, it
	// peaked at 1.6 GB, for 0.2 s more at 1,000 pages. After 1 s instead, it peaked anywhere from
	// 1.67 to 1.9 GB. `_RJEM_` is the prefix of the jemalloc Pagefind links.
	process.env._RJEM_MALLOC_CONF ??= 'dirty_decay_ms:0,muzzy_decay_ms:0';
	try {
		// Pagefind splits its index by each page's `lang`, and the search page reads only its own
		// language's: an entry in another language (its own `lang`) must stay in the hub's index.
		const { index } = checked('createIndex', await pagefind.createIndex({ forceLanguage: language.toLowerCase() }));
		const [{ page_count }, reused] = await Promise.all([
			// Every page is a folder's `index.html` (`build.format: 'directory'`); the other HTML files are
			// the emails beside entries and the 404 page, none of them searchable, and Pagefind would read
			// every one of them (a third of the HTML) only to find nothing to index.
			index.addDirectory({ path: dir, glob: '**/index.html' }).then((response) => checked('addDirectory', response)),
			published && changes ? reuseFragments(published, changes.unchanged, output) : new Set<string>(),
		]);
		const read = performance.now();
		checked('writeFiles', await index.writeFiles({ outputPath: output }));
		if (reused.size > 0 && !(await sameAsCold(published!, output, reused))) {
			await fs.rm(output, { recursive: true, force: true });
			reused.clear();
			checked('writeFiles', await index.writeFiles({ outputPath: output }));
		}
		await Promise.all(UNUSED_BUNDLES.map((file) => fs.rm(path.join(output, file), { force: true })));
		await writeSearchWords(dir, published, reused);
		return { pages: page_count, reused: reused.size, pagefind: true, readMs: read - started, writeMs: performance.now() - read };
	} finally {
		await pagefind.close();
	}
}

export interface IndexedSearch {
	/** Pages Pagefind read. */
	pages: number;
	/** Of their fragments, how many were the published ones. */
	reused: number;
	/** Whether Pagefind ran: not when the published index is the one it would write (`unchangedIndex`). */
	pagefind: boolean;
	/** Reading the pages; then writing the index, the word list and the warm-up word. */
	readMs: number;
	writeMs: number;
}

/**
 * The word list and the warm-up word, from the fragments in `<dir>/pagefind/`. Words are counted
 * per fragment file (one per indexed text), so a rebuild's list is the published one with every
 * fragment not `linked` from it counted out and every fragment written for this index counted in:
 * it reads only the fragments of pages that changed (reading all of them took 0.25 s at 1,000
 * papers). A fragment written again under a published name counts out and in again, so a short name
 * two texts share cannot keep the old text's words. A published list counted by other code
 * (`counted`: a digest of this file and src/outputs/search-words.ts) is counted afresh.
 */
async function writeSearchWords(dir: string, published?: PublishedIndex, linked: ReadonlySet<string> = new Set()): Promise<void> {
	const folder = path.join(dir, 'pagefind', 'fragment');
	const files = new Set(await fs.readdir(folder));
	const counted = await countingCode();
	// With nothing linked, counting every fragment in reads half as many as counting the published ones out.
	const last = published && linked.size > 0 ? await publishedCounts(published.dir, counted) : undefined;
	const counts: WordCounts = last?.counts ?? new Map<string, number>();
	// One at a time: a large hub has tens of thousands of fragments, more than a process may open at once.
	if (last) for (const file of last.files.difference(linked)) countPage(counts, await fragmentText(path.join(last.folder, file)), -1);
	for (const file of last ? files.difference(linked) : files) countPage(counts, await fragmentText(path.join(folder, file)), 1);
	const words: SearchWords = { ...sortedWords(counts), counted };
	await fs.writeFile(path.join(dir, SEARCH_WORDS_PATH), JSON.stringify(words));
	// Of the pages indexed: a page Pagefind read and found nothing to index in has no fragment.
	await fs.writeFile(path.join(dir, SEARCH_WARM_UP_PATH), JSON.stringify(warmUpWord(words, files.size)));
}

/** A digest of the code that turns fragments into word counts. */
async function countingCode(): Promise<string> {
	const hash = createHash('sha256');
	for (const file of [import.meta.url, new URL('../outputs/search-words.ts', import.meta.url)])
		hash.update(await fs.readFile(new URL(file)));
	return hash.digest('base64url');
}

/** The published word counts and fragment files, if the same code counted them. */
async function publishedCounts(
	site: string,
	counted: string,
): Promise<{ counts: WordCounts; files: Set<string>; folder: string } | undefined> {
	try {
		const words = JSON.parse(await fs.readFile(path.join(site, SEARCH_WORDS_PATH), 'utf8')) as SearchWords;
		if (words.counted !== counted) return undefined;
		const folder = path.join(site, 'pagefind', 'fragment');
		return { counts: new Map<string, number>(words.words), files: new Set(await fs.readdir(folder)), folder };
	} catch {
		return undefined;
	}
}

/**
 * Whether the published index is the one Pagefind would write for the new pages: every page that
 * changed, came or went has nothing marked for search (without `data-pagefind-body` Pagefind leaves
 * a page out, since other pages have it: `build_indexes` in pagefind/src/lib.rs), so Pagefind would
 * read the same pages with the same bytes, in the same order; and the published index was written
 * by this Pagefind, for this language.
 */
async function unchangedIndex(published: PublishedIndex, changes: PageChanges, language: string): Promise<boolean> {
	if (changes.searchable || published.fragments.size === 0) return false;
	const { version, languages } = JSON.parse(published.entry) as { version?: string; languages?: Record<string, unknown> };
	const installed = JSON.parse(await fs.readFile(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as {
		version: string;
	};
	return version === installed.version && Object.keys(languages ?? {}).join() === language.toLowerCase();
}

/**
 * Links the published fragment of every `unchanged` page into `output`, and returns the linked files.
 *
 * Pagefind makes a page's fragment from the page's bytes and URL alone (`PageFragmentData` in
 * pagefind/src/fragments/mod.rs: its URL, text, word count, filters, meta and anchors, not its
 * place in the index), gzips it at a fixed level and names it after the SHA-1 of its text: the
 * same page gives the same file, and Pagefind, finding that name in place, does not write it again
 * (`WriteBehavior::Immutable` in pagefind/src/output/mod.rs). Two cases could still give another
 * index than a cold build's, and `sameAsCold` checks both after writing: another Pagefind version
 * or language than the published index's, and two fragments whose digests share their first seven
 * digits (Pagefind then lengthens one name, which one depending on the order of pages). Fragments
 * published under a lengthened name are not reused.
 */
async function reuseFragments(published: PublishedIndex, unchanged: readonly string[], output: string): Promise<Set<string>> {
	const reused = new Set<string>();
	const folder = path.join(output, 'fragment');
	await fs.mkdir(folder, { recursive: true });
	for (const page of unchanged) {
		// The URL Pagefind gives a page: its path without `index.html` (pagefind/src/fossick/mod.rs, `build_url`).
		const file = published.fragments.get(`/${page.slice(0, -'index.html'.length)}`);
		if (!file) continue;
		await linkOrCopy(path.join(published.dir, 'pagefind', 'fragment', file), path.join(folder, file));
		reused.add(file);
	}
	return reused;
}

/** Links every file under `from` into `to` whose path there is `wanted`, as `linkOrCopy` does. */
async function linkFolder(from: string, to: string, wanted: (target: string) => boolean): Promise<void> {
	for (const entry of await fs.readdir(from, { withFileTypes: true, recursive: true })) {
		const target = path.join(to, path.relative(from, path.join(entry.parentPath, entry.name)));
		if (!entry.isFile() || !wanted(target)) continue;
		await fs.mkdir(path.dirname(target), { recursive: true });
		await linkOrCopy(path.join(entry.parentPath, entry.name), target);
	}
}

/** A hard link costs no copy; the published site is only ever replaced whole, never written into. */
async function linkOrCopy(from: string, to: string): Promise<void> {
	await fs.link(from, to).catch(() => fs.copyFile(from, to));
}

/**
 * Whether the index written over `reused` fragments is the one a cold build writes: the same
 * Pagefind version, language and word characters as the published index, as many fragments as
 * pages indexed, and no fragment name lengthened by Pagefind (see `reuseFragments`).
 */
async function sameAsCold(published: PublishedIndex, output: string, reused: ReadonlySet<string>): Promise<boolean> {
	const settings = (entry: string) => {
		const { languages, ...rest } = JSON.parse(entry) as { languages: Record<string, { wasm?: string }> };
		return JSON.stringify({ ...rest, languages: Object.entries(languages).map(([language, { wasm }]) => [language, wasm]) });
	};
	const entry = await fs.readFile(path.join(output, 'pagefind-entry.json'), 'utf8');
	if (settings(entry) !== settings(published.entry)) return false;
	const files = await fs.readdir(path.join(output, 'fragment'));
	// One fragment per page indexed: a linked fragment the new index does not name would be one more.
	const pages = Object.values((JSON.parse(entry) as { languages: Record<string, { page_count: number }> }).languages);
	if (files.length !== pages.reduce((sum, { page_count }) => sum + page_count, 0)) return false;
	return files.filter((file) => !reused.has(file)).every((file) => SHORT_NAME.test(file));
}

/** A fragment's name as Pagefind gives it unless two digests collide: `<language>_<7 hex digits>.pf_fragment`. */
const SHORT_NAME = /_[0-9a-f]{7}\.pf_fragment$/;

/**
 * Pagefind writes its ready-made search interfaces beside the index on every build (about 430 kB).
 * The search page drives `pagefind.js` itself (OR within a facet, which those interfaces cannot
 * do), so nothing loads them: leave them out of the site.
 */
const UNUSED_BUNDLES = [
	'pagefind-ui.js',
	'pagefind-ui.css',
	'pagefind-modular-ui.js',
	'pagefind-modular-ui.css',
	'pagefind-component-ui.js',
	'pagefind-component-ui.css',
	'pagefind-highlight.js',
];

/** A fragment's searchable text: its title and `content`. */
async function fragmentText(file: string): Promise<string> {
	const fragment = JSON.parse((await fragmentJson(file)).toString('utf8')) as { content?: unknown; meta?: { title?: unknown } };
	return [fragment.meta?.title, fragment.content].filter((part) => typeof part === 'string').join(' ');
}

/** Pagefind reports problems in the response instead of throwing; a build must not ship a broken index. */
function checked<T extends { errors: string[] }>(step: string, response: T): Required<T> {
	if (response.errors.length > 0) {
		throw new Error(`Pagefind ${step} failed:\n${response.errors.map((error) => `  - ${error}`).join('\n')}`);
	}
	return response as Required<T>;
}
