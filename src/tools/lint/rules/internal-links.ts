import { z } from 'astro/zod';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { defineRule, type HubIndex } from '../types.ts';
import { similarity } from './business-value.ts';

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

export type LinkCheck = { ok: true } | { ok: false; message: string; suggestion: string };

/**
 * Checks one link written in an entry whose page is at `from` (a route relative to the base).
 * Root-relative (`/papers/x/`) and relative (`../x/`) links to hub pages must reach a page that
 * exists and, from a published entry, one that is published too.
 */
export function checkLink(href: string, from: string, hub: HubIndex, fromPublished: boolean): LinkCheck {
	if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('#') || href === '') return { ok: true };
	const url = new URL(href, `https://hub.invalid/${from}`);
	const route = decodeURIComponent(url.pathname).replace(/^\/+/, '');
	const section = route.split('/')[0]!;
	if (!HUB_SECTIONS.has(section)) return { ok: true };
	// Pages answer with or without their trailing slash; feeds are files.
	const candidates = [route, route.endsWith('/') || /\.[a-z]+$/.test(route) ? route : `${route}/`];
	const found = candidates.find((candidate) => hub.routes.has(candidate));
	if (found === undefined) {
		const words = (r: string) => r.replace(/[-/]/g, ' ');
		const closest = [...hub.routes.keys()]
			.filter((r) => r.startsWith(`${section}/`) && r !== `${section}/`)
			.map((r) => ({ r, score: similarity(words(r), words(route)) }))
			.sort((a, b) => b.score - a.score || a.r.localeCompare(b.r))[0];
		return {
			ok: false,
			message: `The link ${href} goes to a page the hub does not have`,
			suggestion:
				closest && closest.score > 0.3
					? `did you mean /${closest.r}?`
					: `link to /${section}/ or to a page that exists (pages are named after their files)`,
		};
	}
	const status = hub.routes.get(found);
	if (fromPublished && (status === 'draft' || status === 'scheduled')) {
		return {
			ok: false,
			message: `The link ${href} goes to a ${status === 'draft' ? 'draft' : 'not yet published'} entry, so readers would get "page not found"`,
			suggestion: 'publish that entry first, or remove the link for now',
		};
	}
	return { ok: true };
}

/** Links between hub pages must not break: a broken link is the first thing an executive notices. */
export const internalLinks = defineRule({
	id: 'internal-links',
	severity: 'error',
	description:
		'Links to hub pages (`/papers/<id>/`, `/metrics/<id>/`, …) reach a page that exists, and from a published entry a published one.',
	kinds: ['paper', 'case-study', 'newsletter'],
	options: z.object({}),
	check({ entry, route: from, status, hub, report }) {
		if (!entry.tree) return;
		const published = status === 'live' || status === 'archived';
		visit(entry.tree, (node) => {
			let href: string | undefined;
			if (node.type === 'link' || node.type === 'definition') href = node.url;
			else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'a') {
				const attribute = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'href');
				if (typeof attribute?.value === 'string') href = attribute.value;
			}
			const start = node.position?.start.offset;
			if (href === undefined || start === undefined) return;
			const result = checkLink(href, from, hub, published);
			if (!result.ok) report({ start, end: node.position?.end.offset, message: result.message, suggestion: result.suggestion });
		});
	},
});
