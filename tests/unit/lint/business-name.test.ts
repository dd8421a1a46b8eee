import { describe, expect, it } from 'vitest';
import { paper, runRule } from './helpers';

const hub = {
	systems: [
		{ id: 'web-shop', name: 'The web shop', technical: 'Magento 2.4', segments: ['executives'] },
		{ id: 'crm', name: 'Customer records', technical: 'Salesforce', segments: ['superusers'] },
	],
};

describe('business-name', () => {
	it("suggests the business name where a paper uses a system's technical name", () => {
		const found = runRule('business-name', paper('We moved Magento 2.4 to a faster server before Black Friday.'), { hub });
		expect(found).toEqual([
			expect.objectContaining({
				line: 10,
				column: 10,
				end: '10:21',
				message: '"Magento 2.4" is what IT calls the web shop; readers know it by its business name',
				suggestion: 'write "the web shop" (the first mention may give both: "the web shop (Magento 2.4)")',
			}),
		]);
	});

	it('lets the first use give both names, and flags the uses after it', () => {
		const body = 'The web shop (Magento 2.4) is faster.\n\nMagento 2.4 now loads pages in a second, and so does SALESFORCE.';
		const found = runRule('business-name', paper(body), { hub });
		expect(found.map((f) => [f.line, f.message.split(' is ')[0]])).toEqual([
			[12, '"Magento 2.4"'],
			[12, '"SALESFORCE"'],
		]);
	});

	it('reads titles and summaries too, and whole words only', () => {
		expect(runRule('business-name', paper('Salesforcey is not a word.', 'systems: []\n'), { hub })).toEqual([]);
		const front = paper('Nothing here.').replace('Faster tills for every store', 'Salesforce for every store');
		expect(runRule('business-name', front, { hub })).toEqual([
			expect.objectContaining({ line: 2, message: expect.stringContaining('"Salesforce" is what IT calls Customer records') as string }),
		]);
	});

	it('says nothing in a hub with no systems', () => {
		expect(runRule('business-name', paper('We moved Magento 2.4.'))).toEqual([]);
	});
});
