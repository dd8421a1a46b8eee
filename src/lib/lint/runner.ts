/**
 * Runs the schema checks and every enabled rule over a hub, and positions each finding in its file.
 */
import { paths } from '../paths.ts';
import { formatProblem } from '../problems.ts';
import type { Visibility } from '../publication.ts';
import type { LintConfig } from './config.ts';
import { contactsReport } from './contacts.ts';
import { field, readHub, type HubContent, type HubFile, type WritingEntry } from './entry.ts';
import { routeOf } from './kinds.ts';
import { checkSchemas, statusOf, type LocatedProblem } from './schema.ts';
import { fieldRange } from './source.ts';
import type { HubIndex, LintMessage, Report } from './types.ts';

export interface FileReport {
	/** Path relative to the working directory. */
	file: string;
	/** Absolute path. */
	path: string;
	source: string;
	messages: LintMessage[];
}

function message(file: HubFile, ruleId: string, severity: 'warn' | 'error', report: Report): LintMessage {
	const start = file.position(report.start);
	const end = report.end === undefined ? undefined : file.position(report.end);
	return {
		ruleId,
		severity,
		line: start.line,
		column: start.column,
		endLine: end?.line,
		endColumn: end?.column,
		message: report.message,
		suggestion: report.suggestion,
		fix: report.fix,
	};
}

/** A schema problem, said by the hub's one formatter without the file name the report groups by. */
function schemaMessage({ file, problem, path, severity }: LocatedProblem): LintMessage {
	const range = file.yaml ? fieldRange(file.yaml, path) : undefined;
	const text = formatProblem({ ...problem, line: undefined })
		.slice(problem.file.length)
		.trim();
	return message(file, 'schema', severity, { start: range?.[0] ?? 0, end: range?.[1], message: text });
}

/** Every page of the hub and the status of the entry it shows: what internal links may point at. */
function routesOf(hub: HubContent, status: (entry: WritingEntry) => Visibility | undefined): Map<string, Visibility | undefined> {
	const routes = new Map<string, Visibility | undefined>();
	for (const route of [
		paths.home(),
		paths.papers(),
		paths.caseStudies(),
		paths.metrics(),
		paths.segments(),
		paths.topics(),
		paths.newsletters(),
		paths.search(),
		paths.subscribe(),
		paths.feedAll(),
		paths.opml(),
	]) {
		routes.set(route, undefined);
	}
	for (const entry of hub.entries) routes.set(routeOfEntry(entry), status(entry));
	for (const segment of hub.segments) {
		routes.set(paths.segment(segment.id), undefined);
		routes.set(paths.feedSegment(segment.id), undefined);
	}
	for (const topic of hub.topics.ids) {
		routes.set(paths.topic(topic), undefined);
		routes.set(paths.feedTopic(topic), undefined);
	}
	for (const author of hub.authors) routes.set(paths.author(author.id), undefined);
	return routes;
}

const routeOfEntry = (entry: WritingEntry) => {
	const number = field(entry, 'number');
	return routeOf(entry.kind, entry.id, typeof number === 'number' ? number : undefined);
};

const byPosition = (a: LintMessage, b: LintMessage) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);

/** Lints every file of the hub in `root` (drafts included) as of `now`. */
export async function lintHub(root: string, config: LintConfig, now: Date): Promise<FileReport[]> {
	const hub = readHub(root);
	const schemas = await checkSchemas(hub, now);
	const status = (file: HubFile) => {
		const data = schemas.valid.get(file.path);
		return data ? statusOf(file.collection, data, now) : undefined;
	};
	const index: HubIndex = { routes: routesOf(hub, status) };
	const files = [
		...hub.entries,
		...hub.segments,
		...hub.authors,
		...(hub.topics.file ? [hub.topics.file] : []),
		...(hub.settings ? [hub.settings] : []),
	];
	const messages = new Map<HubFile, LintMessage[]>(files.map((file) => [file, []]));

	for (const file of files) {
		for (const problem of file.syntax)
			messages.get(file)!.push(message(file, 'syntax', 'error', { start: problem.offset, message: problem.message }));
	}
	for (const located of schemas.problems) messages.get(located.file)?.push(schemaMessage(located));
	for (const entry of hub.entries) {
		if (entry.syntax.length > 0) continue;
		for (const { rule, severity, options } of config.rules) {
			if (severity === 'off' || !rule.kinds.includes(entry.kind)) continue;
			rule.check({
				entry,
				route: routeOfEntry(entry),
				status: status(entry),
				options,
				hub: index,
				report: (report) => messages.get(entry)!.push(message(entry, rule.id, severity, report)),
			});
		}
	}
	const contacts = await contactsReport(root);
	return [
		...files.map((file) => ({ file: file.file, path: file.path, source: file.source, messages: messages.get(file)!.sort(byPosition) })),
		...(contacts ? [contacts] : []),
	];
}
