/**
 * The one place that decides whether a hub's content is valid across files. The build
 * (`loadHub()`) and the linter (`npm run lint:content`) both call `checkHub()`, each with what it
 * read, so they fail on the same problems in the same words. Each file's own validity (syntax,
 * schema, what its MDX body may hold) is checked as it is read, by the same functions in both.
 */
import type { InboxFile } from '../content/inbox';
import { kindOf, routeOf, type CollectionName, type WritingKind } from '../content/kinds';
import { phrase, quote, type Problem } from '../content/problems';
import { statusOf, type Visibility } from '../content/publication';
import type { BodyLink, MetricCitation } from '../content/render/render-mdx';
import { ballotProblems, type BallotMarks, type ChosenMarks } from './ballots';
import { baselineProblems, filingProblems } from './campaigns';
import { inboxProblems } from './inbox';
import { duplicateNumberProblems, idProblems } from './integrity';
import { hubRoutes, linkProblem } from './links';
import { criticalProblems, metricUsageProblems, type CriticalMarks, type MetricUsage } from './metrics';
import { checkReferences, type Reference, type ReferenceCheck } from './references';
import { systemProblems, systemWarnings, type CheckedSystem } from './systems';

/** One file (or, for `topics.yaml`, one item) the hub found, valid or not: ids must be unique and URL-safe. */
export interface FoundFile {
	collection: CollectionName;
	id: string;
	/** Path relative to the working directory, as messages print it. */
	file: string;
}

/** An entry whose data passed its schema. */
export interface CheckedEntry extends FoundFile {
	/** The kind of writing, for entries that are writing. */
	kind?: WritingKind | undefined;
	data: Record<string, unknown>;
	/** What the MDX body cites and links to. */
	body?: { metrics: readonly MetricCitation[]; links: readonly BodyLink[] } | undefined;
}

export interface HubInput {
	files: readonly FoundFile[];
	entries: readonly CheckedEntry[];
	criticalLimit: number;
	/** The moment the publication rule is applied at. */
	now: Date;
	/** `npm run dev` shows drafts, so links and references to them are fine there. */
	preview?: boolean;
	/** The inbox records (`content/inbox/`), read and schema-checked. Default: none. */
	inbox?: readonly InboxFile[];
}

/**
 * Feed files a segment id must not take: `/feeds/<segment>.xml` sits beside the hub's own feeds.
 * Topic feeds live in `/feeds/topics/`, so only segments can clash.
 */
const RESERVED_SEGMENT_IDS = ['all'];

const key = (ref: Reference) => `${ref.collection}/${ref.id}`;

/** The earliest date of a metric's validated series. */
const firstDate = (series: unknown): Date | undefined =>
	(series as { date: Date }[]).map((point) => point.date).reduce<Date | undefined>((a, b) => (a && a < b ? a : b), undefined);
const isWriting = (entry: CheckedEntry): entry is CheckedEntry & { kind: WritingKind } => entry.kind !== undefined;

const systemsOf = (input: Pick<HubInput, 'entries'>) =>
	input.entries.filter((entry) => entry.collection === 'systems') as unknown as CheckedSystem[];

/**
 * Advice across the hub's files: it does not fail the build, which prints it, and the linter
 * reports it as warnings, in the same words.
 */
export function hubWarnings(input: Pick<HubInput, 'entries'>): Problem[] {
	return systemWarnings(systemsOf(input));
}

/** Every problem across the hub's files, in the order of the files. */
export function checkHub(input: HubInput): Problem[] {
	const status = new Map<string, Visibility | undefined>();
	for (const entry of input.entries) status.set(key(entry), statusOf(entry.collection, entry.data, input.now));
	const published = (ref: Reference) => {
		const s = status.get(key(ref));
		return s === undefined || s === 'live' || s === 'archived';
	};
	const byCollection = Map.groupBy(input.files, (file) => file.collection);
	// Every file that exists counts as a target, valid or not: a broken file is reported once, on its
	// own, not again in every entry that refers to it as if it were missing.
	const ids = new Map<string, string[]>(
		[...byCollection].map(([collection, files]) => [collection, [...new Set(files.map((file) => file.id))]]),
	);
	const check: ReferenceCheck = {
		ids: (c) => ids.get(c) ?? [],
		isPublic: (ref) => Boolean(input.preview) || published(ref),
		isScheduled: (ref) => status.get(key(ref)) === 'scheduled',
	};

	const usages: MetricUsage[] = input.entries.flatMap((entry) =>
		(entry.body?.metrics ?? []).map((citation) => ({ ...citation, collection: entry.collection, entryId: entry.id, file: entry.file })),
	);
	const routeOfEntry = (entry: CheckedEntry & { kind: WritingKind }) =>
		routeOf(entry.kind, entry.id, typeof entry.data.number === 'number' ? entry.data.number : undefined);
	// Likewise a page whose file could not be read still exists: a link to it is not reported too.
	// (An issue's page is named by its number, which only a readable file gives.)
	const unread = input.files.flatMap((file) => {
		const kind = kindOf(file.collection);
		return kind && kind !== 'newsletter' && !status.has(key(file)) ? [{ route: routeOf(kind, file.id), status: undefined }] : [];
	});
	const routes = hubRoutes(
		[...input.entries.filter(isWriting).map((entry) => ({ route: routeOfEntry(entry), status: status.get(key(entry)) })), ...unread],
		{ segments: check.ids('segments'), topics: check.ids('topics'), authors: check.ids('authors') },
	);

	const firstReadings = new Map(
		input.entries.filter((entry) => entry.collection === 'metrics').map((metric) => [metric.id, firstDate(metric.data.series)] as const),
	);

	return [
		...[...byCollection.values()].flatMap((files) => idProblems(files)),
		...(byCollection.get('segments') ?? [])
			.filter((segment) => RESERVED_SEGMENT_IDS.includes(segment.id))
			.map((segment) => ({
				file: segment.file,
				field: 'id',
				expected: phrase('problem.segment.reserved', { names: RESERVED_SEGMENT_IDS.map((id) => `"${id}"`).join(', ') }),
				found: quote(segment.id),
			})),
		...checkReferences(
			input.entries.map((entry) => ({ ...entry, filePath: entry.file })),
			check,
		),
		...metricUsageProblems(usages, check),
		...criticalProblems(
			input.entries
				.filter((entry) => entry.collection === 'metrics')
				.map((metric) => ({ id: metric.id, filePath: metric.file, data: metric.data as unknown as CriticalMarks['data'] })),
			check.ids('segments'),
			input.criticalLimit,
		),
		...ballotProblems(
			input.entries.filter((entry) => entry.collection === 'ballots') as unknown as BallotMarks[],
			input.entries.filter((entry) => entry.collection === 'metrics') as unknown as ChosenMarks[],
			input.inbox,
		),
		...filingProblems(
			input.entries.filter((entry) => entry.kind === 'paper' || entry.kind === 'case-study' || entry.kind === 'newsletter'),
		),
		...baselineProblems(
			input.entries.filter((entry) => entry.collection === 'campaigns'),
			(metricId) => firstReadings.get(metricId),
		),
		...systemProblems(systemsOf(input)),
		...inboxProblems(input.inbox ?? [], {
			ids: check.ids,
			issues: input.entries.filter((entry) => entry.collection === 'newsletters').map((issue) => Number(issue.data.number)),
			answers: input.entries.flatMap((entry) =>
				typeof entry.data.answers === 'string' ? [{ file: entry.file, id: entry.data.answers }] : [],
			),
		}),
		...duplicateNumberProblems(
			input.entries
				.filter((entry) => entry.collection === 'newsletters')
				.map((issue) => ({ number: Number(issue.data.number), file: issue.file })),
		),
		...input.entries.filter(isWriting).flatMap((entry) =>
			(entry.body?.links ?? []).flatMap((link): Problem[] => {
				const found = linkProblem(link.href, routeOfEntry(entry), routes, !input.preview && published(entry));
				return found ? [{ file: entry.file, line: link.line, column: link.column, field: 'link', ...found }] : [];
			}),
		),
	];
}
