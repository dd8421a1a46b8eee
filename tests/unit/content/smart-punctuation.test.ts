import fs from 'node:fs';
import path from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { describe, expect, it } from 'vitest';
import { generateHub } from '../../../bench/generate';
import { MDX_REMARK_PLUGINS } from '../../../src/content/mdx';
import remarkSmartPunctuation from '../../../src/content/render/smart-punctuation';

const parser = createProcessor({ remarkPlugins: MDX_REMARK_PLUGINS });

/** The mdast after one plugin, positions dropped, as JSON: the two must agree on every node. */
function after(plugin: () => (tree: Root) => void, source: string): string {
	const tree = parser.parse(source);
	plugin()(tree);
	return JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value));
}

const exampleBodies = ['content/papers', 'content/case-studies', 'content/newsletters', 'content/campaigns'].flatMap((dir) =>
	fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.mdx'))
		.map((name) => [path.join(dir, name), fs.readFileSync(path.join(dir, name), 'utf8')] as const),
);
const benchBodies = [...generateHub({ papers: 200 })].filter(([name]) => name.endsWith('.mdx'));

/** What the faster pass must not skip: quotes across inline nodes, each typographic form, code. */
const CASES = [
	'"Quoted," she said -- and left... Then ". . ." and ``old style\'\'.',
	'The **"bold"** quote and a [\'linked\'](/papers/x/) one; the stores\' tills; it\'s 5 o\'clock.',
	'Code keeps `"straight"` quotes and `--flags`; prose gets "curly" ones.',
	'## "Heading" -- with a dash\n\n| "Cell" | It\'s |\n|---|---|\n| a -- b | c... |',
	'<abbr title="x">"Inside" an element</abbr> and <script>{"x"}</script>',
	'No quotes, dashes or ellipses at all.',
	'---\ntitle: "Front matter"\n---\n\n\'Twas the night -- before.',
];

describe('remarkSmartPunctuation', () => {
	it.each(CASES)('gives what remark-smartypants gives: %s', (source) => {
		expect(after(remarkSmartPunctuation, source)).toBe(after(remarkSmartypants as never, source));
	});

	it('gives what remark-smartypants gives for every example and benchmark body', () => {
		expect(exampleBodies.length).toBeGreaterThan(20);
		for (const [, source] of [...exampleBodies, ...benchBodies])
			expect(after(remarkSmartPunctuation, source)).toBe(after(remarkSmartypants as never, source));
	});

	it('turns quotes, dashes and ellipses into their typographic forms', () => {
		expect(after(remarkSmartPunctuation, '"Yes," it\'s -- done...')).toContain('“Yes,” it’s — done…');
	});
});
