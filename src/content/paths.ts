/**
 * Every route of the hub, as a path relative to the site's base. Pages, feeds, search and email
 * all build links from here, so a route changes in one place.
 */
export const paths = {
	home: () => '',
	papers: () => 'papers/',
	paper: (id: string) => `papers/${id}/`,
	caseStudies: () => 'case-studies/',
	caseStudy: (id: string) => `case-studies/${id}/`,
	metrics: () => 'metrics/',
	metric: (id: string) => `metrics/${id}/`,
	segments: () => 'segments/',
	segment: (id: string) => `segments/${id}/`,
	topics: () => 'topics/',
	topic: (id: string) => `topics/${id}/`,
	author: (id: string) => `authors/${id}/`,
	newsletters: () => 'newsletter/',
	newsletter: (number: number) => `newsletter/${number}/`,
	campaigns: () => 'campaigns/',
	campaign: (id: string) => `campaigns/${id}/`,
	systems: () => 'systems/',
	system: (id: string) => `systems/${id}/`,
	search: () => 'search/',
	subscribe: () => 'subscribe/',
	feedAll: () => 'feeds/all.xml',
	feedSegment: (id: string) => `feeds/${id}.xml`,
	feedTopic: (id: string) => `feeds/topics/${id}.xml`,
	feedCampaign: (id: string) => `feeds/campaigns/${id}.xml`,
	opml: () => 'feeds/subscriptions.opml',
	accentCss: () => 'brand/accent.css',
	logo: () => 'brand/logo.svg',
	/** The logo drawn as a PNG for email, under its content-hashed name. */
	logoPng: (name: string) => `brand/${name}`,
} as const;

/** Joins a route to the site's base (`/` or `/it/`), giving a root-relative URL. */
export function withBase(base: string, path: string): string {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	return prefix + path.replace(/^\/+/, '');
}

/**
 * A link a writer put in MDX. Root-relative links name hub routes (`/papers/x/`), so under a base
 * path they gain it, unless the writer already included it; any other link is left as written.
 */
export function rebaseLink(url: string, base: string): string {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	if (!url.startsWith('/') || url.startsWith('//') || url.startsWith(prefix)) return url;
	return withBase(base, url);
}

/** An absolute URL for feeds and email, which readers open outside the site. */
export function absoluteUrl(site: URL | string, base: string, path: string): string {
	return new URL(withBase(base, path), site).href;
}
