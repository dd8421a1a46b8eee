import { describe, expect, it } from 'vitest';
import { lintFixture, paper, runRule, words } from './helpers';

describe('paper-length', () => {
	it('passes a paper of 200 to 300 words of prose', () => {
		expect(runRule('paper-length', paper(words(200)))).toEqual([]);
		expect(runRule('paper-length', paper(words(300)))).toEqual([]);
	});

	it('reports a short paper at the start of its body, with how many words to add', () => {
		const [found, ...rest] = runRule('paper-length', paper(words(150)));
		expect(rest).toEqual([]);
		expect(found).toMatchObject({ line: 10, column: 1, message: 'The paper has 150 words of prose; position papers have 200 to 300' });
		expect(found!.suggestion).toContain('add about 50 words');
	});

	it('reports a long paper with how many words to cut', () => {
		const [found] = runRule('paper-length', paper(words(342)));
		expect(found).toMatchObject({ line: 10, column: 1 });
		expect(found!.suggestion).toContain('cut about 42 words');
	});

	it('counts prose only: code, components and expressions do not count', () => {
		const body = `${words(190)}\n\n\`\`\`\n${words(50, 'code')}\n\`\`\`\n\n<Metric id="till-speed" caption="${words(20, 'x')}" />\n\n{/* ${words(30, 'note')} */}`;
		expect(runRule('paper-length', paper(body))).toHaveLength(1);
		expect(runRule('paper-length', paper(body))[0]!.message).toContain('190 words');
	});

	it('passes a Japanese paper of about 450 characters, counting words as a reader reads them', () => {
		const sentences = [
			'渋谷のポップアップストアは九日間で開店しました。',
			'店舗のレジはタブレットとクラウドで動いています。',
			'お客様は待たずに支払いができ、在庫は本社からも見えます。',
		];
		const body = Array.from({ length: 6 }, () => sentences.join('')).join('\n\n');
		expect(runRule('paper-length', paper(body))).toEqual([]);
	});

	it('takes its limits from the options', () => {
		expect(runRule('paper-length', paper(words(150)), { options: { min: 100, max: 160 } })).toEqual([]);
	});

	it('reads only position papers', async () => {
		// The fixture's papers, case study and issue are all far below 200 words: only the papers are reported.
		const found = await lintFixture('paper-length', 'lint-paper-length');
		expect(found.get('case-studies/finance-close.mdx')).toEqual([]);
		expect(found.get('newsletters/issue-1.mdx')).toEqual([]);
		for (const file of ['papers/cloud-savings.mdx', 'papers/phishing-drill.mdx'])
			expect(found.get(file), file).toEqual([expect.stringMatching(/^The paper has \d+ words of prose; position papers have 200 to 300/)]);
		expect(() => runRule('paper-length', paper(words(10)), { kind: 'case-study' })).toThrow(
			'The runner never gives paper-length a case-study',
		);
	});
});
