/**
 * The search page's facets. `SearchMeta.astro` files every entry's page under these filters and
 * the search page offers the same values as checkboxes; both take them from here, so a value in
 * the index always has its checkbox. Values are ids (`finance`, `case-study`), not display names,
 * so a shared link (`?segment=finance`) survives a renamed segment; each option keeps its name
 * for the label and for links made before ids were used (`?segment=Finance`).
 */
import type { Locale } from '../content/i18n';
import { kindLabel, WRITING_KINDS } from '../content/kinds';
import { listedSystems, type AnyItem, type Hub, type SystemItem } from '../hub/hub';

/** What search finds: an entry, or a business system's page. */
export type Searchable = AnyItem | SystemItem;

/** Systems are found by search under their own type, beside the kinds of writing. */
/** Systems are searched beside writing, under a type of their own. */
export const SYSTEM_TYPE = 'system';
const systemType = (locale: Locale): FacetOption => ({ value: SYSTEM_TYPE, name: locale.t('kind.system') });

/** The facets in the order the search page shows them; each one's label is `search.facet.<name>` in the dictionary. */
export const FACETS = ['type', 'segment', 'topic', 'author', 'year'] as const;

export type Facet = (typeof FACETS)[number];

/** One checkbox: the id the index files entries under, and the name readers see. */
export interface FacetOption {
	value: string;
	name: string;
}

/** The values (ids) an entry is filed under, per facet; a system under its dependents' segments and its owner. */
export function searchFilters(item: Searchable): Record<Facet, string[]> {
	const year = [String(item.date.getUTCFullYear())];
	if (!('kind' in item)) return { type: [SYSTEM_TYPE], segment: item.segments, topic: [], author: [item.owner.id], year };
	return {
		type: [item.kind],
		segment: item.segments,
		topic: item.topics,
		author: 'author' in item ? [item.author.id] : [],
		year,
	};
}

/** Every value some searchable entry has, per facet, in the order the hub lists them (years newest first). */
export function facetOptions(hub: Hub): Record<Facet, FacetOption[]> {
	const { locale } = hub;
	const searchable: Searchable[] = [...hub.listed, ...listedSystems(hub)];
	const used = (facet: Facet) => new Set(searchable.flatMap((item) => searchFilters(item)[facet]));
	const present = (facet: Facet, ordered: readonly FacetOption[]) => {
		const values = used(facet);
		return ordered.filter(({ value }) => values.has(value));
	};
	const named = (list: readonly { id: string; data: { name: string } }[]) => list.map(({ id, data }) => ({ value: id, name: data.name }));
	return {
		type: present('type', [...WRITING_KINDS.map((kind) => ({ value: kind, name: kindLabel(locale, kind) })), systemType(locale)]),
		segment: present('segment', named(hub.segments)),
		topic: present('topic', named(hub.topics)),
		author: present('author', named(hub.authors)),
		year: [...used('year')]
			.sort()
			.reverse()
			.map((year) => ({ value: year, name: year })),
	};
}

/** The names of an entry's segments, for the line under a result ("For Finance, Superusers"). */
export const segmentNames = (hub: Pick<Hub, 'segments'>, item: Pick<Searchable, 'segments'>): string[] =>
	item.segments.map((id) => hub.segments.find((segment) => segment.id === id)?.data.name ?? id);
