import { describe, expect, it } from 'vitest';
import { proseWordCount, readingMinutes } from '../../src/content/mdx';

describe('proseWordCount', () => {
	it('counts the words a reader reads, not frontmatter, code or components', () => {
		const source = [
			'---',
			'title: "Four words in frontmatter"',
			'---',
			'',
			'## Two words',
			'',
			'One two three, [four five](/papers/x/) six.',
			'',
			'<Metric id="checkout-availability" />',
			'',
			'```sh',
			'npm run build does not count',
			'```',
			'',
			'Seven `inline code` eight {1 + 1}.',
		].join('\n');
		expect(proseWordCount(source)).toBe(2 + 6 + 2);
	});

	it('counts words in any script', () => {
		expect(proseWordCount('Tills & tablets 🎉 in 渋谷 today.')).toBe(5);
	});
});

describe('readingMinutes', () => {
	it('rounds to whole minutes and never says zero', () => {
		expect(readingMinutes(10)).toBe(1);
		expect(readingMinutes(250)).toBe(1);
		expect(readingMinutes(700)).toBe(3);
	});
});
