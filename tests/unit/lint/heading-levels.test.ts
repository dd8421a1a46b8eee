import { describe, expect, it } from 'vitest';
import { paper, runRule } from './helpers';

describe('heading-levels', () => {
	it('passes headings that go down one level at a time', () => {
		expect(runRule('heading-levels', paper('## What changes\n\n### In stores\n\n## What it costs'))).toEqual([]);
	});

	it('reports an h1 in the body, because the title is the h1', () => {
		expect(runRule('heading-levels', paper('Intro.\n\n# Big heading'))).toMatchObject([
			{ line: 12, column: 1, end: '12:14', message: "The body has a level-1 heading, but the title is already the page's h1" },
		]);
	});

	it('reports a skipped level with the level to use', () => {
		expect(runRule('heading-levels', paper('## Why\n\n#### Detail'))).toMatchObject([
			{ line: 12, column: 1, message: 'The heading skips from level 2 to level 4', suggestion: 'use ### here' },
		]);
		expect(runRule('heading-levels', paper('### Too deep first'))).toMatchObject([
			{ line: 10, column: 1, message: 'The heading skips from level 1 to level 3' },
		]);
	});
});
