// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { stagedBuildOnly } from './src/integrations/build-site';
import { PAGE_CSP } from './src/integrations/csp';
import { previewMode } from './src/integrations/preview-mode';
import { siteStylesheet } from './src/integrations/site-stylesheet';
import { indexableSitemap } from './src/integrations/sitemap';

/**
 * Each content folder (`HOURGLASS_CONTENT`) is a hub of its own with its own content cache: two hubs
 * that share entry names must never see each other's stored HTML. The folder also makes the config
 * differ, which is what makes `astro dev` clear its store when the folder changes.
 */
function hubCacheDir() {
	const content = path.resolve(process.env.HOURGLASS_CONTENT ?? 'content');
	const hash = createHash('sha256').update(content).digest('hex').slice(0, 10);
	return `./node_modules/.astro/hubs/${path.basename(content)}-${hash}`;
}

// `--site` and `--base` on the command line override these, e.g. `npm run build -- --base /it/`.
export default defineConfig({
	site: process.env.HOURGLASS_SITE ?? 'https://intranet.example',
	cacheDir: process.env.HOURGLASS_CACHE_DIR ?? hubCacheDir(),
	trailingSlash: 'ignore',
	// Entries are rendered by the hub's own loader (src/content/loader.ts), which highlights code with
	// classes; Astro's inline-styled Shiki would be blocked by the CSP.
	markdown: { syntaxHighlight: false },
	vite: {
		server: {
			watch: {
				// Test and benchmark builds copy the project under these folders; the preview must not reload on them.
				ignored: ['**/tests/.tmp/**', '**/bench/.tmp/**', '**/dist/**', '**/dist.next/**'],
				// Saving truncates a file and then writes it. Chokidar drops a second change to a file
				// within 50 ms (its `_throttle`), so the preview read the empty file and never the saved
				// one. Reporting a change once the file's size has held for 50 ms reads what was saved.
				awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 },
			},
		},
	},
	experimental: {
		// Routes whose getStaticPaths() gives a `cacheKey` (every dynamic page and feed, src/hub/route-key.ts,
		// and the emails beside papers and case studies) are copied from the last build when the key and
		// their code are unchanged (`cacheDir/dist/`).
		incrementalBuild: true,
	},
	build: {
		format: 'directory',
		// Scoped styles of components used only inside MDX are otherwise inlined unhashed and blocked by the CSP.
		inlineStylesheets: 'never',
	},
	// Intranet security policies forbid inline scripts: Astro hashes what it emits into a CSP meta tag.
	// The same policy, as the header web servers send, is CSP_HEADER beside it (deploy/ carries it).
	security: { csp: PAGE_CSP },
	integrations: [
		// `npm run build` indexes search after Astro has exited, then publishes: a bare `astro build` would not.
		stagedBuildOnly(),
		previewMode(),
		// One stylesheet for the whole site, its name in every route key.
		siteStylesheet(),
		mdx(),
		// Leaves out pages marked noindex (archived entries).
		indexableSitemap(),
	],
});
