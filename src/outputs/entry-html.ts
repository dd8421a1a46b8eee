/**
 * An entry's body as self-contained HTML for places outside the site: feed readers
 * (`content:encoded`) and email. Everything that ships an entry's body elsewhere goes through
 * `entryHtml`, so it reads the same in every reader.
 *
 * Readers open this HTML far from the site, with their own styles and no scripts, and many reject
 * or mangle what the site relies on, so the output is:
 * - portable: every link and image is an absolute URL (feed readers resolve relative URLs
 *   against the feed or not at all; email clients never do);
 * - plain: no scripts, `<style>`, `<svg>`, `class`, `style` or Astro's `data-astro-cid-*`
 *   scoping attributes. Components that draw (metric charts) also say it in words, and the words
 *   survive.
 */
import type { CollectionEntry } from 'astro:content';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import sanitizeHtml from 'sanitize-html';
import { absoluteUrl, paths } from '../content/paths';
import { publishedOn } from '../content/publication';
import type { MetricDisplay } from '../content/render/render-mdx';
import type { Hub } from '../hub/hub';
import { perBuild } from '../hub/memo';
import { figuresAsOf, summariseMetric } from '../hub/metrics';
import { fillMetrics } from './entry-body';

/** Entries with an MDX body: papers, case studies and newsletter issues (the editor's intro). */
export type BodiedEntry = CollectionEntry<'papers' | 'case-studies' | 'newsletters' | 'campaigns'>;

export interface EntryHtmlOptions {
	/** The site's origin: `context.site` of an endpoint, or `Astro.site`. */
	site: URL | string;
	/** The site's base path, `import.meta.env.BASE_URL` (`/` or `/it/`). */
	base: string;
	/**
	 * Route of the entry's own page relative to the base (`item.path` from the hub), against which
	 * `#anchors` and relative links resolve. Default: the home page.
	 */
	path?: string;
}

export interface PortableHtmlOptions {
	/** Absolute URL of the page the HTML belongs to; relative links resolve against it. */
	page: string;
	/**
	 * Absolute URL of the hub's home, e.g. `https://intranet.example/it/`. Writers link to hub routes
	 * as `/papers/x/`; under a base path those mean `/it/papers/x/`.
	 */
	root: string;
}

/** Tags a feed reader or mail client shows well; everything else is unwrapped (its text kept). */
const ALLOWED_TAGS = [...sanitizeHtml.defaults.allowedTags, 'img', 'del', 'ins', 'details', 'summary'];

/** Tags dropped with everything inside them: code, styling and drawings readers cannot show. */
const DROPPED_WITH_CONTENT = ['script', 'style', 'noscript', 'template', 'textarea', 'option', 'xmp', 'svg', 'math', 'iframe', 'object'];

/** Meaning, not looks: `class`, `style`, `id` and `data-*` (Astro's scoping) are not listed, so they go. */
const ALLOWED_ATTRIBUTES: sanitizeHtml.IOptions['allowedAttributes'] = {
	'*': ['lang', 'dir', 'title'],
	a: ['href'],
	img: ['src', 'alt', 'width', 'height'],
	ol: ['start', 'reversed'],
	li: ['value'],
	td: ['colspan', 'rowspan', 'headers'],
	th: ['colspan', 'rowspan', 'scope', 'headers'],
	time: ['datetime'],
	data: ['value'],
	q: ['cite'],
	blockquote: ['cite'],
};

/**
 * Resolves a URL found in the body. Root-relative paths are hub routes (`/papers/x/`), so under a
 * base path they gain it unless a writer already included it; anything else resolves against the page.
 */
function absolute(url: string, { page, root }: PortableHtmlOptions): string {
	const rootPath = new URL(root).pathname;
	const isRootRelative = url.startsWith('/') && !url.startsWith('//');
	try {
		if (isRootRelative && !url.startsWith(rootPath)) return new URL(url.slice(1), root).href;
		return new URL(url, page).href;
	} catch {
		// An unparseable URL is left for the sanitiser's scheme check to judge.
		return url;
	}
}

/**
 * The pure half of `entryHtml`: sanitises rendered HTML for feed readers and email and makes
 * every link and image absolute. No Astro involved, so it is unit-tested directly.
 */
export function portableHtml(html: string, urls: PortableHtmlOptions): string {
	const withAbsolute =
		(attribute: 'href' | 'src'): sanitizeHtml.Transformer =>
		(tagName, attribs) => {
			const value = attribs[attribute];
			return {
				tagName,
				attribs: value === undefined ? attribs : { ...attribs, [attribute]: absolute(value.trim(), urls) },
			};
		};
	return sanitizeHtml(html, {
		allowedTags: ALLOWED_TAGS,
		allowedAttributes: ALLOWED_ATTRIBUTES,
		nonTextTags: DROPPED_WITH_CONTENT,
		allowedSchemes: ['http', 'https', 'mailto', 'tel'],
		allowProtocolRelative: false,
		transformTags: {
			a: withAbsolute('href'),
			img: withAbsolute('src'),
			// A task list's checkboxes become the marks readers can show: mail clients drop form controls.
			input: (_tagName, attribs) => ({
				tagName: 'span',
				attribs: {},
				text: attribs.type !== 'checkbox' ? '' : 'checked' in attribs ? '☑ ' : '☐ ',
			}),
		},
		// A link or image whose URL was refused is gone; its text (for a link) stays.
		exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
	}).trim();
}

/** A cited metric in words, as it stood on the entry's date: charts and cards do not travel to feed readers and mail clients. */
function metricInWords(hub: Hub, id: string, show: MetricDisplay, asOf: Date): string {
	const metric = hub.metrics.find((m) => m.id === id);
	// checkHub() has made sure every cited metric exists and is published.
	if (!metric) throw new Error(`A cited metric is missing from the hub: ${id}`);
	const summary = summariseMetric(hub.locale, figuresAsOf(metric.entry.data, asOf), hub.settings.atRiskTolerance);
	const link = h('a', { href: `/${paths.metric(metric.id)}` }, show === 'card' ? metric.title : summary.value);
	return toHtml(show === 'card' ? h('p', [h('strong', [link]), `: ${summary.sentence}`]) : link);
}

/**
 * An entry's body as sanitised HTML with absolute links, for feeds and email, from the HTML the
 * content loader stored. Worked out once per build for each entry and URL: the all, segment and
 * topic feeds list the same entry many times.
 *
 * ```ts
 * const html = entryHtml(hub, item.entry, { site: context.site!, base: import.meta.env.BASE_URL, path: item.path });
 * ```
 */
export function entryHtml(hub: Hub, entry: BodiedEntry, { site, base, path = '' }: EntryHtmlOptions): string {
	const urls = { page: absoluteUrl(site, base, path), root: absoluteUrl(site, base, '') };
	return perBuild(`entry-html ${entry.collection}/${entry.id} ${urls.page}`, () =>
		portableHtml(
			fillMetrics(entry.rendered?.html ?? '', (id, show) => metricInWords(hub, id, show, publishedOn(entry.collection, entry.data)!)),
			urls,
		),
	);
}
