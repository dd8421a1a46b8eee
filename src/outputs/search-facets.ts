/**
 * The search page's facets. `SearchMeta.astro` files every entry's page under these filters and
 * the search page offers the same values as checkboxes; both take them from here, so a value in
 * the index always has its checkbox.
 */
import { kindLabel } from '../content/kinds';
import type { AnyItem, Hub, Kind } from '../hub/hub';

export const FACETS = [
	{ name: 'type', label: 'Type' },
	{ name: 'segment', label: 'Segment' },
	{ name: 'topic', label: 'Topic' },
	{ name: 'author', label: 'Author' },
	{ name: 'year', label: 'Year' },
] as const;

export type Facet = (typeof FACETS)[number]['name'];

const KINDS: readonly Kind[] = ['paper', 'case-study', 'metric', 'newsletter'];

const nameOf = (list: readonly { id: string; data: { name: string } }[], id: string) =>
	list.find((entry) => entry.id === id)?.data.name ?? id;

/** The values an entry is filed under, per facet. */
export function searchFilters(hub: Hub, item: AnyItem): Record<Facet, string[]> {
	return {
		type: [kindLabel(item.kind)],
		segment: item.segments.map((id) => nameOf(hub.segments, id)),
		topic: item.topics.map((id) => nameOf(hub.topics, id)),
		author: 'author' in item ? [item.author.data.name] : [],
		year: [String(item.date.getUTCFullYear())],
	};
}

/** Every value some searchable entry has, per facet, in the order the hub lists them (years newest first). */
export function facetOptions(hub: Hub): Record<Facet, string[]> {
	const used = (facet: Facet) => new Set(hub.listed.flatMap((item) => searchFilters(hub, item)[facet]));
	const present = (facet: Facet, ordered: string[]) => {
		const values = used(facet);
		return ordered.filter((value) => values.has(value));
	};
	return {
		type: present('type', KINDS.map(kindLabel)),
		segment: present(
			'segment',
			hub.segments.map((segment) => segment.data.name),
		),
		topic: present(
			'topic',
			hub.topics.map((topic) => topic.data.name),
		),
		author: present(
			'author',
			hub.authors.map((author) => author.data.name),
		),
		year: [...used('year')].sort().reverse(),
	};
}
