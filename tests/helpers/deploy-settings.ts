/**
 * What the web server settings in deploy/ must give the hub, in one list: the browser tests check
 * it on real nginx and Apache for every file of the example hub, and the unit test checks IIS's
 * web.config, which cannot run here, against it.
 */

/** For files whose name carries a hash of their content: a browser keeps them a year without asking. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** For everything else: checked on every use, so a rebuild shows at once (an unchanged file costs a 304). */
export const CACHE_REVALIDATE = 'no-cache';

/**
 * Folders whose files are all named by their content's hash: Astro's assets and Pagefind's index
 * chunks. Pagefind's entry files in `pagefind/` (pagefind.js, pagefind-entry.json,
 * wasm.<language>.pagefind, pagefind-worker.js) keep their names from build to build.
 */
export const HASHED_FOLDERS = ['_astro', 'pagefind/index', 'pagefind/fragment', 'pagefind/filter'];

/** Whether a file of the built site (path relative to its root) is named by its content's hash. */
export function isHashed(file: string): boolean {
	return HASHED_FOLDERS.some((folder) => file.startsWith(`${folder}/`)) || /^pagefind\/pagefind\.[^/]+\.pf_meta$/.test(file);
}

/** The type of feeds (`feeds/**\/*.xml`); the sitemaps are `.xml` too and keep the server's XML type. */
export const FEED_TYPE = 'application/rss+xml';

/**
 * Content types by extension, for every kind of file the hub publishes. A server's own list lacks
 * the last ones; the first ones every server knows (IIS too, see `IIS_KNOWS`).
 */
export const CONTENT_TYPES: Readonly<Record<string, readonly string[]>> = {
	'.html': ['text/html'],
	'.css': ['text/css'],
	'.js': ['text/javascript', 'application/javascript'],
	'.png': ['image/png'],
	'.txt': ['text/plain'],
	'.xml': ['application/xml', 'text/xml'],
	'.json': ['application/json'],
	'.svg': ['image/svg+xml'],
	'.wasm': ['application/wasm'],
	'.xsl': ['application/xslt+xml'],
	'.opml': ['text/x-opml'],
	'.eml': ['message/rfc822'],
	// Pagefind's index: it fetches these and unpacks them itself (they are gzipped already).
	'.pagefind': ['application/octet-stream'],
	'.pf_meta': ['application/octet-stream'],
	'.pf_index': ['application/octet-stream'],
	'.pf_fragment': ['application/octet-stream'],
	'.pf_filter': ['application/octet-stream'],
};

/** Extensions every IIS since 7 serves with the right type; web.config maps all the others. */
export const IIS_KNOWS = ['.html', '.css', '.js', '.png', '.txt', '.xml'];

/** The content types a file of the built site may be served with (`undefined`: a kind the list lacks). */
export function contentTypesFor(file: string): readonly string[] | undefined {
	if (/^feeds\/.+\.xml$/.test(file)) return [FEED_TYPE];
	const extension = /\.[^./]+$/.exec(file)?.[0] ?? '';
	return CONTENT_TYPES[extension];
}

/** Types worth compressing: text. Pagefind's files are gzipped already, PNGs are compressed. */
export function isCompressible(type: string): boolean {
	return /^(text\/|application\/(javascript|json|xml|rss\+xml|xslt\+xml)|image\/svg\+xml|message\/rfc822)/.test(type);
}
