/**
 * The one place that loads the hub's content. It validates what Astro cannot (references, ids,
 * issue numbers), applies the publication rule once and sorts; pages, feeds, search and email all
 * take from `loadHub()`.
 */
import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { COLLECTION_EXTENSIONS, collectionPattern, contentDir, type FileCollection } from '../content/content-dir';
import { duplicateNumberProblems, idFromFile, idProblems, type IdentifiedFile } from '../checks/integrity';
import { countWords, parseMdx, proseText, readingMinutes } from '../content/mdx';
import { criticalProblems, metricUsageProblems, metricUsages, type MetricUsage } from './metrics';
import { paths } from '../content/paths';
import { assertNoProblems } from '../content/problems';
import { locateProblems } from '../content/schema-loader';
import { buildTime, hasPage, isListed, visibility, type Visibility } from '../content/publication';
import { checkReferences, type Reference, type ReferenceCheck } from '../checks/references';
import { loadSettings } from '../content/settings';
import type { Settings } from '../content/schemas/settings';

export type Kind = 'paper' | 'case-study' | 'metric' | 'newsletter';

/** What every kind of entry offers to lists, feeds and search. */
export interface Listing {
	kind: Kind;
	id: string;
	/** Route relative to the site's base, e.g. `papers/cloud-files/`. */
	path: string;
	title: string;
	summary: string;
	/** Publication date (for an issue, its date). */
	date: Date;
	updated?: Date | undefined;
	segments: string[];
	topics: string[];
	status: Visibility;
}

type Item<K extends Kind, C extends CollectionKey> = Listing & { kind: K; entry: CollectionEntry<C> };

export type Author = CollectionEntry<'authors'>;
export type Segment = CollectionEntry<'segments'>;
export type Topic = CollectionEntry<'topics'>;
export interface Reading {
	author: Author;
	words: number;
	minutes: number;
	businessValue: string;
}
export type PaperItem = Item<'paper', 'papers'> & Reading;
export type CaseStudyItem = Item<'case-study', 'case-studies'> & Reading;
export type MetricItem = Item<'metric', 'metrics'>;
export type NewsletterItem = Item<'newsletter', 'newsletters'> & { number: number };
export type AnyItem = PaperItem | CaseStudyItem | MetricItem | NewsletterItem;

export interface Hub {
	/** Hub-wide settings from `content/hub.yaml`. */
	settings: Settings;
	/** The moment the publication rule was applied at. */
	now: Date;
	/** `npm run dev`: drafts and scheduled entries are shown, with a banner. */
	preview: boolean;
	segments: Segment[];
	topics: Topic[];
	authors: Author[];
	/** Entries that have a page (published and archived; in the preview, all), newest first. */
	papers: PaperItem[];
	caseStudies: CaseStudyItem[];
	metrics: MetricItem[];
	newsletters: NewsletterItem[];
	/** Entries for lists, feeds, search, the sitemap and email: live ones only, newest first. */
	listed: AnyItem[];
	/** Every `<Metric>`/`<MetricValue>` in an MDX body, found once while checking (for backlinks: `citedBy`). */
	metricUsages: MetricUsage[];
}

const newestFirst = (a: Listing, b: Listing) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id);
const ids = (refs: readonly Reference[]) => refs.map((ref) => ref.id);

function collectionFiles(folder: string, pattern: string): IdentifiedFile[] {
	const root = contentDir();
	return fs
		.globSync(pattern, { cwd: path.join(root, folder) })
		.map((file) => path.join(root, folder, file))
		.map((file) => ({ id: idFromFile(file), file: path.relative(process.cwd(), file) }));
}

function topicFileIds(): IdentifiedFile[] {
	const file = path.join(contentDir(), 'topics.yaml');
	const relative = path.relative(process.cwd(), file);
	const list: unknown = fs.existsSync(file) ? parseYaml(fs.readFileSync(file, 'utf8')) : [];
	return (Array.isArray(list) ? list : []).map((topic: { id?: unknown }) => ({ id: String(topic.id), file: relative }));
}

/** `npm run dev`: the writers' preview, which shows drafts and scheduled entries with a banner. */
const isPreview = (): boolean => typeof __HOURGLASS_PREVIEW__ !== 'undefined' && __HOURGLASS_PREVIEW__;

async function load(): Promise<Hub> {
	const now = buildTime();
	const preview = isPreview();
	const [papers, caseStudies, metrics, newsletters, segments, topics, authors] = await Promise.all([
		getCollection('papers'),
		getCollection('case-studies'),
		getCollection('metrics'),
		getCollection('newsletters'),
		getCollection('segments'),
		getCollection('topics'),
		getCollection('authors'),
	]);

	const status = new Map<string, Visibility>();
	const key = (collection: string, id: string) => `${collection}/${id}`;
	for (const e of [...papers, ...caseStudies, ...metrics]) status.set(key(e.collection, e.id), visibility(e.data, now));
	for (const e of newsletters) status.set(key(e.collection, e.id), visibility({ ...e.data, published: e.data.date }, now));

	const all = [...papers, ...caseStudies, ...metrics, ...newsletters, ...segments, ...topics, ...authors];
	const idsByCollection = new Map<string, string[]>();
	for (const e of all) {
		// Push, not copy: copying the list for every entry is quadratic (most of a second at 10,000 papers).
		const list = idsByCollection.get(e.collection);
		if (list) list.push(e.id);
		else idsByCollection.set(e.collection, [e.id]);
	}
	const isPublic = (ref: Reference) => {
		const s = status.get(key(ref.collection, ref.id));
		return s === undefined || s === 'live' || s === 'archived';
	};

	const settings = loadSettings();
	const check: ReferenceCheck = { ids: (c) => idsByCollection.get(c) ?? [], isPublic: (r) => preview || isPublic(r) };
	// One parse per file gives both the metrics it cites and its prose word count: parsing MDX is
	// most of loadHub's time on a large hub.
	const wordCounts = new Map<string, number>();
	const usages = [...papers, ...caseStudies, ...newsletters].flatMap((e) => {
		// The file, not `body`, so that lines in messages count the frontmatter too.
		const tree = parseMdx(e.filePath ? fs.readFileSync(e.filePath, 'utf8') : (e.body ?? ''));
		wordCounts.set(key(e.collection, e.id), countWords(proseText(tree)));
		return metricUsages(tree, { collection: e.collection, id: e.id, file: e.filePath ?? e.id });
	});

	assertNoProblems(
		locateProblems([
			...(Object.keys(COLLECTION_EXTENSIONS) as FileCollection[]).flatMap((name) =>
				idProblems(collectionFiles(name, collectionPattern(name))),
			),
			...idProblems(topicFileIds()),
			...checkReferences(all, check),
			...metricUsageProblems(usages, check),
			...criticalProblems(
				metrics,
				segments.map((s) => s.id),
				settings.criticalLimit,
			),
			...duplicateNumberProblems(newsletters.map((n) => ({ number: n.data.number, file: n.filePath ?? n.id }))),
		]),
	);

	const authorById = new Map(authors.map((a) => [a.id, a]));
	const reading = (entry: CollectionEntry<'papers' | 'case-studies'>): Reading => {
		const words = wordCounts.get(key(entry.collection, entry.id))!;
		// References were checked above, so the author exists.
		return {
			author: authorById.get(entry.data.author.id)!,
			words,
			minutes: readingMinutes(words),
			businessValue: entry.data.businessValue,
		};
	};
	const listing = <K extends Kind>(kind: K, entry: CollectionEntry<'papers' | 'case-studies' | 'metrics'>, route: string) => ({
		kind,
		id: entry.id,
		path: route,
		title: entry.data.title,
		summary: 'summary' in entry.data ? entry.data.summary : entry.data.translation,
		date: entry.data.published,
		updated: entry.data.updated,
		segments: ids(entry.data.segments),
		topics: ids(entry.data.topics),
		status: status.get(key(entry.collection, entry.id))!,
	});

	const paperItems: PaperItem[] = papers.map((entry) => ({ ...listing('paper', entry, paths.paper(entry.id)), entry, ...reading(entry) }));
	const caseItems: CaseStudyItem[] = caseStudies.map((entry) => ({
		...listing('case-study', entry, paths.caseStudy(entry.id)),
		entry,
		...reading(entry),
	}));
	const metricItems: MetricItem[] = metrics.map((entry) => ({ ...listing('metric', entry, paths.metric(entry.id)), entry }));

	const byKey = new Map<string, Listing>([...paperItems, ...caseItems, ...metricItems].map((i) => [key(i.entry.collection, i.id), i]));
	const newsletterItems: NewsletterItem[] = newsletters.map((entry) => {
		const featured = entry.data.items.map((item) => {
			const ref = 'paper' in item ? item.paper : 'caseStudy' in item ? item.caseStudy : item.metric;
			return byKey.get(key(ref.collection, ref.id))!;
		});
		const union = (pick: (l: Listing) => string[]) => [...new Set(featured.flatMap(pick))].sort();
		return {
			kind: 'newsletter',
			id: entry.id,
			path: paths.newsletter(entry.data.number),
			title: entry.data.title,
			summary: entry.data.summary,
			date: entry.data.date,
			segments: union((l) => l.segments),
			topics: union((l) => l.topics),
			status: status.get(key(entry.collection, entry.id))!,
			entry,
			number: entry.data.number,
		};
	});

	const withPage = <T extends Listing>(items: T[]) => items.filter((i) => hasPage(i.status, preview)).sort(newestFirst);
	const hub: Hub = {
		settings,
		now,
		preview,
		segments: segments.sort((a, b) => a.data.order - b.data.order || a.data.name.localeCompare(b.data.name)),
		topics: topics.sort((a, b) => a.data.name.localeCompare(b.data.name)),
		authors: authors.sort((a, b) => a.data.name.localeCompare(b.data.name)),
		papers: withPage(paperItems),
		caseStudies: withPage(caseItems),
		metrics: withPage(metricItems),
		newsletters: withPage(newsletterItems),
		listed: [],
		metricUsages: usages,
	};
	hub.listed = [...hub.papers, ...hub.caseStudies, ...hub.metrics, ...hub.newsletters]
		.filter((i) => isListed(i.status, preview))
		.sort(newestFirst);
	return hub;
}

let cached: Promise<Hub> | undefined;

/** The hub's content, loaded and checked once per build (every request in the preview, so edits show). */
export function loadHub(): Promise<Hub> {
	if (isPreview()) return load();
	cached ??= load();
	return cached;
}

/** Listed entries addressed to a segment, newest first. */
export const forSegment = (hub: Hub, segmentId: string): AnyItem[] => hub.listed.filter((i) => i.segments.includes(segmentId));

/** Listed entries filed under a topic, newest first. */
export const forTopic = (hub: Hub, topicId: string): AnyItem[] => hub.listed.filter((i) => i.topics.includes(topicId));

/** Only the listed entries of one kind. */
export const listedOf = <K extends Kind>(hub: Hub, kind: K): Extract<AnyItem, { kind: K }>[] =>
	hub.listed.filter((i): i is Extract<AnyItem, { kind: K }> => i.kind === kind);
