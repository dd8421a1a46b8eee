import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { loadSettings } from '../content/settings';
import { SEARCH_WARM_UP_PATH, SEARCH_WORDS_PATH, searchWords, warmUpWord } from '../outputs/search-words';

/**
 * Indexes the built pages with Pagefind as part of `astro build`, so the site and its search
 * index can never be out of step. Only elements marked `data-pagefind-body` are indexed (see
 * `SearchMeta.astro`); the index lands in `<outDir>/pagefind/`, which the site serves at
 * `<base>pagefind/`. Register it before `atomicOutput()`: `dir` is still the staging folder then.
 */
export function search(): AstroIntegration {
	return {
		name: 'hourglass:search',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				try {
					// Pagefind splits its index by each page's `lang`, and the search page reads only its own
					// language's: an entry in another language (its own `lang`) must stay in the hub's index.
					const { index } = checked('createIndex', await pagefind.createIndex({ forceLanguage: loadSettings().language.toLowerCase() }));
					const { page_count } = checked('addDirectory', await index.addDirectory({ path: fileURLToPath(dir) }));
					const output = new URL('pagefind/', dir);
					checked('writeFiles', await index.writeFiles({ outputPath: fileURLToPath(output) }));
					await Promise.all(UNUSED_BUNDLES.map((file) => fs.rm(new URL(file, output), { force: true })));
					const texts = await indexedTexts(new URL('fragment/', output));
					const words = searchWords(texts);
					await fs.writeFile(new URL(SEARCH_WORDS_PATH, dir), JSON.stringify(words));
					// Of the pages indexed: `page_count` counts every page Pagefind read.
					await fs.writeFile(new URL(SEARCH_WARM_UP_PATH, dir), JSON.stringify(warmUpWord(words, texts.length)));
					logger.info(`read ${page_count} pages for the search index in ${Math.round(performance.now() - started)} ms`);
				} finally {
					await pagefind.close();
				}
			},
		},
	};
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
async function indexedTexts(folder: URL): Promise<string[]> {
	const texts: string[] = [];
	// One at a time: a large hub has tens of thousands of fragments, more than a process may open at once.
	for (const file of await fs.readdir(folder)) {
		const text = gunzipSync(await fs.readFile(new URL(file, folder))).toString('utf8');
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
