/**
 * The files of records the linter does not read as writing, the contacts file and the inbox
 * records, in its report: the same checks as the build and the commands that write them,
 * reported under the `schema` rule like every other content problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contactsPath, readContacts } from '../../checks/contacts.ts';
import { locateProblems } from '../../content/locate.ts';
import { formatProblem, type Problem } from '../../content/problems.ts';
import type { Locale } from '../../content/i18n/locale.ts';
import type { FileReport } from './runner.ts';

/** One file's problems as a report, each said by the hub's one formatter without the file name. */
function problemReport(file: string, absolute: string, problems: readonly Problem[], locale: Locale): FileReport {
	return {
		file,
		path: absolute,
		source: fs.readFileSync(absolute, 'utf8'),
		messages: problems
			.map((problem) => ({
				ruleId: 'schema',
				severity: 'error' as const,
				line: problem.line ?? 1,
				column: 1,
				message: formatProblem({ ...problem, line: undefined }, locale)
					.slice(problem.file.length)
					.trim(),
			}))
			.sort((a, b) => a.line - b.line),
	};
}

/** Reports for the record files with problems (`content/inbox/<year>.yaml`), one per file. */
export function recordReports(problems: readonly Problem[], locale: Locale): FileReport[] {
	const byFile = Map.groupBy(locateProblems(problems), (problem) => problem.file);
	return [...byFile].map(([file, found]) => problemReport(file, path.resolve(file), found, locale));
}

/** The report for `contacts.yaml`, or none when the hub has no list. */
export async function contactsReport(root: string, locale: Locale): Promise<FileReport | undefined> {
	const absolute = contactsPath(root);
	if (!fs.existsSync(absolute)) return undefined;
	const { file, problems } = await readContacts(root);
	return problemReport(file, absolute, problems, locale);
}
