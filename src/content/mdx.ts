import { createProcessor } from '@mdx-js/mdx';
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';

/**
 * The syntax writers may use on top of MDX: frontmatter, and GitHub's tables, task lists,
 * footnotes and strikethrough. The renderer and the linter parse with the same list.
 */
export const MDX_REMARK_PLUGINS: PluggableList = [remarkGfm, [remarkFrontmatter, ['yaml']]];

const parser = createProcessor({ remarkPlugins: MDX_REMARK_PLUGINS });

/** Parses an MDX file (frontmatter allowed) into an mdast tree with exact positions. Throws on a syntax error. */
export function parseMdx(source: string): Root {
	return parser.parse(source);
}

/** Node types a reader does not read as prose: code, components, expressions, frontmatter. */
export const NOT_PROSE = new Set<string>([
	'code',
	'inlineCode',
	'html',
	'yaml',
	'mdxjsEsm',
	'mdxFlowExpression',
	'mdxTextExpression',
	'mdxJsxFlowElement',
	'mdxJsxTextElement',
]);

/** The prose of a tree as text, one space between text nodes, skipping what is not prose. */
export function proseText(node: Nodes): string {
	if (NOT_PROSE.has(node.type)) return '';
	if (node.type === 'text') return node.value;
	if ('children' in node) return node.children.map((child) => proseText(child)).join(' ');
	return '';
}

/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese):
 * a run of them is many words, which Intl.Segmenter finds with the dictionaries in Node's ICU.
 */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * Words in a piece of text: runs between spaces that contain a letter or a digit, so "e-commerce"
 * is one word; in scripts written without spaces, the words Intl.Segmenter finds.
 */
export function countWords(text: string): number {
	let words = 0;
	for (const run of text.split(/\s+/)) {
		if (!/[\p{L}\p{N}]/u.test(run)) continue;
		words += UNSPACED.test(run) ? [...wordSegmenter.segment(run)].filter((segment) => segment.isWordLike).length : 1;
	}
	return words;
}

/** Words of prose in an MDX source: what the length rule counts and reading time is based on. */
export function proseWordCount(source: string): number {
	return countWords(proseText(parseMdx(source)));
}

/** Words a minute for business prose read on screen. */
const WORDS_PER_MINUTE = 220;

/** Reading time in whole minutes, never less than one. */
export function readingMinutes(words: number): number {
	return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
