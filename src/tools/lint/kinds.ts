/**
 * The kinds of writing a hub holds, where their files live and how the hub names them. The linter
 * and `npm run new` both work from this table; the files each reads come from `COLLECTION_EXTENSIONS`.
 */
import { COLLECTION_EXTENSIONS } from '../../content/content-dir.ts';
import { paths } from '../../content/paths.ts';

export type WritingKind = 'paper' | 'case-study' | 'metric' | 'newsletter';

export interface KindInfo {
	/** Astro collection name. */
	collection: 'papers' | 'case-studies' | 'metrics' | 'newsletters';
	/** Folder under the content root. */
	folder: string;
	/** File extensions the collection loads, the first one is what `npm run new` writes. */
	extensions: readonly string[];
	/** What readers call one, for messages. */
	noun: string;
}

export const KINDS: Record<WritingKind, KindInfo> = {
	paper: { collection: 'papers', folder: 'papers', extensions: COLLECTION_EXTENSIONS.papers, noun: 'position paper' },
	'case-study': {
		collection: 'case-studies',
		folder: 'case-studies',
		extensions: COLLECTION_EXTENSIONS['case-studies'],
		noun: 'case study',
	},
	metric: { collection: 'metrics', folder: 'metrics', extensions: COLLECTION_EXTENSIONS.metrics, noun: 'metric' },
	newsletter: { collection: 'newsletters', folder: 'newsletters', extensions: COLLECTION_EXTENSIONS.newsletters, noun: 'newsletter issue' },
};

export const WRITING_KINDS = Object.keys(KINDS) as WritingKind[];

/** Collections that are not writing but that writing refers to. */
export const SUPPORT_COLLECTIONS = {
	segments: { folder: 'segments', extensions: COLLECTION_EXTENSIONS.segments },
	authors: { folder: 'authors', extensions: COLLECTION_EXTENSIONS.authors },
} as const;

/** The route of an entry of a kind, relative to the site's base; newsletters are routed by number. */
export function routeOf(kind: WritingKind, id: string, number?: number): string {
	switch (kind) {
		case 'paper':
			return paths.paper(id);
		case 'case-study':
			return paths.caseStudy(id);
		case 'metric':
			return paths.metric(id);
		case 'newsletter':
			return paths.newsletter(number ?? Number.NaN);
	}
}
