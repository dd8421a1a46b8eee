import type { AstroIntegration } from 'astro';

/**
 * Tells the hub whether it runs as the writers' preview (`astro dev`: drafts shown with a banner)
 * or as a production build. Vite's `import.meta.env.DEV` cannot decide this: it follows NODE_ENV,
 * and a build started with NODE_ENV=test or development would publish drafts.
 */
export function previewMode(): AstroIntegration {
	return {
		name: 'hourglass:preview-mode',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				// A global rather than an `import.meta.env` key: defining one of those replaces Astro's own
				// `import.meta.env` defines, and `BASE_URL` stopped following `--base`.
				updateConfig({ vite: { define: { __HOURGLASS_PREVIEW__: JSON.stringify(command === 'dev') } } });
			},
		},
	};
}
