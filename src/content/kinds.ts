/**
 * The one table of what a hub holds: each collection's folder, files, schema and the words the hub
 * uses for it, and for the four kinds of writing their label and route. Astro's loaders, the
 * checks, the hub, search facets, feeds, the linter and `npm run new` all read it; nothing else
 * lists kinds.
 */
import type { z } from 'astro/zod';
import type { MessageKey } from './i18n/dictionaries';
import type { Locale } from './i18n/locale';
import { paths } from './paths';
import { phrase, type Phrase } from './problems';
import { authorSchema } from './schemas/author';
import { ballotSchema } from './schemas/ballot';
import { campaignSchema, SCHEDULED_REPORTS } from './schemas/campaign';
import { caseStudySchema } from './schemas/case-study';
import { metricSchema } from './schemas/metric';
import { newsletterSchema } from './schemas/newsletter';
import { paperSchema } from './schemas/paper';
import { inboxFileSchema } from './schemas/inbox';
import { segmentSchema } from './schemas/segment';
import { systemSchema } from './schemas/system';
import { testimonialSchema } from './schemas/testimonial';
import { topicSchema } from './schemas/topic';

export type WritingKind = 'paper' | 'case-study' | 'metric' | 'newsletter' | 'campaign';

interface CollectionInfo {
	/** File extensions the collection loads; the first is what `npm run new` writes. Topics are one file. */
	extensions: readonly string[];
	schema: z.ZodType;
	/** What writers call one, in messages ("an existing segment, one of: …"): its message id. */
	noun: MessageKey;
	/** The kind of writing it holds, if it is writing rather than what writing refers to. */
	kind?: WritingKind;
	/** For what is published (`src/content/publication.ts`): the date field it goes live on. */
	published?: 'published' | 'date' | 'start';
	/** Reference fields (dotted paths) that may name a scheduled entry although this one is published. */
	scheduledReferences?: RegExp;
}

const YAML = ['.yaml', '.yml'] as const;

/** Every collection, by Astro collection name; a collection's folder under the content root has its name. */
export const COLLECTIONS = {
	papers: { kind: 'paper', extensions: ['.mdx'], schema: paperSchema, noun: 'noun.papers', published: 'published' },
	'case-studies': { kind: 'case-study', extensions: ['.mdx'], schema: caseStudySchema, noun: 'noun.case-studies', published: 'published' },
	metrics: { kind: 'metric', extensions: YAML, schema: metricSchema, noun: 'noun.metrics', published: 'published' },
	newsletters: { kind: 'newsletter', extensions: ['.mdx'], schema: newsletterSchema, noun: 'noun.newsletters', published: 'date' },
	campaigns: {
		kind: 'campaign',
		extensions: ['.mdx'],
		schema: campaignSchema,
		noun: 'noun.campaigns',
		published: 'start',
		scheduledReferences: SCHEDULED_REPORTS,
	},
	testimonials: { extensions: YAML, schema: testimonialSchema, noun: 'noun.testimonials', published: 'date' },
	systems: { extensions: YAML, schema: systemSchema, noun: 'noun.systems', published: 'published' },
	segments: { extensions: YAML, schema: segmentSchema, noun: 'noun.segments' },
	authors: { extensions: YAML, schema: authorSchema, noun: 'noun.authors' },
	topics: { extensions: [], schema: topicSchema, noun: 'noun.topics' },
	ballots: { extensions: YAML, schema: ballotSchema, noun: 'noun.ballots' },
} as const satisfies Record<string, CollectionInfo>;

export type CollectionName = keyof typeof COLLECTIONS;
/** Collections with one file per entry (all but topics, which live in `topics.yaml`). */
export type FileCollection = Exclude<CollectionName, 'topics'>;
export const FILE_COLLECTIONS = (Object.keys(COLLECTIONS) as CollectionName[]).filter((c): c is FileCollection => c !== 'topics');
/** The file that holds every topic, under the content root. */
export const TOPICS_FILE = 'topics.yaml';

interface KindInfo {
	collection: 'papers' | 'case-studies' | 'metrics' | 'newsletters' | 'campaigns';
	/** Whether entries have an MDX body, rendered at content sync. */
	body: boolean;
}

export const KINDS: Record<WritingKind, KindInfo> = {
	paper: { collection: 'papers', body: true },
	'case-study': { collection: 'case-studies', body: true },
	metric: { collection: 'metrics', body: false },
	newsletter: { collection: 'newsletters', body: true },
	campaign: { collection: 'campaigns', body: true },
};

/** The kinds in the order lists and filters show them. */
export const WRITING_KINDS = Object.keys(KINDS) as WritingKind[];

/**
 * Records the hub keeps beside its writing and never publishes beyond counts. They are not Astro
 * collections: Astro bundles its content store into the build, and these hold colleagues'
 * addresses and words. The build (`loadHub()`) and the linter read them with the same reader and
 * check them with the same checks (src/checks/inbox.ts).
 */
export const RECORDS = {
	/** What `npm run inbox` took from the editors' mailbox: feedback, list requests, questions, picks. */
	inbox: { folder: 'inbox', files: /^\d{4}\.ya?ml$/, schema: inboxFileSchema, noun: 'noun.inbox' },
} as const satisfies Record<string, { folder: string; files: RegExp; schema: z.ZodType; noun: MessageKey }>;

/** The kind of writing a collection holds, or undefined for what writing refers to (segments…). */
export const kindOf = (collection: CollectionName): WritingKind | undefined => WRITING_KINDS.find((kind) => KINDS[kind].collection === collection);
/** The label lists and search filters show, in the hub's language: "Position paper". */
export const kindLabel = (locale: Locale, kind: WritingKind): string => locale.t(`kind.${kind}`);
export const kindNoun = (kind: WritingKind): Phrase => phrase(COLLECTIONS[KINDS[kind].collection].noun);
export const noun = (collection: string): Phrase =>
	collection in COLLECTIONS ? phrase(COLLECTIONS[collection as CollectionName].noun) : phrase('problem.text', { text: collection });
/** Whether a published entry of `collection` may name a scheduled entry in `field` (`scheduledReferences`). */
export function mayNameScheduled(collection: string, field: string): boolean {
	const info: CollectionInfo | undefined = collection in COLLECTIONS ? COLLECTIONS[collection as CollectionName] : undefined;
	return info?.scheduledReferences?.test(field) ?? false;
}

/** The glob of a collection's files under its folder: every file with one of its extensions, at any depth. */
export function collectionPattern(name: FileCollection): string {
	const extensions = COLLECTIONS[name].extensions.map((extension) => extension.slice(1));
	return extensions.length === 1 ? `**/*.${extensions[0]}` : `**/*.{${extensions.join(',')}}`;
}

/**
 * Whether `file` (relative to the collection's folder) is one that `collectionPattern(name)`
 * matches: one of the collection's extensions, and no dot-file or dot-folder on the way. For listing
 * a folder without a glob, which takes a quarter of the time (it runs on every change in the preview).
 */
export function inCollection(name: FileCollection, file: string): boolean {
	return COLLECTIONS[name].extensions.some((extension) => file.endsWith(extension)) && !file.split(/[\\/]/).some((part) => part.startsWith('.'));
}

/** The route of an entry relative to the site's base; newsletter issues are routed by number. */
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
		case 'campaign':
			return paths.campaign(id);
	}
}
