import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { portableHtml } from '../../../src/outputs/entry-html';

const underIt = { page: 'https://intranet.example/it/papers/tokyo/', root: 'https://intranet.example/it/' };
const atRoot = { page: 'https://intranet.example/papers/tokyo/', root: 'https://intranet.example/' };
const clean = (html: string, urls = underIt) => parse(portableHtml(html, urls));

describe('portableHtml: links and images', () => {
	it('gives root-relative hub links the base path, once', () => {
		const doc = clean('<p><a href="/papers/x/">x</a> <a href="/it/papers/y/">y</a></p>');
		expect(doc.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
			'https://intranet.example/it/papers/x/',
			'https://intranet.example/it/papers/y/',
		]);
	});

	it('resolves relative links, anchors and images against the entry page', () => {
		const doc = clean('<p><a href="../other/">o</a> <a href="#costs">c</a><img src="chart.png" alt="Chart"></p>');
		expect(doc.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
			'https://intranet.example/it/papers/other/',
			'https://intranet.example/it/papers/tokyo/#costs',
		]);
		expect(doc.querySelector('img')?.getAttribute('src')).toBe('https://intranet.example/it/papers/tokyo/chart.png');
		expect(doc.querySelector('img')?.getAttribute('alt')).toBe('Chart');
	});

	it('leaves absolute and mailto links alone, and is a no-op on paths at the root base', () => {
		const doc = clean(
			'<a href="https://example.org/a?b=1&amp;c=2">e</a><a href="mailto:it@example.org">m</a><a href="/papers/x/">x</a>',
			atRoot,
		);
		expect(doc.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
			'https://example.org/a?b=1&c=2',
			'mailto:it@example.org',
			'https://intranet.example/papers/x/',
		]);
	});

	it('drops javascript: links and images but keeps the link text', () => {
		const doc = clean('<p><a href="javascript:alert(1)">Read more</a><img src="javascript:alert(1)" alt="x"></p>');
		expect(doc.querySelector('a')?.getAttribute('href')).toBeUndefined();
		expect(doc.querySelector('img')).toBeNull();
		expect(doc.textContent).toContain('Read more');
	});
});

describe('portableHtml: what readers reject', () => {
	const metric =
		'<figure class="metric" data-astro-cid-abc123 style="color:red">' +
		'<svg viewBox="0 0 10 10" role="img"><title>Trend</title><text>99.9</text><path d="M0 0"/></svg>' +
		'<p data-astro-cid-abc123>Checkout was available 99.9% of the time in October.</p></figure>' +
		'<style>.metric{color:red}</style><script>track()</script>';

	it('removes scripts, styles and drawings with their content, and keeps the sentence', () => {
		const doc = clean(metric);
		expect(doc.querySelectorAll('script, style, svg, path, text, title')).toHaveLength(0);
		expect(doc.querySelector('p')?.textContent).toBe('Checkout was available 99.9% of the time in October.');
		expect(doc.textContent).not.toContain('track()');
		expect(doc.textContent).not.toContain('Trend');
	});

	it('removes class, style, id and Astro scoping attributes', () => {
		const doc = clean(`${metric}<h2 id="costs" class="x">Costs</h2>`);
		for (const element of doc.querySelectorAll('*')) {
			expect(Object.keys(element.attributes).filter((name) => /^(class|style|id|data-)/.test(name))).toEqual([]);
		}
	});

	it('keeps special characters, non-Latin scripts and emoji intact', () => {
		const text = 'Prices, stock & sales: stock < 5 “pop-up” 「北風アウトフィッターズ 渋谷」 🎉';
		const html = `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`;
		expect(clean(html).querySelector('p')?.textContent).toBe(text);
	});
});
