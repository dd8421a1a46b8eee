/**
 * Positions in the ORIGINAL file. Every message the linter prints points at a line and column a
 * writer's editor can jump to, frontmatter included, so everything here works in file offsets.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';

export interface Point {
	/** 1-based line. */
	line: number;
	/** 1-based column, in UTF-16 code units like every editor's. */
	column: number;
}

/** Turns file offsets into lines and columns. */
export function lineIndex(source: string): (offset: number) => Point {
	const starts = [0];
	for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
	return (offset) => {
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (starts[mid]! <= offset) low = mid;
			else high = mid - 1;
		}
		return { line: low + 1, column: offset - starts[low]! + 1 };
	};
}

/**
 * A piece of prose as a reader sees it (`text`), with the file offset of each of its characters.
 * Markdown escapes and entities make the text differ from the source (`&amp;` is `&`), so offsets
 * are found by aligning the two rather than assumed.
 */
/** The file offset of a line and column (both from 1), the inverse of `lineIndex`. */
export function offsetOf(source: string, line: number, column: number): number {
	let offset = 0;
	for (let n = 1; n < line; n++) {
		const next = source.indexOf('\n', offset);
		if (next === -1) break;
		offset = next + 1;
	}
	return Math.min(source.length, offset + column - 1);
}

export interface TextSpan {
	text: string;
	/** File offset of `text[index]`; `offsets[text.length]` is the offset just after the span. */
	offsets: number[];
	/** The frontmatter field this text comes from, or undefined for body prose. */
	field?: string | undefined;
}

export function alignSpan(text: string, source: string, start: number, end: number, field?: string): TextSpan {
	const offsets: number[] = [];
	let at = start;
	for (const char of text) {
		// Walk the source forward to the next occurrence of this character; what is skipped is markup.
		let found = at;
		while (found < end && !source.startsWith(char, found) && !(/\s/.test(char) && /\s/.test(source[found]!))) found++;
		const offset = found < end ? found : at;
		for (let unit = 0; unit < char.length; unit++) offsets.push(offset + unit);
		if (found < end) at = found + char.length;
	}
	offsets.push(at);
	return { text, offsets, field };
}

/** The frontmatter of an MDX file, or the whole of a YAML file, parsed with positions. */
export interface YamlSource {
	document: Document.Parsed;
	/** File offset where the YAML text starts. */
	offset: number;
	/** The whole file. */
	source: string;
}

/** Parses YAML that starts at `offset` in `source`, keeping positions. */
export function parseYamlSource(source: string, yaml: string, offset: number): YamlSource {
	return { document: parseDocument(yaml, { prettyErrors: false }), offset, source };
}

/** Where the frontmatter's YAML starts in an MDX file: after the opening `---` line. */
export function frontmatterStart(source: string): number | undefined {
	if (!source.startsWith('---')) return undefined;
	const newline = source.indexOf('\n');
	return newline === -1 ? undefined : newline + 1;
}

/** The frontmatter's YAML text of an MDX file and where it starts, without parsing the body (which may not parse). */
export function frontmatterText(source: string): { yaml: string; start: number } | undefined {
	const start = frontmatterStart(source);
	if (start === undefined) return undefined;
	const end = source.indexOf('\n---', start - 1);
	return { yaml: source.slice(start, end === -1 ? source.length : end + 1), start };
}

export type FieldPath = readonly (string | number)[];

/**
 * The YAML node at a field path, or the nearest ancestor that exists (a missing field is reported
 * at the object that should hold it).
 */
export function yamlNodeAt(yaml: YamlSource, path: FieldPath): { node: YamlNode | undefined; exact: boolean } {
	for (let depth = path.length; depth >= 0; depth--) {
		const node = depth === 0 ? yaml.document.contents : yaml.document.getIn(path.slice(0, depth), true);
		if (node && typeof node === 'object' && 'range' in node && node.range) return { node: node as YamlNode, exact: depth === path.length };
	}
	return { node: undefined, exact: false };
}

/** File offsets [start, end) of the value at a field path, or of its nearest ancestor. */
export function fieldRange(yaml: YamlSource, path: FieldPath): [number, number] | undefined {
	const { node } = yamlNodeAt(yaml, path);
	if (!node?.range) return undefined;
	return [yaml.offset + node.range[0], yaml.offset + node.range[1]];
}

/** Parses a field path as the hub prints it (`items[2].paper`) back into its parts. */
export function parseFieldPath(field: string): (string | number)[] {
	return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] === undefined ? match[1]! : Number(match[2])));
}

/** A text field of the frontmatter as a span, when it is a plain string. */
export function fieldSpan(yaml: YamlSource, path: FieldPath): TextSpan | undefined {
	const { node, exact } = yamlNodeAt(yaml, path);
	if (!exact || !isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
	const start = yaml.offset + node.range[0];
	const end = yaml.offset + node.range[1];
	// Quoted scalars start with their quote; block scalars (`|`, `>`) with their header line.
	const contentStart =
		node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'
			? start + 1
			: node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL'
				? yaml.source.indexOf('\n', start) + 1
				: start;
	const contentEnd = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? end - 1 : end;
	return alignSpan(node.value, yaml.source, contentStart, contentEnd, path.join('.'));
}

/** Every string-valued path under a YAML node (for fields that hold lists of items with text). */
export function stringPaths(yaml: YamlSource, path: FieldPath): (string | number)[][] {
	const node = path.length === 0 ? yaml.document.contents : yaml.document.getIn(path, true);
	if (isScalar(node)) return typeof node.value === 'string' ? [[...path]] : [];
	if (isSeq(node)) return node.items.flatMap((_, index) => stringPaths(yaml, [...path, index]));
	if (isMap(node)) return node.items.flatMap((pair) => (isScalar(pair.key) ? stringPaths(yaml, [...path, String(pair.key.value)]) : []));
	return [];
}
