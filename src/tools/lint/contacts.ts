/**
 * The contacts file in the linter's report: the same checks as the build and `npm run send`
 * (`readContacts`), reported under the `schema` rule like every other content problem.
 */
import fs from 'node:fs';
import { contactsPath, readContacts } from '../../checks/contacts.ts';
import { formatProblem } from '../../content/problems.ts';
import type { FileReport } from './runner.ts';

/** The report for `contacts.yaml`, or none when the hub has no list. */
export async function contactsReport(root: string): Promise<FileReport | undefined> {
	const absolute = contactsPath(root);
	if (!fs.existsSync(absolute)) return undefined;
	const { file, problems } = await readContacts(root);
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
				message: formatProblem({ ...problem, line: undefined })
					.slice(problem.file.length)
					.trim(),
			}))
			.sort((a, b) => a.line - b.line),
	};
}
