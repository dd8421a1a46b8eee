/**
 * The hub's one cache: what is worked out once per build (the loaded hub, an entry's portable
 * HTML, an issue's email). The writers' preview (`npm run dev`) works everything out afresh on
 * each request, so edits show; `__HOURGLASS_PREVIEW__` (set by src/integrations/preview-mode.ts)
 * is the one signal for it, since Vite's `import.meta.env.DEV` follows NODE_ENV.
 */
const memo = new Map<string, unknown>();

/** `npm run dev`: the writers' preview, which shows drafts and scheduled entries with a banner. */
export const isPreview = (): boolean => typeof __HOURGLASS_PREVIEW__ !== 'undefined' && __HOURGLASS_PREVIEW__;

/** `make()` once per build and key; every time in the preview. */
export function perBuild<T>(key: string, make: () => T): T {
	if (isPreview()) return make();
	if (!memo.has(key)) memo.set(key, make());
	return memo.get(key) as T;
}
