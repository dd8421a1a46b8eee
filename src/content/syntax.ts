/**
 * Files that do not parse, said in the hub's one shape (file:line:col, expected, found) by the
 * build's loader and the linter alike.
 */
import { parseDocument } from 'yaml';
import { phrase, type Phrase, type Problem } from './problems';
import { lineIndex } from './source';

/**
 * YAML as data, or the problems that stop it parsing. `yaml` starts at `offset` in `source` (after
 * an MDX file's `---`), so positions are the file's.
 */
export function readYaml(yaml: string, file: string, source = yaml, offset = 0): { data: unknown; problems: Problem[] } {
	const document = parseDocument(yaml, { prettyErrors: false });
	if (document.errors.length === 0) return { data: document.toJS(), problems: [] };
	const position = lineIndex(source);
	const problems = document.errors.map((error) => ({
		file,
		...position(offset + error.pos[0]),
		expected: phrase('problem.yaml.hint'),
		found: error.message.split('\n')[0]!,
	}));
	return { data: undefined, problems };
}

/** An error from the MDX parser or compiler, which says where it is as `line` and `column`. */
export function mdxProblem(error: unknown, file: string, expected: Phrase = phrase('problem.mdx')): Problem {
	const message = error as { line?: number; column?: number; reason?: string; message?: string };
	return {
		file,
		line: message.line ?? 1,
		column: message.column ?? 1,
		field: 'body',
		expected,
		found: message.reason ?? message.message ?? String(error),
	};
}
