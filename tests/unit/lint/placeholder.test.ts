import { describe, expect, it } from 'vitest';
import { paper, runRule } from './helpers';

describe('placeholder', () => {
	it('passes finished writing', () => {
		expect(runRule('placeholder', paper('All done, and nothing to do.'))).toEqual([]);
	});

	it('reports TODO left in a frontmatter field and in the body, at the word', () => {
		const source = paper('We will say more. TODO: the costs.', 'department: "TODO: the department"\n');
		expect(runRule('placeholder', source)).toMatchObject([
			{ line: 8, column: 14, end: '8:18', message: 'Placeholder "TODO" left in the department field' },
			{ line: 11, column: 19, end: '11:23', message: 'Placeholder "TODO" left in the body' },
		]);
	});

	it('finds TODO in any field of a metric', () => {
		expect(runRule('placeholder', 'title: "Orders"\ntechnical: "TODO: the measure"\n', { kind: 'metric' })).toMatchObject([
			{ line: 2, column: 13 },
		]);
	});

	it('ignores notes in MDX comments and takes its markers from the options', () => {
		expect(runRule('placeholder', paper('{/* TODO later */}\n\nFIXME: numbers.'))).toEqual([]);
		expect(runRule('placeholder', paper('FIXME: numbers.'), { options: { markers: ['FIXME'] } })).toMatchObject([{ line: 10, column: 1 }]);
	});
});
