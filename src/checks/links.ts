/**
 * Links written in entries that point at hub pages must reach a page that exists and, from a
 * published entry, one that is published: a broken link is the first thing an executive notices,
 * and a link to a draft would publish the draft's name.
 */
import { paths } from '../content/paths';
import type { Visibility } from '../content/publication';
import { phrase, type Phrase } from '../content/problems';
import { similarity } from '../content/words';

/** First path segments the hub owns; links elsewhere on the intranet are not ours to check. */
const HUB_SECTIONS = new Set([
	'papers',
	'case-studies',
	'metrics',
	'segments',
	'topics',
	'authors',
	'newsletter',
	'feeds',
	'search',
	'subscribe',
]);

/** Every page route of the hub (relative to the base, e.g. `papers/cloud-files/`), with the status of the entry it shows. */
export type HubRoutes = Map<string, Visibility | undefined>;

/** The routes of a hub from its entries and the ids of its segments, topics and authors. */
export function hubRoutes(
	entries: readonly { route: string; status: Visibility | undefined }[],
	ids: { segments: readonly string[]; topics: readonly string[]; authors: readonly string[] },
): HubRoutes {
	const routes: HubRoutes = new Map();
	const pages = [paths.home(), paths.papers(), paths.caseStudies(), paths.metrics(), paths.segments(), paths.topics()];
	for (const route of [...pages, paths.newsletters(), paths.search(), paths.subscribe(), paths.feedAll(), paths.opml()])
		routes.set(route, undefined);
	for (const entry of entries) routes.set(entry.route, entry.status);
	for (const id of ids.segments) routes.set(paths.segment(id), undefined).set(paths.feedSegment(id), undefined);
	for (const id of ids.topics) routes.set(paths.topic(id), undefined).set(paths.feedTopic(id), undefined);
	for (const id of ids.authors) routes.set(paths.author(id), undefined);
	return routes;
}

export interface LinkProblem {
	expected: Phrase;
	found: Phrase | string;
	/** The closest page, when one is close. */
	suggestion?: Phrase | undefined;
}

/**
 * Checks one link written in an entry whose page is at `from` (a route relative to the base).
 * Root-relative (`/papers/x/`) and relative (`../x/`) links to hub pages are checked; anything
 * else is left alone.
 */
export function linkProblem(href: string, from: string, routes: HubRoutes, fromPublished: boolean): LinkProblem | undefined {
	if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('#') || href === '') return undefined;
	const url = new URL(href, `https://hub.invalid/${from}`);
	const route = decodeURIComponent(url.pathname).replace(/^\/+/, '');
	const section = route.split('/')[0]!;
	if (!HUB_SECTIONS.has(section)) return undefined;
	// Pages answer with or without their trailing slash; feeds are files.
	const candidates = [route, route.endsWith('/') || /\.[a-z]+$/.test(route) ? route : `${route}/`];
	const found = candidates.find((candidate) => routes.has(candidate));
	if (found === undefined) {
		// The section is the same by construction: compare what follows it.
		const words = (r: string) => r.slice(section.length).replace(/[-/]/g, ' ');
		const closest = [...routes.keys()]
			.filter((r) => r.startsWith(`${section}/`) && r !== `${section}/`)
			.map((r) => ({ r, score: similarity(words(r), words(route)) }))
			.sort((a, b) => b.score - a.score || a.r.localeCompare(b.r))[0];
		return {
			expected: phrase('problem.link.page'),
			found: href,
			suggestion:
				closest && closest.score > 0.3
					? phrase('problem.didYouMean', { what: `/${closest.r}` })
					: phrase('problem.link.section', { section: `/${section}/` }),
		};
	}
	const status = routes.get(found);
	if (fromPublished && (status === 'draft' || status === 'scheduled')) {
		return {
			expected: phrase('problem.link.published'),
			found: phrase(status === 'draft' ? 'problem.link.draft' : 'problem.link.scheduled', { href }),
			suggestion: phrase('problem.link.publishFirst'),
		};
	}
	return undefined;
}
