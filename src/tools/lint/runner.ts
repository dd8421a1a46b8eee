/**
 * Runs the schema checks and every enabled rule over a hub, and positions each finding in its file.
 */
import { routeOf } from '../../content/kinds.ts';
import { formatProblem, type Problem } from '../../content/problems.ts';
import { statusOf } from '../../content/publication.ts';
import { fieldRange, offsetOf } from '../../content/source.ts';
import type { Locale } from '../../content/i18n/locale.ts';
import type { LintConfig } from './config.ts';
import { contactsReport, recordReports } from './contacts.ts';
import { field, readHub, type HubFile, type WritingEntry } from './entry.ts';
import { checkSchemas, type LocatedProblem } from './schema.ts';
import type { LintMessage, Report, RuleHub } from './types.ts';

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
function schemaMessage({ file, problem, path, severity, offset }: LocatedProblem, locale: Locale): LintMessage {
	const range = offset !== undefined ? ([offset, undefined] as const) : file.yaml ? fieldRange(file.yaml, path) : undefined;
	const text = formatProblem({ ...problem, line: undefined }, locale)
		.slice(problem.file.length)
		.trim();
	return message(file, 'schema', severity, { start: range?.[0] ?? 0, end: range?.[1], message: text });
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
	const files = [
		...hub.entries,
		...hub.segments,
		...hub.authors,
		...hub.testimonials,
		...hub.ballots,
		...hub.systems,
		...(hub.topics.file ? [hub.topics.file] : []),
		...(hub.settings ? [hub.settings] : []),
	];
	const messages = new Map<HubFile, LintMessage[]>(files.map((file) => [file, []]));
	const around: RuleHub = {
		systems: hub.systems.flatMap((file) => {
			const data = schemas.valid.get(file.path) as
				{ name: string; technical: string; dependents: { segment?: { id: string } }[] } | undefined;
			if (!data || status(file) !== 'live') return [];
			const segments = data.dependents.flatMap((dependent) => (dependent.segment ? [dependent.segment.id] : []));
			return [{ id: file.id, name: data.name, technical: data.technical, segments }];
		}),
		segments: new Map(
			hub.segments.flatMap((file) => {
				const data = schemas.valid.get(file.path) as { name: string; detail: 'headline' | 'summary' | 'detail' } | undefined;
				return data ? [[file.id, { name: data.name, detail: data.detail }] as const] : [];
			}),
		),
	};

	for (const file of files) {
		const located = (problem: Problem): LocatedProblem => ({
			file,
			problem,
			path: [],
			severity: 'error',
			offset: offsetOf(file.source, problem.line ?? 1, problem.column ?? 1),
		});
		for (const problem of file.syntax) messages.get(file)!.push({ ...schemaMessage(located(problem), config.writer), ruleId: 'syntax' });
		if ('body' in file)
			for (const problem of (file as WritingEntry).body?.problems ?? [])
				messages.get(file)!.push(schemaMessage(located(problem), config.writer));
	}
	for (const located of schemas.problems) messages.get(located.file)?.push(schemaMessage(located, config.writer));
	for (const entry of hub.entries) {
		if (entry.syntax.length > 0) continue;
		for (const { rule, severity, options } of config.rules) {
			if (severity === 'off' || !rule.kinds.includes(entry.kind)) continue;
			rule.check({
				entry,
				route: routeOfEntry(entry),
				status: status(entry),
				options,
				locale: config.locale,
				hub: around,
				report: (report) => messages.get(entry)!.push(message(entry, rule.id, severity, report)),
			});
		}
	}
	const contacts = await contactsReport(root, config.writer);
	return [
		...files.map((file) => ({ file: file.file, path: file.path, source: file.source, messages: messages.get(file)!.sort(byPosition) })),
		...(contacts ? [contacts] : []),
		...recordReports(schemas.records, config.writer),
	];
}
