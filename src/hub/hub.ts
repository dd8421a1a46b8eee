/**
 * The one place that loads the hub's content: it reads what the content loader stored, has
 * `checkHub()` judge it, applies the publication rule once and sorts; pages, feeds, search and
 * email all take from `loadHub()`.
 */
import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkHub, type CheckedEntry, type FoundFile } from '../checks/check-hub';
import { contactsPath, loadContacts, type Contact } from '../checks/contacts';
import type { MetricUsage } from '../checks/metrics';
import { referenced, type Reference } from '../checks/references';
import { contentDir, displayPath, idFromFile } from '../content/content-dir';
import { collectionPattern, FILE_COLLECTIONS, kindOf, TOPICS_FILE, type WritingKind } from '../content/kinds';
import type { RenderedMetadata } from '../content/loader';
import { locateProblems } from '../content/locate';
import { readingMinutes } from '../content/mdx';
import { paths } from '../content/paths';
import { assertNoProblems } from '../content/problems';
import { buildTime, hasPage, isListed, statusOf, type Visibility } from '../content/publication';
import type { EntryImage } from '../content/render/images';
import type { BodyFacts } from '../content/render/render-mdx';
import { itemRef } from '../content/schemas/newsletter';
import type { Settings } from '../content/schemas/settings';
import { loadSettings } from '../content/settings';
import { hubLocale, writerLocale, type Locale } from '../content/i18n';
import { isoDate } from '../content/format';
import { inboxFolder, readInboxFiles } from '../content/inbox';
import type { StageId } from '../content/stages';
import { ledgerFolder, readLedger } from '../content/ledger';
import { hubBallots, type HubBallot } from './ballots';
import { progressAsOf, type ActivityData, type Progress } from './campaigns';
import { listeningOf, type Listening } from './listening';
import { forgetAll, isPreview, perBuild, perVersion } from './memo';
import { dependentsOf, restoreOrder, restoreSchedule, tierChanges, type Dependent, type RestoreSlot, type TierChange } from './systems';
import { tierOf, type Tier } from '../content/tiers';
import { hubWarnings } from '../checks/check-hub';
import { formatProblem } from '../content/problems';

export type Kind = WritingKind;

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

/** A campaign's activity, with the paper or case study that reports on it. */
export interface Activity extends ActivityData {
	stage: StageId;
	/** Its id on the campaign's page, from its stage and date: `try-2026-11-12`, then `-2` for a second that day. */
	anchor: string;
	segments: string[];
	entry?: PaperItem | CaseStudyItem | undefined;
}
export type CampaignItem = Item<'campaign', 'campaigns'> & {
	owner: Author;
	businessValue: string;
	/** Where it stands as of the build; once `finished` (past its end date), it is listed below the live campaigns. */
	progress: Progress<Activity>;
};
export type AnyItem = PaperItem | CaseStudyItem | MetricItem | NewsletterItem | CampaignItem;

/** A business system, in the business's words, with when it comes back after an outage. */
export interface SystemItem {
	id: string;
	/** Route relative to the site's base: `systems/web-shop/`. */
	path: string;
	/** The business name. */
	name: string;
	/** What it does for the business, in one sentence. */
	does: string;
	technical: string;
	owner: Author;
	tier: Tier;
	/** Whether the list sets the tier (otherwise it follows from the shortest wait). */
	tierSet: boolean;
	/** How long its restore takes once what it runs on is back (milliseconds). */
	takes: number;
	/** Who depends on it, who can wait least first. */
	dependents: Dependent[];
	/** Segments among its dependents: its page, feed items and email go to them. */
	segments: string[];
	metrics: string[];
	dependsOn: string[];
	/** Newest first. */
	incidents: { date: Date; lasted: number; felt: string }[];
	/** Oldest first. */
	changes: TierChange[];
	/** When it is back after a site-wide outage; listed systems only (a draft is never waited for). */
	restore?: RestoreSlot | undefined;
	/** The day it joined the list. */
	date: Date;
	updated?: Date | undefined;
	status: Visibility;
	entry: CollectionEntry<'systems'>;
}

/** What a colleague said, published under the publication rule (dated by `date`). */
export interface Testimonial {
	id: string;
	quote: string;
	name: string;
	role: string;
	segment: string;
	date: Date;
	campaign?: string | undefined;
}

export interface Hub {
	/** Hub-wide settings from `content/hub.yaml`. */
	settings: Settings;
	/** The hub's words and formats in its language (`language` in hub.yaml, `content/i18n/`). */
	locale: Locale;
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
	campaigns: CampaignItem[];
	/** Published testimonials, newest first. */
	testimonials: Testimonial[];
	/** Systems that have a page, in the order they come back (listed ones first); `listedSystems()` for lists. */
	systems: SystemItem[];
	/** Entries for lists, feeds, search, the sitemap and email: live ones only, newest first. */
	listed: AnyItem[];
	/** Every `<Metric>`/`<MetricValue>` in an MDX body, found once while checking (for backlinks: `citedBy`). */
	metricUsages: MetricUsage[];
	/** Every ballot with its tally, newest first. Counts only: who voted is never kept here. */
	ballots: HubBallot[];
	/** What came back through the editors' mailbox (`content/inbox/`); never published beyond counts and questions. */
	listening: Listening<PaperItem | CaseStudyItem>;
}

export const newestFirst = (a: Pick<Listing, 'date' | 'id'>, b: Pick<Listing, 'date' | 'id'>) =>
	b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id);
const ids = (refs: readonly Reference[]) => refs.map((ref) => ref.id);

/** Every file of the hub, valid or not, as the id checks need them (Astro keeps one entry per id). */
function foundFiles(): FoundFile[] {
	const root = contentDir();
	const files: FoundFile[] = FILE_COLLECTIONS.flatMap((collection) =>
		fs
			.globSync(collectionPattern(collection), { cwd: path.join(root, collection) })
			// Sorted, so "already uses it" names the same first file as the linter does.
			.sort()
			.map((file) => path.join(root, collection, file))
			.map((file) => ({ collection, id: idFromFile(file), file: displayPath(file) })),
	);
	const topicsFile = path.join(root, TOPICS_FILE);
	const list: unknown = fs.existsSync(topicsFile) ? parseYaml(fs.readFileSync(topicsFile, 'utf8')) : [];
	const topics = (Array.isArray(list) ? list : []).map((topic: { id?: unknown }) => ({
		collection: 'topics' as const,
		id: String(topic.id),
		file: displayPath(topicsFile),
	}));
	return [...files, ...topics];
}

/** What the loader derived from an MDX body at content sync (src/content/loader.ts). */
export const bodyFacts = (entry: { rendered?: { metadata?: unknown } | undefined }): BodyFacts | undefined =>
	(entry.rendered?.metadata as RenderedMetadata | undefined)?.facts;

/** What the hub is made from: the files of the content folder and the entries Astro's content layer holds for them. */
async function readContent() {
	const files = foundFiles();
	// A hub need not use every kind (campaigns, testimonials); Astro warns on every build when asked
	// for a collection with no entries, so a kind without files is not asked for.
	const entriesOf = <C extends CollectionKey>(collection: C) =>
		files.some((file) => file.collection === collection) ? getCollection(collection) : Promise.resolve<CollectionEntry<C>[]>([]);
	const [papers, caseStudies, metrics, newsletters, campaigns, testimonials, systems, segments, topics, authors, ballots] =
		await Promise.all([
			entriesOf('papers'),
			entriesOf('case-studies'),
			entriesOf('metrics'),
			entriesOf('newsletters'),
			entriesOf('campaigns'),
			entriesOf('testimonials'),
			entriesOf('systems'),
			entriesOf('segments'),
			entriesOf('topics'),
			entriesOf('authors'),
			entriesOf('ballots'),
		]);
	return { files, papers, caseStudies, metrics, newsletters, campaigns, testimonials, systems, segments, topics, authors, ballots };
}

type Content = Awaited<ReturnType<typeof readContent>>;

function load(content: Content): Hub {
	const now = buildTime();
	const preview = isPreview();
	const { files, papers, caseStudies, metrics, newsletters, campaigns, testimonials, systems, segments, topics, authors, ballots } =
		content;

	const status = new Map<string, Visibility>();
	const key = (collection: string, id: string) => `${collection}/${id}`;
	for (const e of [...papers, ...caseStudies, ...metrics, ...newsletters, ...campaigns, ...testimonials, ...systems]) {
		status.set(key(e.collection, e.id), statusOf(e.collection, e.data, now)!);
	}

	const settings = loadSettings();
	const locale = hubLocale();
	const all = [
		...papers,
		...caseStudies,
		...metrics,
		...newsletters,
		...campaigns,
		...testimonials,
		...systems,
		...segments,
		...topics,
		...authors,
		...ballots,
	];
	const usages: MetricUsage[] = [];
	const entries: CheckedEntry[] = all.map((e) => {
		const file = e.filePath ?? e.id;
		const body = bodyFacts(e);
		usages.push(...(body?.metrics ?? []).map((citation) => ({ ...citation, collection: e.collection, entryId: e.id, file })));
		return {
			collection: e.collection,
			kind: kindOf(e.collection),
			id: e.id,
			file,
			data: e.data,
			body,
		};
	});
	// Advice first: a build that then fails on errors still says it, as the linter does.
	const writer = writerLocale();
	for (const warning of locateProblems(hubWarnings({ entries })))
		console.warn(writer.t('problem.advice', { problem: formatProblem(warning, writer) }));
	const inbox = readInboxFiles();
	assertNoProblems(
		locateProblems([
			...inbox.problems,
			...checkHub({ files, entries, criticalLimit: settings.criticalLimit, now, preview, inbox: inbox.files }),
		]),
	);

	const authorById = new Map(authors.map((a) => [a.id, a]));
	const reading = (entry: CollectionEntry<'papers' | 'case-studies'>): Reading => {
		const words = bodyFacts(entry)?.words ?? 0;
		return {
			author: referenced(authorById.get(entry.data.author.id), { file: entry.filePath ?? entry.id, field: 'author' }, entry.data.author),
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

	const writing = new Map<string, PaperItem | CaseStudyItem>([...paperItems, ...caseItems].map((i) => [key(i.entry.collection, i.id), i]));
	const campaignItems: CampaignItem[] = campaigns.map((entry) => {
		const { data } = entry;
		const anchors = new Map<string, number>();
		const anchor = (stage: StageId, date: Date) => {
			const base = `${stage}-${isoDate(date)}`;
			const count = (anchors.get(base) ?? 0) + 1;
			anchors.set(base, count);
			return count === 1 ? base : `${base}-${count}`;
		};
		const stages = data.stages.map(({ stage, goal, activities }) => ({
			stage,
			goal,
			activities: activities.map((activity): Activity => {
				const ref = activity.paper ?? activity.caseStudy;
				const report = ref && writing.get(key(ref.collection, ref.id));
				return {
					anchor: anchor(stage, activity.date),
					title: activity.title,
					date: activity.date,
					status: activity.status,
					stage,
					segments: ids(activity.segments),
					// A report written ahead (checks allow it scheduled) is linked, in pages and feeds, once it is published.
					entry: report && hasPage(report.status, preview) ? report : undefined,
				};
			}),
		}));
		return {
			kind: 'campaign',
			id: entry.id,
			path: paths.campaign(entry.id),
			title: data.title,
			summary: data.summary,
			date: data.start,
			segments: ids(data.segments),
			topics: ids(data.topics),
			status: status.get(key(entry.collection, entry.id))!,
			entry,
			owner: referenced(authorById.get(data.owner.id), { file: entry.filePath ?? entry.id, field: 'owner' }, data.owner),
			businessValue: data.businessValue,
			progress: progressAsOf({ stages, end: data.end }, now),
		};
	});

	const byKey = new Map<string, Listing>(
		[...paperItems, ...caseItems, ...metricItems, ...campaignItems].map((i) => [key(i.entry.collection, i.id), i]),
	);
	const newsletterItems: NewsletterItem[] = newsletters.map((entry) => {
		// An item the preview could not read is left out of the audiences here; its page says why (issueEntries).
		const featured = entry.data.items.flatMap((item) => {
			const ref = itemRef(item);
			return byKey.get(key(ref.collection, ref.id)) ?? [];
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

	const segmentName = new Map(segments.map((segment) => [segment.id, segment.data.name]));
	const systemItems: SystemItem[] = systems
		.map((entry): SystemItem => {
			const { data } = entry;
			const dependents = dependentsOf(data, (id) => segmentName.get(id) ?? id);
			return {
				id: entry.id,
				path: paths.system(entry.id),
				name: data.name,
				does: data.does,
				technical: data.technical,
				owner: referenced(authorById.get(data.owner.id), { file: entry.filePath ?? entry.id, field: 'owner' }, data.owner),
				tier: tierOf(data),
				tierSet: data.restore.tier !== undefined,
				takes: data.restore.takes,
				dependents,
				segments: [...new Set(dependents.flatMap((d) => (d.segment ? [d.segment] : [])))],
				metrics: ids(data.metrics),
				dependsOn: ids(data.dependsOn),
				incidents: [...data.incidents].sort((a, b) => b.date.getTime() - a.date.getTime()),
				changes: tierChanges(data),
				date: data.published,
				updated: data.updated,
				status: status.get(key(entry.collection, entry.id))!,
				entry,
			};
		})
		.filter((system) => hasPage(system.status, preview));
	const listedNow = systemItems.filter((system) => isListed(system.status, preview));
	const schedule = restoreSchedule(listedNow.map(({ id, tier, takes, dependsOn }) => ({ id, tier, takes, dependsOn })));
	for (const system of listedNow) system.restore = schedule.get(system.id);

	const withPage = <T extends Listing>(items: T[]) => items.filter((i) => hasPage(i.status, preview)).sort(newestFirst);
	const listening = listeningOf(
		inbox.files.flatMap((file) => file.records),
		new Map(
			[...withPage(paperItems), ...withPage(caseItems)].flatMap((item) =>
				item.entry.data.answers ? [[item.entry.data.answers, item] as const] : [],
			),
		),
	);
	const hub: Hub = {
		settings,
		locale,
		now,
		preview,
		segments: segments.sort((a, b) => a.data.order - b.data.order || a.data.name.localeCompare(b.data.name)),
		topics: topics.sort((a, b) => a.data.name.localeCompare(b.data.name)),
		authors: authors.sort((a, b) => a.data.name.localeCompare(b.data.name)),
		papers: withPage(paperItems),
		caseStudies: withPage(caseItems),
		metrics: withPage(metricItems),
		newsletters: withPage(newsletterItems),
		campaigns: withPage(campaignItems),
		testimonials: testimonials
			.filter((t) => isListed(status.get(key(t.collection, t.id))!, preview))
			.map(({ id, data }) => ({ id, ...data, segment: data.segment.id, campaign: data.campaign?.id }))
			.sort(newestFirst),
		systems: systemItems.sort(restoreOrder),
		listed: [],
		metricUsages: usages,
		listening,
		ballots: hubBallots(ballots, { picks: listening.picks, ledger: readLedger(), now, limit: settings.criticalLimit }),
	};
	hub.listed = [...hub.papers, ...hub.caseStudies, ...hub.metrics, ...hub.newsletters, ...hub.campaigns]
		.filter((i) => isListed(i.status, preview))
		.sort(newestFirst);
	return hub;
}

/**
 * The preview's watcher: Vite evaluates this module again whenever Astro's content layer has
 * changed (it imports `astro:content`, whose store is reloaded), so what was worked out from the
 * content before is forgotten here. `hub.yaml`, the contacts and the inbox are read outside the
 * content layer, and publication depends on the time: `loadHub()` checks those itself.
 */
if (isPreview()) forgetAll();

/** In the preview: what the hub also depends on: `hub.yaml`, the contacts and the inbox (by modification time), and the minute. */
function previewStamp(): string {
	const modified = (file: string) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
	// The inbox and the send ledger (read for ballots' turnout) are outside Astro's content layer.
	const folderStamps = (folder: string) =>
		(fs.existsSync(folder) ? fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort() : []).map(
			(file) => `${file} ${modified(path.join(folder, file))}`,
		);
	return [
		modified(path.join(contentDir(), 'hub.yaml')),
		modified(contactsPath()),
		...folderStamps(inboxFolder()),
		...folderStamps(ledgerFolder()),
		Math.floor(buildTime().getTime() / 60_000),
	].join('\n');
}

/**
 * The hub's content, loaded and checked once per build, and in the preview once per change of the
 * content (so a page view reuses it and an edit shows on the next one).
 */
export function loadHub(): Promise<Hub> {
	const make = async () => load(await readContent());
	return isPreview() ? perVersion(previewStamp(), 'hub', make) : perBuild('hub', make);
}

/** The contacts list (`contacts.yaml`), read and checked once per build: pages show only how many follow an audience. */
export const hubContacts = (): Promise<Contact[]> => {
	const make = () => loadContacts();
	return isPreview() ? perVersion(previewStamp(), 'contacts', make) : perBuild('contacts', make);
};

/** The images stored beside entries that have a page, once each: the site serves these and no others. */
export function entryImages(hub: Pick<Hub, 'papers' | 'caseStudies' | 'newsletters' | 'campaigns'>): EntryImage[] {
	const images = [...hub.papers, ...hub.caseStudies, ...hub.newsletters, ...hub.campaigns].flatMap(
		(item) => bodyFacts(item.entry)?.images ?? [],
	);
	return [...new Map(images.map((image) => [image.name, image])).values()];
}

/** Listed entries addressed to a segment, newest first. */
export const forSegment = (hub: Hub, segmentId: string): AnyItem[] => hub.listed.filter((i) => i.segments.includes(segmentId));

/** Listed entries filed under a topic, newest first. */
export const forTopic = (hub: Hub, topicId: string): AnyItem[] => hub.listed.filter((i) => i.topics.includes(topicId));

/** Only the listed entries of one kind. */
export const listedOf = <K extends Kind>(hub: Pick<Hub, 'listed'>, kind: K): Extract<AnyItem, { kind: K }>[] =>
	hub.listed.filter((i): i is Extract<AnyItem, { kind: K }> => i.kind === kind);

/** Listed papers, case studies and issues filed under a campaign, by stage, newest first. */
export function filedUnder(hub: Hub, campaignId: string): Map<StageId, (PaperItem | CaseStudyItem | NewsletterItem)[]> {
	const filed = hub.listed.filter(
		(i): i is PaperItem | CaseStudyItem | NewsletterItem =>
			(i.kind === 'paper' || i.kind === 'case-study' || i.kind === 'newsletter') && i.entry.data.campaign?.id === campaignId,
	);
	return Map.groupBy(
		filed.filter((i) => i.entry.data.stage !== undefined),
		(i) => i.entry.data.stage!,
	);
}

/** Listed campaigns that are not finished, newest first; finished ones follow in `finishedCampaigns`. */
export const liveCampaigns = (hub: Hub): CampaignItem[] => listedOf(hub, 'campaign').filter((c) => !c.progress.finished);
export const finishedCampaigns = (hub: Hub): CampaignItem[] => listedOf(hub, 'campaign').filter((c) => c.progress.finished);

/** Systems in lists, timelines, audience pages and feeds (live ones; in the preview, drafts too), in the order they come back. */
export const listedSystems = (hub: Pick<Hub, 'systems' | 'preview'>): SystemItem[] =>
	hub.systems.filter((system) => isListed(system.status, hub.preview));

/** The listed systems an audience depends on, in the order they come back. */
export const systemsFor = (hub: Pick<Hub, 'systems' | 'preview'>, segmentId: string): SystemItem[] =>
	listedSystems(hub).filter((system) => system.segments.includes(segmentId));
