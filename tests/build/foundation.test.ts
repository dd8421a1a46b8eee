import fs from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHub, copyFixture, listFiles, TMP, type BuildResult } from '../helpers/build-hub';
import { fixtureHub } from '../helpers/shared-build';

const FIXTURE = 'tests/fixtures/basic/content';
const NOW = '2026-06-15';

const page = async (dist: string, route: string): Promise<HTMLElement> =>
	parse(await fs.readFile(path.join(dist, route, 'index.html'), 'utf8'));

const exists = (file: string) =>
	fs.stat(file).then(
		() => true,
		() => false,
	);

describe('a fixture hub built at /', () => {
	let build: BuildResult;
	beforeAll(async () => {
		build = await fixtureHub({ content: FIXTURE, now: NOW });
		expect(build.code, build.output).toBe(0);
	});

	it('builds without a warning, though the hub has no campaigns or testimonials', () => {
		expect(build.output).toContain('site written to');
		expect(build.output.split('\n').filter((line) => /\bWARN\b/i.test(line))).toEqual([]);
	});

	it('gives published and archived papers a page, and drafts and future papers none', async () => {
		const papers = (await listFiles(path.join(build.dist, 'papers'))).filter((f) => f.endsWith('/index.html'));
		expect(papers.sort()).toEqual(['cloud-savings/index.html', 'old-laptops/index.html', 'phishing-drill/index.html']);
	});

	it('never writes a draft or a future paper into any file of the site', async () => {
		for (const file of await listFiles(build.dist)) {
			const text = await fs.readFile(path.join(build.dist, file), 'latin1');
			expect(text, file).not.toMatch(/Blunderbuss|Gallimaufry|secret-draft|future-plans/);
		}
	});

	it('keeps an archived paper at its URL, marked archived, but out of every list', async () => {
		const archived = await page(build.dist, 'papers/old-laptops');
		expect(archived.querySelector('[role="note"]')?.text).toMatch(/Archived/);
		for (const route of ['', 'papers', 'segments/all-staff', 'topics/security', 'authors/ada-lovelace']) {
			const links = (await page(build.dist, route)).querySelectorAll('main a').map((a) => a.getAttribute('href'));
			expect(links, route).not.toContain('/papers/old-laptops/');
		}
	});

	it('lists papers newest first with summary, segments, date and reading time', async () => {
		const list = await page(build.dist, 'papers');
		const cards = list.querySelectorAll('main article');
		expect(cards.map((c) => c.querySelector('h2 a')?.getAttribute('href'))).toEqual(['/papers/phishing-drill/', '/papers/cloud-savings/']);
		const first = cards[0]!;
		expect(first.text).toContain('Monthly practice emails teach colleagues to spot a fake.');
		expect(first.querySelector('time')?.getAttribute('datetime')).toBe('2026-04-10');
		expect(first.text).toMatch(/1 min read/);
		expect(first.querySelectorAll('.pill-list a').map((a) => a.text)).toEqual(['All staff']);
	});

	it('shows a paper with its byline under the title, business value first, tags, feedback link and related papers', async () => {
		const paper = await page(build.dist, 'papers/cloud-savings');
		const main = paper.querySelector('main')!;
		expect(main.querySelector('h1')?.text).toBe('Cloud savings: what moving saves us');
		const value = main.querySelector('.business-value');
		expect(value?.text).toContain('We save £120k a year');
		const order = main.innerHTML;
		expect(order.indexOf('business-value')).toBeLessThan(order.indexOf('What changes'));
		expect(main.querySelector('header .byline')?.text).toMatch(/^By Ada Lovelace, Head of Platforms · 2 March 2026 · 1 min read$/);
		const tagLinks = main.querySelectorAll('.after .pill-list a').map((a) => a.getAttribute('href'));
		expect(tagLinks).toEqual(['/segments/executives/', '/segments/finance/', '/topics/cloud/']);
		const yes = main.querySelectorAll('.was-it-useful a').find((a) => a.text === 'Yes');
		const link = new URL(yes?.getAttribute('href') ?? 'mailto:missing');
		expect(link.pathname).toBe('editors@fixture.example');
		expect(link.searchParams.get('cc')).toBe('ada@fixture.example');
		expect(link.searchParams.get('subject')).toBe('Useful: yes · Cloud savings: what moving saves us [hub:useful paper/cloud-savings yes]');
	});

	it('has a 404 page, a sitemap without unpublished pages, and RSS autodiscovery', async () => {
		expect(await exists(path.join(build.dist, '404.html'))).toBe(true);
		const sitemap = await fs.readFile(path.join(build.dist, 'sitemap-0.xml'), 'utf8');
		const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
		expect(urls).toContain('https://intranet.example/papers/cloud-savings/');
		expect(urls.filter((u) => /secret-draft|future-plans/.test(u ?? ''))).toEqual([]);
		// An archived page keeps its URL but leaves every list: crawlers are told not to index it.
		expect(urls.filter((u) => u?.includes('old-laptops'))).toEqual([]);
		const archived = await page(build.dist, 'papers/old-laptops');
		expect(archived.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
		expect((await page(build.dist, 'papers/cloud-savings')).querySelector('meta[name="robots"]')).toBeNull();
		const home = await page(build.dist, '');
		expect(home.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href')).toBe('/feeds/all.xml');
	});

	it('lets titles, summaries and blurbs in any script set their own direction (dir="auto")', async () => {
		const paper = await page(build.dist, 'papers/cloud-savings');
		expect(paper.querySelector('main h1')?.getAttribute('dir')).toBe('auto');
		expect(paper.querySelector('main .lede')?.getAttribute('dir')).toBe('auto');
		const cards = (await page(build.dist, 'papers')).querySelectorAll('main article');
		for (const card of cards) {
			expect(card.querySelector('.title')?.getAttribute('dir')).toBe('auto');
			expect(card.querySelector('.summary')?.getAttribute('dir')).toBe('auto');
		}
		const issue = await page(build.dist, 'newsletter/1');
		expect(issue.querySelector('main h1')?.getAttribute('dir')).toBe('auto');
		const items = issue.querySelectorAll('.issue-items li');
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(item.querySelector('h3')?.getAttribute('dir')).toBe('auto');
		expect((await page(build.dist, 'metrics/close-days')).querySelector('main h1')?.getAttribute('dir')).toBe('auto');
	});

	it("sets an entry's own language on its page, and the hub's on the others", async () => {
		expect((await page(build.dist, 'case-studies/finance-close')).querySelector('html')?.getAttribute('lang')).toBe('en-US');
		for (const route of ['', 'papers/cloud-savings', 'case-studies', 'metrics/close-days']) {
			expect((await page(build.dist, route)).querySelector('html')?.getAttribute('lang'), route).toBe('en-GB');
		}
	});

	// The header is rendered once per section it can mark (src/components/Header.astro), so a page
	// must never get the mark of a page rendered before it.
	it('marks the section a page belongs to in the main navigation, and no other', async () => {
		const sections: [string, string[]][] = [
			['', []],
			['search', []],
			['papers', ['Papers']],
			['papers/cloud-savings', ['Papers']],
			['case-studies/finance-close', ['Case studies']],
			['metrics/close-days', ['Metrics']],
			['segments/finance', ['Audiences']],
			['topics/cloud', ['Topics']],
			['newsletter/1', ['Newsletter']],
			['subscribe', ['Subscribe']],
		];
		for (const [route, current] of sections) {
			const nav = (await page(build.dist, route)).querySelector('header nav')!;
			expect(nav.querySelectorAll('a'), route).toHaveLength(9);
			expect(
				nav.querySelectorAll('a[aria-current="page"]').map((link) => link.text.trim()),
				route,
			).toEqual(current);
		}
	});

	it('ships no client JavaScript on content pages', async () => {
		for (const route of ['', 'papers', 'papers/cloud-savings', 'case-studies/finance-close', 'segments/finance']) {
			expect((await page(build.dist, route)).querySelectorAll('script'), route).toHaveLength(0);
		}
	});
});

describe('a production build whatever NODE_ENV says', () => {
	it('publishes no draft or future page even under NODE_ENV=development', async () => {
		// Vite's import.meta.env.DEV follows NODE_ENV; the hub must decide preview from the Astro command.
		const build = await fixtureHub({ content: FIXTURE, now: NOW, env: { NODE_ENV: 'development' } });
		expect(build.code, build.output).toBe(0);
		const papers = (await listFiles(path.join(build.dist, 'papers'))).filter((f) => f.endsWith('/index.html'));
		expect(papers).toEqual(['cloud-savings/index.html', 'old-laptops/index.html', 'phishing-drill/index.html']);
	});
});

describe('the same hub under --base /it/', () => {
	it('prefixes every internal link, asset and sitemap URL with the base', async () => {
		const build = await fixtureHub({ content: FIXTURE, now: NOW, base: '/it/', site: 'https://intranet.example' });
		expect(build.code, build.output).toBe(0);
		for (const file of (await listFiles(build.dist)).filter((f) => f.endsWith('.html'))) {
			const html = parse(await fs.readFile(path.join(build.dist, file), 'utf8'));
			const urls = html.querySelectorAll('[href], [src]').map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '');
			for (const url of urls.filter((u) => u.startsWith('/'))) expect(url, `${file}: ${url}`).toMatch(/^\/it\//);
		}
		const sitemap = await fs.readFile(path.join(build.dist, 'sitemap-0.xml'), 'utf8');
		expect(sitemap).toContain('<loc>https://intranet.example/it/papers/cloud-savings/</loc>');
	});
});

describe.concurrent('bad input fails the build with the file and the problem, and writes no site', () => {
	const cases: { name: string; file: string; edit: (s: string) => string; expected: RegExp[] }[] = [
		{
			name: 'bad-reference',
			file: 'papers/cloud-savings.mdx',
			edit: (s) => s.replace('segments: [executives, finance]', 'segments: [executives, finanse]'),
			expected: [
				/papers\/cloud-savings\.mdx:5:\d+ segments\[1\]: expected an existing segment, one of: all-staff, executives, finance; found "finanse"/,
			],
		},
		{
			name: 'bad-yaml',
			file: 'segments/finance.yaml',
			edit: (s) => s.replace('cares: [cost, forecasts]', 'cares: [cost, forecasts'),
			// A syntax error has no field: the line is where the parser found the list unclosed.
			expected: [
				/^.*segments\/finance\.yaml:4(:1)? expected valid YAML \(indent with spaces, put text that holds a colon in quotes\); found Flow sequence in block collection must be sufficiently indented and end with a \]\s*$/m,
			],
		},
		{
			name: 'missing-field',
			file: 'papers/phishing-drill.mdx',
			edit: (s) => s.replace(/^businessValue: .*$/m, ''),
			expected: [/^.*papers\/phishing-drill\.mdx:2(:1)? businessValue: expected text; found nothing\s*$/m],
		},
		{
			name: 'bad-date',
			file: 'papers/phishing-drill.mdx',
			edit: (s) => s.replace('published: 2026-04-10', 'published: next spring'),
			expected: [/phishing-drill\.mdx/, /published/],
		},
		{
			name: 'duplicate-id',
			file: 'papers/nested/cloud-savings.mdx',
			edit: () =>
				'---\ntitle: "Another cloud paper"\nsummary: A second file with the same name.\nbusinessValue: It would silently replace the first one.\nsegments: [finance]\nauthor: ada-lovelace\npublished: 2026-03-03\n---\n\nText.\n',
			expected: [
				/nested\/cloud-savings\.mdx id: expected an id used once, but .*papers\/cloud-savings\.mdx already uses it; found "cloud-savings"/,
			],
		},
		{
			name: 'unpublished-item',
			file: 'newsletters/issue-1.mdx',
			edit: (s) => s.replace('  - caseStudy: finance-close', '  - paper: secret-draft'),
			expected: [/newsletters\/issue-1\.mdx:9:\d+ items\[1\]\.paper: expected a published position paper; found "secret-draft"/],
		},
	];

	for (const { name, file, edit, expected } of cases) {
		it(name, async () => {
			// A good build first (the shared one, copied into place): a failed rebuild must leave it there.
			const content = await copyFixture(FIXTURE, name);
			const good = await fixtureHub({ content: FIXTURE, now: NOW });
			expect(good.code, good.output).toBe(0);
			await fs.cp(good.dist, path.join(TMP, name, 'dist'), { recursive: true });
			const before = await fs.readFile(path.join(TMP, name, 'dist', 'index.html'), 'utf8');
			await fs.mkdir(path.dirname(path.join(content, file)), { recursive: true });
			const target = path.join(content, file);
			const text = await fs.readFile(target, 'utf8').catch(() => '');
			await fs.writeFile(target, edit(text));
			const bad = await buildHub({ name, content, now: NOW, keepDist: true });
			expect(bad.code).not.toBe(0);
			for (const pattern of expected) expect(bad.output).toMatch(pattern);
			expect(await fs.readFile(path.join(bad.dist, 'index.html'), 'utf8')).toBe(before);
			// Nothing of the failed build is left beside the site.
			expect(await exists(`${bad.dist}.next`)).toBe(false);
		});
	}
});
