import { describe, expect, it } from 'vitest';
import { duplicateNumberProblems, idProblems } from '../../../src/checks/integrity';
import { idFromFile } from '../../../src/content/content-dir';
import { ENGLISH, formatProblem } from '../../../src/content/problems';

describe('idProblems', () => {
	it('accepts kebab-case names used once', () => {
		expect(
			idProblems([
				{ id: 'cloud-files', file: 'a' },
				{ id: 'crm-2026', file: 'b' },
			]),
		).toEqual([]);
	});

	it('rejects names that are not safe in a URL, saying why', () => {
		const [problem] = idProblems([{ id: 'Cloud Files', file: 'content/papers/Cloud Files.mdx' }]);
		expect(formatProblem(problem!, ENGLISH)).toBe(
			'content/papers/Cloud Files.mdx id: expected a name of lower-case letters, digits and single hyphens, because it becomes a URL (rename the file or id); found "Cloud Files"',
		);
	});

	it('names both files when two share an id', () => {
		const problems = idProblems([
			{ id: 'cloud', file: 'content/papers/cloud.mdx' },
			{ id: 'cloud', file: 'content/papers/2026/cloud.mdx' },
		]);
		expect(problems.map((problem) => formatProblem(problem, ENGLISH))).toEqual([
			'content/papers/2026/cloud.mdx id: expected an id used once, but content/papers/cloud.mdx already uses it; found "cloud"',
		]);
	});
});

describe('idFromFile', () => {
	it('is the file name without its extension', () => {
		expect(idFromFile('/hub/content/papers/2026/cloud-files.mdx')).toBe('cloud-files');
		expect(idFromFile('content/segments/finance.yaml')).toBe('finance');
	});
});

describe('duplicateNumberProblems', () => {
	it('reports the second issue that reuses a number', () => {
		const problems = duplicateNumberProblems([
			{ number: 1, file: 'a.mdx' },
			{ number: 2, file: 'b.mdx' },
			{ number: 1, file: 'c.mdx' },
		]);
		expect(problems.map((problem) => formatProblem(problem, ENGLISH))).toEqual([
			'c.mdx number: expected a number no other issue uses, but a.mdx is already issue 1; found 1',
		]);
	});
});
