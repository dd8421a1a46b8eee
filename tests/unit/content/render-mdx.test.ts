import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { ENGLISH, formatProblem } from '../../../src/content/problems';
import { highlightStylesheet } from '../../../src/content/render/code';
import { renderMdx } from '../../../src/content/render/render-mdx';

const entry = path.resolve('tests/fixtures/images/entry.mdx');
const render = (body: string, base = '/') =>
	renderMdx(`---\ntitle: "A test"\n---\n\n${body}\n`, { file: 'content/papers/entry.mdx', path: entry, base });

async function html(body: string, base = '/') {
	const { body: rendered, problems } = await render(body, base);
	expect(problems).toEqual([]);
	// node-html-parser keeps <pre> as raw text unless told which elements are.
	return { root: parse(rendered!.html, { blockTextElements: { script: true, style: true } }), ...rendered! };
}

describe('renderMdx', () => {
	it('keeps GitHub tables, task lists, footnotes and strikethrough', async () => {
		const { root } = await html('| Store | Queue |\n|---|---|\n| Leeds | 4 min |\n\n- [x] tills\n- [ ] scanners\n\n~~old plan~~ and a note[^1].\n\n[^1]: The note.');
		expect(root.querySelectorAll('table td').map((td) => td.text)).toEqual(['Leeds', '4 min']);
		expect(root.querySelectorAll('input[type=checkbox]').map((box) => box.hasAttribute('checked'))).toEqual([true, false]);
		expect(root.querySelector('del')?.text).toBe('old plan');
		expect(root.querySelector('section.footnotes li')?.text).toContain('The note.');
	});

	it('gives headings ids and reports them, with the words of prose', async () => {
		const { root, facts } = await html('## What changes for stores\n\nTwo short sentences here. And `code` does not count.');
		expect(root.querySelector('h2')?.id).toBe('what-changes-for-stores');
		expect(facts.headings).toEqual([{ depth: 2, slug: 'what-changes-for-stores', text: 'What changes for stores' }]);
		expect(facts.words).toBe(12);
	});

	it('highlights code with classes the stylesheet defines, and no inline style', async () => {
		const { root } = await html('```powershell\nGet-Service -Name "TillSync" | Restart-Service\n```\n\n```yaml\nstore: leeds # north\n```');
		expect(root.querySelectorAll('[style]')).toEqual([]);
		const classes = root.querySelectorAll('pre span').flatMap((span) => [...span.classList.values()].filter((name) => name.startsWith('hl')));
		expect(classes.length).toBeGreaterThan(4);
		const css = await highlightStylesheet();
		for (const name of new Set(classes)) expect(css, name).toContain(`.${name}{`);
	});

	it('ships the stylesheet the themes generate (regenerate src/styles/code.css with highlightStylesheet() when Shiki or a theme changes)', async () => {
		expect(fs.readFileSync('src/styles/code.css', 'utf8')).toBe(await highlightStylesheet());
	});

	it('turns the metric components into placeholders and lists them with their place', async () => {
		const { html: out, facts } = await html('Checkout was up <MetricValue id="checkout" /> of the time.\n\n<Metric id="spend" />');
		expect(out).toContain('<hg-metric data-metric="checkout" data-show="value"></hg-metric>');
		expect(out).toContain('<hg-metric data-metric="spend" data-show="card"></hg-metric>');
		expect(facts.metrics).toEqual([
			{ component: 'MetricValue', id: 'checkout', line: 5, column: 17 },
			{ component: 'Metric', id: 'spend', line: 7, column: 1 },
		]);
	});

	it('makes hub links follow the base path, in Markdown and in JSX, and lists them', async () => {
		const { root, facts } = await html('See [the drill](/papers/drill/) and <a href="/metrics/spend/">spend</a>, or [elsewhere](https://example.com/).', '/it/');
		expect(root.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['/it/papers/drill/', '/it/metrics/spend/', 'https://example.com/']);
		expect(facts.links.map((link) => link.href)).toEqual(['/papers/drill/', '/metrics/spend/', 'https://example.com/']);
	});

	it('gives an image beside the entry a content-hashed URL, width and height', async () => {
		const { root, facts } = await html('![A queue at the till](./queue.png)', '/it/');
		const img = root.querySelector('img')!;
		expect(img.getAttribute('src')).toMatch(/^\/it\/images\/queue\.[0-9a-f]{8}\.png$/);
		expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['12', '8']);
		expect(facts.images).toEqual([expect.objectContaining({ source: path.resolve('tests/fixtures/images/queue.png'), width: 12, height: 8 })]);
	});

	it('refuses imports, unknown components, images without alt text or file, each at its line and column', async () => {
		const { body, problems } = await render('import Chart from "./chart.js"\n\n<Callout>Hi</Callout>\n\n![](./queue.png)\n\n![Missing](./nowhere.png)');
		expect(body).toBeUndefined();
		expect(problems.map((problem) => formatProblem(problem, ENGLISH))).toEqual([
			`content/papers/entry.mdx:5:1 import: expected no import or export: the hub's components are there without one; found "import Chart from \\"./chart.js\\""`,
			"content/papers/entry.mdx:7:1 <Callout>: expected one of the hub's components (Metric, MetricValue) or an HTML element; found <Callout>",
			'content/papers/entry.mdx:9:1 image: expected alt text that says what the image shows; found empty alt text',
			'content/papers/entry.mdx:11:1 image: expected an image file beside the entry; found "./nowhere.png"',
		]);
	});

	it('reports an MDX syntax error at its line and column', async () => {
		const { problems } = await render('Text with <b>no closing tag.');
		expect(problems.map((problem) => formatProblem(problem, ENGLISH))).toEqual([
			'content/papers/entry.mdx:5:1 body: expected valid MDX (close every tag, escape a literal { or < with a backslash); found Expected a closing tag for `<b>` (5:11-5:14) before the end of `paragraph`',
		]);
	});
});
