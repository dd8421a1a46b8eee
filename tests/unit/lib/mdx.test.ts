import { describe, expect, it } from 'vitest';
import { proseWordCount, readingMinutes } from '../../../src/content/mdx';

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

	it('counts the words of scripts written without spaces (Japanese, Chinese, Thai), about one for every two characters', () => {
		// 76 characters, no spaces: a reader reads some forty words.
		const japanese =
			'渋谷のポップアップストアは九日間で開店しました。店舗のレジはタブレットとクラウドで動いています。お客様は待たずに支払いができ、在庫は本社からも見えます。';
		expect(proseWordCount(japanese)).toBeGreaterThan(30);
		expect(proseWordCount(japanese)).toBeLessThan(50);
		expect(proseWordCount('我们的新收银系统让顾客不用排队。')).toBeGreaterThan(5);
		expect(proseWordCount('ระบบใหม่ช่วยให้ลูกค้าไม่ต้องรอ')).toBeGreaterThan(3);
		// Spaced scripts keep counting by spaces: a hyphenated word is one word.
		expect(proseWordCount('Our e-commerce team in 東京 ships today.')).toBe(7);
	});
});

describe('readingMinutes', () => {
	it('rounds to whole minutes and never says zero', () => {
		expect(readingMinutes(10)).toBe(1);
		expect(readingMinutes(250)).toBe(1);
		expect(readingMinutes(700)).toBe(3);
	});
});
