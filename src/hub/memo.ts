/**
 * The hub's one cache: what is worked out once per build (the loaded hub, an entry's portable
 * HTML, an issue's email). The writers' preview (`npm run dev`) keeps it between requests and
 * forgets it when the content or the code changes (`perVersion`, called from src/hub/hub.ts), so edits show.
 * `__HOURGLASS_PREVIEW__` (set by src/integrations/preview-mode.ts) is the one signal for the
 * preview, since Vite's `import.meta.env.DEV` follows NODE_ENV.
 */
const memo = new Map<string, unknown>();

/** What the preview's results were worked out from besides the content layer (see `perVersion`). */
let heldVersion: string | undefined;

/** `npm run dev`: the writers' preview, which shows drafts and scheduled entries with a banner. */
export const isPreview = (): boolean => typeof __HOURGLASS_PREVIEW__ !== 'undefined' && __HOURGLASS_PREVIEW__;

/** `make()` once per build and key; in the preview, once per key until the content changes. */
export function perBuild<T>(key: string, make: () => T): T {
	if (!memo.has(key)) memo.set(key, make());
	return memo.get(key) as T;
}

/** `perBuild`, after forgetting everything if `version` differs from the last one given. */
export function perVersion<T>(version: string, key: string, make: () => T): T {
	if (version !== heldVersion) {
		memo.clear();
		heldVersion = version;
	}
	return perBuild(key, make);
}
