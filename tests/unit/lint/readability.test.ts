import { describe, expect, it } from 'vitest';
import { paper, runRule } from './helpers';

const plain = 'Tills are faster now. Queues are short. Shoppers stay. We sell more.';
const dense =
	'Notwithstanding considerable organisational complexity, the comprehensive modernisation of infrastructural capabilities necessitated substantial investment, extensive consultation with multidisciplinary stakeholders, and meticulous operational coordination throughout the implementation.';

describe('readability', () => {
	it('passes plain prose', () => {
		expect(runRule('readability', paper(plain))).toEqual([]);
	});

	it('reports dense prose at the paragraph with the longest sentence, with score and target', () => {
		const [found, ...rest] = runRule('readability', paper(`${plain}\n\n${dense}`));
		expect(rest).toEqual([]);
		expect(found).toMatchObject({ line: 12, column: 1 });
		expect(found!.message).toMatch(/^Reading ease is -?\d+; writing on the hub needs 40 or more$/);
		expect(found!.suggestion).toContain('the longest, in this paragraph, has 25');
	});

	it('applies the strictest target among the entry’s segments', () => {
		const medium = 'The new tills take card payments faster, so customers spend less time waiting at the counter in busy periods.';
		const options = { default: 10, segments: { executives: 90, finance: 20 } };
		const source = paper(medium).replace('segments: [executives]', 'segments: [finance, executives]');
		expect(runRule('readability', source, { options }).map((f) => f.message)).toEqual([
			expect.stringMatching(/writing for executives needs 90 or more$/) as string,
		]);
		expect(runRule('readability', source.replace('finance, executives', 'finance'), { options })).toEqual([]);
	});
});
