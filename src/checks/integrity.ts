import { URL_SAFE_ID } from '../content/schemas/common';
import { phrase, quote, type Problem } from '../content/problems';

export interface IdentifiedFile {
	id: string;
	/** Path relative to the project root. */
	file: string;
}

/**
 * The hub names every entry after its file (`content/papers/cloud-files.mdx` is `cloud-files`), and
 * ids become URLs and feed names; two files with one name would silently replace each other.
 */
export function idProblems(files: readonly IdentifiedFile[]): Problem[] {
	const problems: Problem[] = [];
	const seen = new Map<string, string>();
	for (const { id, file } of files) {
		if (!URL_SAFE_ID.test(id)) {
			problems.push({
				file,
				field: 'id',
				expected: phrase('problem.id.name'),
				found: quote(id),
			});
		}
		const first = seen.get(id);
		if (first === undefined) seen.set(id, file);
		else problems.push({ file, field: 'id', expected: phrase('problem.id.once', { first }), found: quote(id) });
	}
	return problems;
}

/** Newsletter issues live at `/newsletter/<number>/`: one number, one issue. */
export function duplicateNumberProblems(issues: readonly { number: number; file: string }[]): Problem[] {
	const seen = new Map<number, string>();
	const problems: Problem[] = [];
	for (const { number, file } of issues) {
		const first = seen.get(number);
		if (first === undefined) seen.set(number, file);
		else
			problems.push({
				file,
				field: 'number',
				expected: phrase('problem.newsletter.numberOnce', { first, number: String(number) }),
				found: String(number),
			});
	}
	return problems;
}
