// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { atomicOutput } from './src/integrations/atomic-output';
import { previewMode } from './src/integrations/preview-mode';
import { search } from './src/integrations/search';
import { indexableSitemap } from './src/integrations/sitemap';

// `--site` and `--base` on the command line override these, e.g. `astro build --base /it/`.
export default defineConfig({
	site: process.env.HOURGLASS_SITE ?? 'https://intranet.example',
	// Tests and the benchmark build several hubs side by side; each needs its own content cache.
	cacheDir: process.env.HOURGLASS_CACHE_DIR ?? './node_modules/.astro',
	trailingSlash: 'ignore',
	vite: {
		// Test and benchmark builds copy the project under these folders; the preview must not reload on them.
		server: { watch: { ignored: ['**/tests/.tmp/**', '**/bench/.tmp/**', '**/dist/**', '**/dist.next/**'] } },
	},
	build: {
		format: 'directory',
		// Scoped styles of components used only inside MDX are otherwise inlined unhashed and blocked by the CSP.
		inlineStylesheets: 'never',
	},
	// Intranet security policies forbid inline scripts: Astro hashes what it emits into a CSP meta tag.
	// README "Deploying on an intranet web server" gives the matching HTTP header; keep the two in step.
	security: {
		csp: {
			directives: [
				"default-src 'self'",
				// Pagefind runs its WASM search in a worker started from a blob: URL.
				"worker-src 'self' blob:",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			scriptDirective: {
				// Overriding the resources drops Astro's default 'self'; Pagefind's main-thread fallback compiles WASM.
				resources: ["'self'", "'wasm-unsafe-eval'"],
			},
		},
	},
	integrations: [
		previewMode(),
		mdx(),
		// Leaves out pages marked noindex (archived entries).
		indexableSitemap(),
		// Indexes the built pages; runs before atomicOutput() moves them into place.
		search(),
		// Must stay last: it swaps the finished site into place after every other build hook.
		atomicOutput(),
	],
});
