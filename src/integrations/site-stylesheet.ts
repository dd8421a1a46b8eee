/**
 * One stylesheet for the whole site, and its name in every route key.
 *
 * Split per component (Vite's default), a paper page linked nine stylesheets, and Astro hashes each
 * linked stylesheet for the page's CSP on every route: a fifth of a page's render time at 1,000
 * papers (docs/performance.md). One stylesheet (36 kB, 8 kB gzipped) is also one request, cached
 * after the first page.
 *
 * Astro's incremental build copies a route from the last build when the route's own code, styles
 * included, is unchanged. With one stylesheet, a style changed in a component that a page does not
 * use still renames the stylesheet the page links, and the copied page would link a file that is
 * gone. So the build records the stylesheet names it emitted (`STYLESHEETS`), and the hub's route
 * keys (`src/hub/route-key.ts`) include them: a new stylesheet renders every keyed route again.
 */
import type { AstroIntegration } from 'astro';

/** Where the build leaves the names of the stylesheets it emitted, for the route keys (same process; `sharedDigest` reads it). */
const STYLESHEETS = 'HOURGLASS_BUILD_STYLESHEETS';

export function siteStylesheet(): AstroIntegration {
	return {
		name: 'hourglass:site-stylesheet',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				const emitted = new Set<string>();
				updateConfig({
					vite: {
						build: { cssCodeSplit: false },
						plugins: [
							{
								name: 'hourglass:stylesheet-names',
								// After Astro's own plugins have named and placed the stylesheet.
								enforce: 'post',
								generateBundle(_options, bundle) {
									for (const file of Object.values(bundle)) {
										if (file.type === 'asset' && file.fileName.endsWith('.css')) emitted.add(file.fileName);
									}
									process.env[STYLESHEETS] = [...emitted].sort().join(' ');
								},
							},
						],
					},
				});
			},
		},
	};
}
