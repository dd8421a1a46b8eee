import { describe, expect, it } from 'vitest';
import { alignSpan, fieldRange, fieldSpan, lineIndex, parseFieldPath, parseYamlSource } from '../../../src/content/source';

describe('positions in the original file', () => {
	it('turns offsets into 1-based lines and columns', () => {
		const position = lineIndex('ab\ncd\n\nef');
		expect(position(0)).toEqual({ line: 1, column: 1 });
		expect(position(4)).toEqual({ line: 2, column: 2 });
		expect(position(7)).toEqual({ line: 4, column: 1 });
	});

	it('aligns text read through escapes, entities and line breaks with the source', () => {
		const source = 'x Tea \\& cake &amp; more\n  lines';
		const span = alignSpan('Tea & cake & more\nlines', source, 2, source.length);
		const at = (word: string) =>
			source.slice(span.offsets[span.text.indexOf(word)], span.offsets[span.text.indexOf(word) + word.length - 1]! + 1);
		expect(at('cake')).toBe('cake');
		expect(at('more')).toBe('more');
		expect(at('lines')).toBe('lines');
		expect(span.offsets.at(-1)).toBe(source.length);
	});

	it('keeps columns right after characters outside the basic plane', () => {
		const source = '🎉 users';
		const span = alignSpan('🎉 users', source, 0, source.length);
		expect(span.offsets[span.text.indexOf('users')]).toBe(3);
	});

	it('finds frontmatter values, quoted, plain or folded, at their place in the file', () => {
		const source = '---\ntitle: "A title"\nsummary: plain words\nbusinessValue: >\n  folded\n  text\nitems:\n  - paper: x\n---\n';
		const yaml = parseYamlSource(source, source.slice(4, source.indexOf('\n---', 4) + 1), 4);
		const position = lineIndex(source);
		const start = (path: (string | number)[]) => position(fieldSpan(yaml, path)!.offsets[0]!);
		expect(start(['title'])).toEqual({ line: 2, column: 9 });
		expect(start(['summary'])).toEqual({ line: 3, column: 10 });
		expect(start(['businessValue'])).toEqual({ line: 5, column: 3 });
		expect(position(fieldRange(yaml, parseFieldPath('items[0].paper'))![0])).toEqual({ line: 8, column: 12 });
		// A missing field is reported at the object that should hold it.
		expect(position(fieldRange(yaml, ['items', 0, 'blurb'])![0])).toEqual({ line: 8, column: 5 });
	});
});
