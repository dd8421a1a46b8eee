import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViteDevServer } from 'vite';
import { contentDir } from '../content/content-dir';
import { codeChanged, contentChanged, onContentChange, readByLoader } from '../content/live-content';

/**
 * Tells the hub whether it runs as the writers' preview (`astro dev`: drafts shown with a banner)
 * or as a production build. Vite's `import.meta.env.DEV` cannot decide this: it follows NODE_ENV,
 * and a build started with NODE_ENV=test or development would publish drafts.
 *
 * In the preview it also shows every change on the next request (src/content/live-content.ts): it
 * counts changes to the files the hub reads itself, outside Astro's content layer (hub.yaml, the
 * contacts, the inbox, the ledger, the words in `i18n/`), and to the code, whose module Vite
 * evaluates again without the hub's cache (src/hub/memo.ts) knowing.
 */
export function previewMode(): AstroIntegration {
	let stop: (() => void) | undefined;
	let code = '';
	return {
		name: 'hourglass:preview-mode',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig }) => {
				code = fileURLToPath(config.srcDir);
				// A global rather than an `import.meta.env` key: defining one of those replaces Astro's own
				// `import.meta.env` defines, and `BASE_URL` stopped following `--base`.
				updateConfig({ vite: { define: { __HOURGLASS_PREVIEW__: JSON.stringify(command === 'dev') } } });
			},
			'astro:server:setup': ({ server }) => {
				const root = contentDir();
				server.watcher.add(root);
				server.watcher.on('all', (_event, file) => {
					// The loaders publish their own files once they have stored them.
					if (file.startsWith(root + path.sep) && !readByLoader(file)) contentChanged();
					else if (file.startsWith(code)) codeChanged();
				});
				stop = onContentChange(() => {
					refresh(server);
				});
			},
			'astro:server:done': () => {
				stop?.();
			},
		},
	};
}

/**
 * What Astro's dev server does once it has saved its data store (`invalidateDataStore` in
 * astro/dist/content/vite-plugin-content-virtual-mod.js), done at once: it forgets the
 * `getStaticPaths()` results it keeps per route (they hold the hub's items as page props) and
 * reloads the browser.
 */
function refresh(server: ViteDevServer): void {
	for (const [name, environment] of Object.entries(server.environments)) {
		if (name !== 'client') environment.hot.send('astro:content-changed', {});
	}
	server.environments.client.hot.send({ type: 'full-reload', path: '*' });
}
