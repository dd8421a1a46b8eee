/**
 * The hub's Content-Security-Policy, in one place: the `<meta>` tag Astro writes into every page
 * (`security.csp` in astro.config.mjs) and the HTTP header the web server settings in `deploy/` send.
 * tests/unit/deploy-configs.test.ts fails when a file in `deploy/` or a `Content-Security-Policy:`
 * line in the docs says anything else than `CSP_HEADER`.
 */
import type { AstroUserConfig } from 'astro';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/** Intranet security policies forbid inline scripts: Astro hashes what it emits into the meta tag. */
const DIRECTIVES = [
	"default-src 'self'",
	// Pagefind runs its WASM search in a worker started from a blob: URL.
	"worker-src 'self' blob:",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
] as const;

/**
 * Overriding the resources drops Astro's default 'self'. The search worker compiles Pagefind's
 * WebAssembly, which needs 'wasm-unsafe-eval' (a worker is governed by the header its own response
 * carries, not by the page's meta tag).
 */
const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

/** `security.csp` for astro.config.mjs. */
export const PAGE_CSP: CspConfig = {
	directives: [...DIRECTIVES],
	scriptDirective: { resources: SCRIPT_SOURCES },
};

/**
 * The header for web servers: the meta tag's policy, without the per-page hashes a server cannot
 * know (pages have no inline script, and `build.inlineStylesheets: 'never'` leaves no inline style),
 * plus `frame-ancestors`, which browsers ignore in a meta tag. It also covers what a meta tag
 * cannot: feeds, the search worker, images.
 */
export const CSP_HEADER = [
	DIRECTIVES[0],
	`script-src ${SCRIPT_SOURCES.join(' ')}`,
	"style-src 'self'",
	...DIRECTIVES.slice(1),
	"frame-ancestors 'self'",
].join('; ');
