/**
 * Curly quotes, dashes and ellipses, as Astro's own Markdown gives (its `smartypants` default).
 *
 * This is remark-smartypants 3.0.3's plugin with one change: each of its two retext passes runs
 * only where it can change something. The plugin parses the whole text of a body into natural
 * language once for quotes, then every text node again for dashes, ellipses and backticks; that
 * second pass was half its cost, and nearly every text node has none of them. A body without a
 * quote mark skips the first pass too. The output is the plugin's, character for character
 * (`tests/unit/content/smart-punctuation.test.ts` compares both over the example and the
 * benchmark's papers). The work itself is still retext-smartypants'.
 */
import type { Nodes, Root } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

/** Nodes whose text joins the document's text; the blocks start afresh, so a quote there opens. */
const VISITED = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const NOT_PROSE_ELEMENTS = new Set(['style', 'script']);

/** What the second pass turns into typography: `--`, `...` or `. . .`, ``` `` ``` and `''`. */
const DASH_OR_ELLIPSIS = /--|\.\s*\.\s*\.|``|''/;
const QUOTE = /["']/;

// Ellipses, dashes and backticks change the text's length, so the whole-text pass leaves them to
// the per-node pass, which cannot see across nodes and so leaves quotes to the first.
const quotes = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false });
const dashes = retext().use(retextSmartypants, { quotes: false });

const isLiteral = (node: Nodes): node is Extract<Nodes, { value: string }> => 'value' in node && typeof node.value === 'string';

function visited(node: Nodes, parent: Nodes | undefined): boolean {
	if (!parent || !VISITED.has(node.type)) return false;
	if (parent.type === 'mdxJsxTextElement' && (typeof parent.name !== 'string' || NOT_PROSE_ELEMENTS.has(parent.name))) return false;
	return isLiteral(node) || BLOCKS.has(node.type);
}

export default function remarkSmartPunctuation() {
	return (tree: Root) => {
		const nodes: Nodes[] = [];
		let text = '';
		visit(tree, (node, _index, parent) => {
			if (!visited(node, parent)) return;
			// Code keeps its place in the text, as letters, so quotes on either side pair up.
			if (isLiteral(node)) text += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
			else text += ' ';
			nodes.push(node);
		});
		const quoted = QUOTE.test(text) ? quotes.processSync(text).toString() : text;
		let start = 0;
		for (const node of nodes) {
			if (!isLiteral(node)) {
				start += 1;
				continue;
			}
			const end = start + node.value.length;
			if (node.type === 'text') {
				const value = quoted.slice(start, end);
				node.value = DASH_OR_ELLIPSIS.test(value) ? dashes.processSync(value).toString() : value;
			}
			start = end;
		}
	};
}
