import fs from 'node:fs/promises';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';

/** `<meta name="robots" content="noindex">`, in the attribute order Astro writes it. */
const NOINDEX = /<meta name="robots" content="[^"]*\bnoindex\b/;

/** Whether a built page asks crawlers not to index it. */
export const isNoindex = (html: string): boolean => NOINDEX.test(html);

/**
 * The sitemap lists the pages crawlers may index. A page marked noindex (an archived entry, which
 * keeps its URL but leaves every list: see BaseLayout) is left out. The built pages are read
 * before @astrojs/sitemap writes the sitemap, so the layout's marker is the one source of truth.
 */
export function indexableSitemap(): AstroIntegration[] {
	const noindex = new Set<string>();
	let root: URL | undefined;
	const marker: AstroIntegration = {
		name: 'hourglass:noindex-pages',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = config.site ? new URL(config.base.endsWith('/') ? config.base : `${config.base}/`, config.site) : undefined;
			},
			'astro:build:done': async ({ dir, pages }) => {
				if (!root) return;
				for (const { pathname } of pages) {
					const route = pathname.replace(/^\//, '');
					const html = await fs.readFile(new URL(`${route}index.html`, dir), 'utf8').catch(() => '');
					if (isNoindex(html)) noindex.add(new URL(route, root).href);
				}
			},
		},
	};
	return [marker, sitemap({ filter: (url) => !noindex.has(url) })];
}
