import { describe, expect, it } from 'vitest';
import { paper, runRule, words } from './helpers';

const hub = {
	systems: [
		{ id: 'web-shop', name: 'The web shop', technical: 'Magento 2.4', segments: ['executives'] },
		{ id: 'payroll', name: 'Payroll', technical: 'ADP', segments: ['finance'] },
	],
	segments: new Map([
		['executives', { name: 'Executives', detail: 'headline' as const }],
		['finance', { name: 'Finance', detail: 'detail' as const }],
	]),
};

describe('audience-fit', () => {
	it('passes a short paper for a headline audience that names a system they depend on', () => {
		expect(runRule('audience-fit', paper(words(200), 'systems: [web-shop]\n'), { hub })).toEqual([]);
		expect(runRule('audience-fit', paper(`${words(200)} The web shop stays open.`), { hub })).toEqual([]);
		expect(runRule('audience-fit', paper(`${words(200)}\n\n<Metric id="checkout-availability" />`), { hub })).toEqual([]);
	});

	it('advises cutting a headline paper past 250 words', () => {
		const found = runRule('audience-fit', paper(words(280), 'systems: [web-shop]\n'), { hub });
		expect(found).toEqual([
			expect.objectContaining({
				line: 11,
				message: 'The paper has 280 words of prose; Executives want the headline, in 250 words or fewer',
				suggestion: expect.stringContaining('cut about 30 words') as string,
			}),
		]);
		expect(runRule('audience-fit', paper(words(280), 'systems: [web-shop]\n'), { hub, options: { headlineWords: 300 } })).toEqual([]);
	});

	it("advises citing a metric or one of the audience's systems, at the segments field", () => {
		const found = runRule('audience-fit', paper(words(200), 'systems: [payroll]\n'), { hub });
		expect(found).toEqual([
			expect.objectContaining({
				line: 5,
				message: 'The paper cites no metric and no system Executives depend on; they judge a paper by what it means for what they run',
				suggestion: 'cite a metric (<Metric id="…" />) or say what it means for the web shop and list it in systems: [web-shop]',
			}),
		]);
	});

	it('leaves papers for audiences that want detail alone', () => {
		const forFinance = paper(words(400)).replace('segments: [executives]', 'segments: [finance]');
		expect(runRule('audience-fit', forFinance, { hub })).toEqual([]);
	});
});
