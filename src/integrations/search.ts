import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { loadSettings } from '../content/settings';

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

/** Pagefind reports problems in the response instead of throwing; a build must not ship a broken index. */
function checked<T extends { errors: string[] }>(step: string, response: T): Required<T> {
	if (response.errors.length > 0) {
		throw new Error(`Pagefind ${step} failed:\n${response.errors.map((error) => `  - ${error}`).join('\n')}`);
	}
	return response as Required<T>;
}
