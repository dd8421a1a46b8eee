import fs from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { listFiles } from './build-hub';

export interface LinkCheckOptions {
	/** The built site. */
	dist: string;
	/** The base it was built for, e.g. `/` or `/it/`. */
	base?: string;
	/** The site it was built for; absolute links to it (feeds, OPML, email) are checked too. */
	site?: string;
}

export interface CheckedLink {
	/** File the link is on, relative to `dist`. */
	page: string;
	/** The link as written. */
	url: string;
}

export interface BrokenLink extends CheckedLink {
	/** Why it does not resolve. */
	reason: string;
}

export interface LinkReport {
	/** Every link found, once per file: what the check looked at, so a test can tell "nothing broken" from "nothing found". */
	checked: CheckedLink[];
	/** The links that do not resolve. */
	broken: BrokenLink[];
}

/** Attributes that point at another file; `srcset` holds several. */
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'poster', 'xlink:href'] as const;
/** Files whose text mentions the site's own absolute URLs: feeds, OPML, sitemaps, stylesheets for feeds. */
const TEXT_SOURCES = /\.(xml|opml|xsl|txt|webmanifest|json)$/;
/** `<link>` relations that name a page rather than load a file into this one. */
const NAVIGATION_RELS = new Set([
	'alternate',
	'author',
	'bookmark',
	'canonical',
	'external',
	'help',
	'license',
	'me',
	'next',
	'prev',
	'search',
	'sitemap',
]);

interface FoundUrl {
	url: string;
	/** The browser fetches it while showing the page (stylesheet, image, script), rather than on a click. */
	loads: boolean;
}

/** The URLs of one element: every URL attribute, `srcset` split into its images. */
function urlsOf(element: HTMLElement): FoundUrl[] {
	const tag = element.tagName.toLowerCase();
	const rels = (element.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	const navigates =
		tag === 'a' || tag === 'area' || tag === 'form' || (tag === 'link' && rels.length > 0 && rels.every((rel) => NAVIGATION_RELS.has(rel)));
	const urls: FoundUrl[] = [];
	for (const name of URL_ATTRIBUTES) {
		const value = element.getAttribute(name)?.trim();
		if (!value) continue;
		const found = name === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!) : [value];
		urls.push(...found.filter(Boolean).map((url) => ({ url, loads: !navigates })));
	}
	return urls;
}

/** The site's root URL: `site` plus `base`, e.g. `https://intranet.example/it/`. */
export function siteRoot(base: string, site: string): URL {
	return new URL(base.endsWith('/') ? base : `${base}/`, site);
}

/** The URL a file of `dist` is served at: `papers/x/index.html` is `<site><base>papers/x/`. */
export function pageUrl(root: URL, file: string): URL {
	return new URL(file.replace(/(^|\/)index\.html$/, '$1'), root);
}

/**
 * The files of `dist` that would answer a URL of the site, best first (a folder URL is its
 * index.html; web servers also answer `/papers` with `/papers/`), or why none can.
 */
export function filesFor(target: URL, root: URL): string[] | string {
	if (!target.pathname.startsWith(root.pathname)) return `outside the base ${root.pathname}`;
	let relative: string;
	try {
		relative = decodeURIComponent(target.pathname.slice(root.pathname.length));
	} catch {
		return 'malformed percent-encoding';
	}
	return relative === '' || relative.endsWith('/') ? [`${relative}index.html`] : [relative, `${relative}/index.html`];
}

/** Decodes the XML entities a URL can carry in a feed (`&amp;` in query strings). */
const decodeXml = (text: string) =>
	text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);/gi, (entity, name: string) => {
		const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
		if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
		return named[name.toLowerCase()] ?? entity;
	});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds every link and asset in a built site that does not resolve to a file in it: relative and
 * root-relative links in HTML (`href`, `src`, `srcset`, `<link>`, forms) and CSS (`url()`,
 * `@import`), links outside the base,
 * `#fragments` that name no element, and the site's own absolute URLs in HTML, feeds, OPML and
 * sitemaps. A file loaded from another origin is broken too (the intranet blocks it); a link a
 * reader follows to another site is not this check's business.
 */
export async function checkLinks({ dist, base = '/', site = 'https://intranet.example' }: LinkCheckOptions): Promise<LinkReport> {
	const root = siteRoot(base, site);
	const files = await listFiles(dist);
	const fileSet = new Set(files);
	const ids = new Map<string, Set<string>>();
	const links: (FoundUrl & { page: string; from: URL })[] = [];

	for (const file of files) {
		if (file.endsWith('.html')) {
			const document = parse(await fs.readFile(path.join(dist, file), 'utf8'), { comment: false });
			const own = pageUrl(root, file);
			const baseHref = document.querySelector('base')?.getAttribute('href');
			const from = baseHref ? new URL(baseHref, own) : own;
			ids.set(file, new Set(document.querySelectorAll('[id], a[name]').map((element) => element.id || element.getAttribute('name')!)));
			for (const element of document.querySelectorAll('*')) {
				for (const found of urlsOf(element)) links.push({ ...found, page: file, from });
			}
		} else if (file.endsWith('.css')) {
			// Fonts and images a stylesheet loads, relative to the stylesheet.
			const css = await fs.readFile(path.join(dist, file), 'utf8');
			for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g)) {
				links.push({ page: file, url: (match[2] ?? match[4]!).trim(), loads: true, from: pageUrl(root, file) });
			}
		} else if (TEXT_SOURCES.test(file)) {
			// Feeds name the site by absolute URL in elements, attributes and entity-escaped HTML
			// (`content:encoded`) alike: decoded once, each URL ends at its quote or tag. Any URL of
			// the site's origin counts, so one that misses the base is caught too.
			const text = decodeXml(await fs.readFile(path.join(dist, file), 'utf8'));
			const own = pageUrl(root, file);
			const absolute = new RegExp(`${escapeRegExp(root.origin)}/[^\\s"'<>()\\]]*`, 'g');
			for (const match of text.matchAll(absolute)) links.push({ page: file, url: match[0], loads: false, from: own });
			for (const match of text.matchAll(/<\?xml-stylesheet[^>]*\bhref="([^"]+)"/g))
				links.push({ page: file, url: match[1]!, loads: true, from: own });
		}
	}

	const checked = new Map<string, CheckedLink>();
	const broken = new Map<string, BrokenLink>();
	for (const { page, url, loads, from } of links) {
		checked.set(`${page}\n${url}`, { page, url });
		const reason = resolve(url, loads, from);
		if (reason) broken.set(`${page}\n${url}`, { page, url, reason });
	}
	return { checked: [...checked.values()], broken: [...broken.values()] };

	/** Why `url` on a page at `from` does not resolve, or undefined when it does. */
	function resolve(url: string, loads: boolean, from: URL): string | undefined {
		let target: URL;
		try {
			target = new URL(url, from);
		} catch {
			return 'not a URL';
		}
		if (target.protocol !== 'http:' && target.protocol !== 'https:') return undefined;
		// Behind the intranet's firewall a file from elsewhere never arrives; a link elsewhere is fine.
		if (target.origin !== root.origin) return loads ? `loaded from ${target.origin}, outside the site` : undefined;
		const candidates = filesFor(target, root);
		if (typeof candidates === 'string') return candidates;
		const file = candidates.find((candidate) => fileSet.has(candidate));
		if (!file) return 'no such file';
		const fragment = decodeURIComponent(target.hash.slice(1));
		if (fragment && file.endsWith('.html') && !ids.get(file)?.has(fragment)) return `no element with id "${fragment}"`;
		return undefined;
	}
}

/** One line per broken URL with the pages it is on, for assertion messages a writer can act on. */
export function formatBrokenLinks(broken: readonly BrokenLink[]): string {
	const byUrl = Map.groupBy(broken, ({ url, reason }) => `${url} (${reason})`);
	return [...byUrl]
		.map(([link, on]) => {
			const pages = on.map(({ page }) => page);
			return `${link} on ${pages.length} page(s): ${pages.slice(0, 5).join(', ')}${pages.length > 5 ? ', …' : ''}`;
		})
		.join('\n');
}
