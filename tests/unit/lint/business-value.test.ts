import { describe, expect, it } from 'vitest';
import { similarity } from '../../../src/content/words';
import { runRule } from './helpers';

const entry = (title: string, value: string) =>
	`---\ntitle: ${JSON.stringify(title)}\nsummary: "A summary of the change."\nbusinessValue: ${JSON.stringify(value)}\nsegments: [executives]\n---\n\nBody.\n`;

describe('business-value', () => {
	it('passes a business value that says what the business gains', () => {
		expect(
			runRule(
				'business-value',
				entry('Moving file shares to the cloud', 'We avoid a £180k server bill and stop one fire wiping out years of work.'),
			),
		).toEqual([]);
	});

	it('reports a business value that restates the title, at the field, with the overlap', () => {
		const found = runRule('business-value', entry('Moving file shares to the cloud', 'Moving our file shares to the cloud.'));
		expect(found).toEqual([
			expect.objectContaining({ line: 4, column: 16, end: '4:54', message: 'The business value repeats the title (100% the same words)' }),
		]);
	});

	it('reports an empty business value', () => {
		const found = runRule('business-value', entry('Moving file shares to the cloud', '  '));
		expect(found).toMatchObject([{ line: 4, column: 16, message: 'The business value is empty' }]);
	});

	it('leaves a missing business value to the schema', () => {
		expect(runRule('business-value', '---\ntitle: "A title"\n---\n\nBody.\n')).toEqual([]);
	});

	it('tunes the threshold with maxSimilarity', () => {
		const source = entry('Cheaper cloud storage', 'Cloud storage that costs us less than our servers did.');
		expect(runRule('business-value', source, { options: { maxSimilarity: 0.5 } })).toEqual([]);
		expect(runRule('business-value', source, { options: { maxSimilarity: 0.1 } })).toHaveLength(1);
	});

	it('measures word overlap without small words or plurals', () => {
		expect(similarity('The costs of the cloud', 'cloud cost')).toBe(1);
		expect(similarity('Faster tills', 'Shorter queues keep customers')).toBe(0);
	});
});
