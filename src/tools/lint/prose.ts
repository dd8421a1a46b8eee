/**
 * The prose of an entry, positioned: body text nodes (what `proseText` reads: no code, components
 * or frontmatter) and the frontmatter fields readers see as text.
 */
import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { NOT_PROSE, proseText } from '../../content/mdx.ts';
import type { WritingEntry } from './entry.ts';
import type { WritingKind } from '../../content/kinds.ts';
import { alignSpan, fieldSpan, type FieldPath, type TextSpan } from '../../content/source.ts';

/** Frontmatter fields that readers read as prose, per kind (lists expand to each item). */
const PROSE_FIELDS: Record<WritingKind, readonly FieldPath[]> = {
	paper: [['title'], ['summary'], ['businessValue']],
	'case-study': [['title'], ['summary'], ['businessValue']],
	metric: [['title'], ['translation']],
	newsletter: [['title'], ['summary']],
	campaign: [['title'], ['summary'], ['businessValue']],
};

/** Text nodes of the body that readers read, each aligned to the file. */
export function bodySpans(entry: WritingEntry): TextSpan[] {
	if (!entry.tree) return [];
	const spans: TextSpan[] = [];
	visit(entry.tree, (node) => {
		if (NOT_PROSE.has(node.type)) return SKIP;
		const { start, end } = node.position ?? {};
		if (node.type === 'text' && start?.offset !== undefined && end?.offset !== undefined) {
			spans.push(alignSpan(node.value, entry.source, start.offset, end.offset));
		}
	});
	return spans;
}

/** Frontmatter text readers see (title, summary, business value, newsletter blurbs…). */
export function fieldSpans(entry: WritingEntry): TextSpan[] {
	if (!entry.yaml) return [];
	const items =
		entry.kind === 'newsletter' && Array.isArray((entry.data as { items?: unknown } | undefined)?.items)
			? (entry.data as { items: unknown[] }).items
			: [];
	const paths = [...PROSE_FIELDS[entry.kind], ...items.map((_, index) => ['items', index, 'blurb'])];
	return paths.flatMap((path) => fieldSpan(entry.yaml!, path) ?? []);
}

/** All prose of an entry: frontmatter first, as readers meet it, then the body. */
export const allSpans = (entry: WritingEntry): TextSpan[] => [...fieldSpans(entry), ...bodySpans(entry)];

/** Blocks of body prose that end a sentence where they end: paragraphs, headings, table cells. */
export function proseBlocks(tree: Root): { text: string; start: number }[] {
	const blocks: { text: string; start: number }[] = [];
	visit(tree, (node) => {
		if (NOT_PROSE.has(node.type)) return SKIP;
		if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return;
		const text = proseText(node).trim();
		if (text) blocks.push({ text, start: node.position?.start.offset ?? 0 });
		return SKIP;
	});
	return blocks;
}

/** Where the body starts (after the frontmatter), for messages about the body as a whole. */
export function bodyStart(entry: WritingEntry): number {
	const children = entry.tree?.children ?? [];
	const first = children.find((node) => node.type !== 'yaml') ?? children[0];
	return (first?.type === 'yaml' ? first.position?.end.offset : first?.position?.start.offset) ?? 0;
}
