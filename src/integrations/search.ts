import fs from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { SEARCH_WARM_UP_PATH, SEARCH_WORDS_PATH, searchWords, warmUpWord } from '../outputs/search-words';

/**
 * Indexes the built pages in `dir` with Pagefind and returns how many it read. Only elements marked
 * `data-pagefind-body` are indexed (see `SearchMeta.astro`); the index lands in `<dir>/pagefind/`,
 * which the site serves at `<base>pagefind/`. `npm run build` calls it once Astro has exited
 * (src/integrations/build-site.ts), before the site is published, so the site and its search index
 * are never out of step.
 */
export async function indexSearch(dir: string, language: string): Promise<number> {
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
		// Every page is a folder's `index.html` (`build.format: 'directory'`); the other HTML files are
		// the emails beside entries and the 404 page, none of them searchable, and Pagefind would read
		// every one of them (a third of the HTML) only to find nothing to index.
		const { page_count } = checked('addDirectory', await index.addDirectory({ path: dir, glob: '**/index.html' }));
		const output = path.join(dir, 'pagefind');
		checked('writeFiles', await index.writeFiles({ outputPath: output }));
		await Promise.all(UNUSED_BUNDLES.map((file) => fs.rm(path.join(output, file), { force: true })));
		const texts = await indexedTexts(path.join(output, 'fragment'));
		const words = searchWords(texts);
		await fs.writeFile(path.join(dir, SEARCH_WORDS_PATH), JSON.stringify(words));
		// Of the pages indexed: `page_count` counts every page Pagefind read.
		await fs.writeFile(path.join(dir, SEARCH_WARM_UP_PATH), JSON.stringify(warmUpWord(words, texts.length)));
		return page_count;
	} finally {
		await pagefind.close();
	}
}

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

/**
 * The text Pagefind stored for each indexed page. A fragment is gzipped JSON behind Pagefind's
 * signature (`pagefind_dcd`); its `content` is the page's searchable text.
 */
async function indexedTexts(folder: string): Promise<string[]> {
	const texts: string[] = [];
	// One at a time: a large hub has tens of thousands of fragments, more than a process may open at once.
	for (const file of await fs.readdir(folder)) {
		const text = gunzipSync(await fs.readFile(path.join(folder, file))).toString('utf8');
		const fragment = JSON.parse(text.slice(text.indexOf('{'))) as { content?: unknown; meta?: { title?: unknown } };
		texts.push([fragment.meta?.title, fragment.content].filter((part) => typeof part === 'string').join(' '));
	}
	return texts;
}

/** Pagefind reports problems in the response instead of throwing; a build must not ship a broken index. */
function checked<T extends { errors: string[] }>(step: string, response: T): Required<T> {
	if (response.errors.length > 0) {
		throw new Error(`Pagefind ${step} failed:\n${response.errors.map((error) => `  - ${error}`).join('\n')}`);
	}
	return response as Required<T>;
}
