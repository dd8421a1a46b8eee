import { parseFeed } from '@rowanmanning/feed-parser';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildHub, copyFixture, ROOT, type BuildResult } from '../helpers/build-hub';

const FIXTURE = 'tests/fixtures/basic/content';
const NOW = '2026-06-15';

const page = async (dist: string, route: string): Promise<HTMLElement> =>
	parse(await fs.readFile(path.join(dist, route, 'index.html'), 'utf8'));

/** Visible text with runs of whitespace folded, as a reader sees it. */
const text = (element: HTMLElement | null | undefined) => (element?.text ?? '').replace(/\s+/g, ' ').trim();

describe('metric pages of the example hub', () => {
	const dist = inject('exampleDist');

	it('put the business translation beside the technical measure, with the latest value, target and status', async () => {
		const main = (await page(dist, 'metrics/phishing-click-rate')).querySelector('main')!;
		expect(text(main.querySelector('.business'))).toContain('Fewer colleagues fall for our practice fake emails');
		expect(text(main.querySelector('.technical'))).toContain('Phishing simulation click rate');
		expect(text(main.querySelector('.technical'))).toContain('Lower is better');
		const standing = main.querySelector('.standing')!;
		expect(standing.getAttribute('data-status')).toBe('at-risk');
		const facts = standing.querySelectorAll('dl > div').map((pair) => [text(pair.querySelector('dt')), text(pair.querySelector('dd'))]);
		expect(facts).toEqual([
			['Latest (November 2026)', '3.5%'],
			['Target', '3%'],
			['Status', '! At risk'],
		]);
		expect(text(standing.querySelector('.sentence'))).toBe(
			'Latest 3.5% in November 2026 (target 3%): at risk; down from 11.4% in December 2025, an improvement.',
		);
		expect(text(standing.querySelector('details'))).toContain('misses the target by no more than 0.5 percentage points');
	});

	it('draw the trend as an accessible inline SVG with a target line, and give its values as a table', async () => {
		const html = await page(dist, 'metrics/phishing-click-rate');
		const figure = html.querySelector('main .trend-chart')!;
		const svg = figure.querySelector('svg')!;
		expect(svg.getAttribute('role')).toBe('img');
		expect(text(svg.querySelector('title'))).toBe('Trend of Colleagues caught by fake emails');
		expect(text(svg.querySelector('desc'))).toMatch(/^Latest 3\.5% in November 2026 \(target 3%\): at risk/);
		expect(svg.querySelectorAll('circle.point')).toHaveLength(12);
		expect(text(svg.querySelector('.target text'))).toBe('Target 3%');
		expect(svg.querySelectorAll('.time-axis text').map(text)).toEqual(['Jan 2026', 'Apr 2026', 'Jul 2026', 'Oct 2026']);
		// Colours come from the page (currentColor and CSS variables), so dark mode and print follow.
		expect(svg.toString()).not.toMatch(/(fill|stroke)="#/);
		const rows = figure.querySelectorAll('table tbody tr');
		expect(rows).toHaveLength(12);
		expect(rows.map((row) => text(row.querySelectorAll('td')[1])).slice(0, 2)).toEqual(['11.4%', '10.8%']);
		expect(html.querySelectorAll('script').filter((s) => !s.getAttribute('type')?.includes('json'))).toHaveLength(0);
	});

	it('list every listed paper, case study and issue that cites the metric, each once', async () => {
		const cited = async (id: string) =>
			(await page(dist, `metrics/${id}`)).querySelectorAll('main .cited li a').map((a) => a.getAttribute('href'));
		// A <Metric> card in a paper, and a case study that both lists the metric and shows its card.
		expect(await cited('phishing-click-rate')).toEqual(['/case-studies/halving-phishing-clicks/', '/papers/phishing-is-our-biggest-risk/']);
		// A newsletter item plus a <MetricValue> in that intro, a case study's metrics field and a paper's card.
		expect(await cited('web-shop-page-load')).toEqual([
			'/newsletter/2/',
			'/case-studies/black-friday-checkout/',
			'/papers/web-shop-faster-black-friday/',
		]);
		// An inline <MetricValue>, a newsletter item and a case study.
		expect(await cited('crm-adoption')).toEqual(
			expect.arrayContaining(['/papers/crm-for-store-managers/', '/newsletter/1/', '/case-studies/north-region-crm-habit/']),
		);
	});

	it('show a status for every metric on the index', async () => {
		const rows = (await page(dist, 'metrics')).querySelectorAll('main tbody tr');
		const status = Object.fromEntries(
			rows.map((row): [string, string] => [row.getAttribute('data-metric') ?? '', text(row.querySelector('.status'))]),
		);
		expect(status).toMatchObject({
			'checkout-availability': '✓ On target',
			'phishing-click-rate': '! At risk',
			'web-shop-page-load': '✕ Off target',
			'first-contact-resolution': '– No target set',
		});
		expect(Object.keys(status)).toHaveLength((await fs.readdir(path.join(ROOT, 'content/metrics'))).length);
	});
});

describe('the critical three in the example hub', () => {
	const dist = inject('exampleDist');
	const cards = (scope: HTMLElement | null) =>
		(scope?.querySelectorAll('.metric-card') ?? []).map((card) => card.getAttribute('data-metric'));

	it('show on every segment page, in the order the focus group ranked them, as cards with sparkline, value, status and translation', async () => {
		for (const segment of ['executives', 'divisional-managers', 'superusers', 'all-staff', 'finance']) {
			const main = (await page(dist, `segments/${segment}`)).querySelector('main');
			const shown = main!.querySelectorAll('.critical-metrics .metric-card');
			expect(shown, segment).toHaveLength(3);
			expect(shown.map((card) => text(card.querySelector('.kind')))).toEqual([
				'Critical metric 1',
				'Critical metric 2',
				'Critical metric 3',
			]);
			for (const card of shown) {
				expect(card.querySelector('svg.sparkline')?.getAttribute('role')).toBe('img');
				expect(text(card.querySelector('.value'))).not.toBe('');
				expect(text(card.querySelector('.status'))).not.toBe('');
				expect(text(card.querySelector('.translation')).length).toBeGreaterThan(10);
			}
		}
		const executives = (await page(dist, 'segments/executives')).querySelector('main .critical-metrics');
		expect(cards(executives)).toEqual(['checkout-availability', 'phishing-click-rate', 'cloud-spend-variance']);
	});
});

describe('metrics cited in writing', () => {
	const dist = inject('exampleDist');

	// The paper went out on 14 April 2026: its card shows the figures as they stood then (£11k in
	// April, off target), not November's -£14k, and links to the latest.
	const AS_OF_APRIL = 'Latest £11k in April 2026 (target £0k): off target; down from £42k in December 2025, an improvement.';

	it('render <Metric> as a card that carries the chart in words, as of the paper’s date', async () => {
		const card = (await page(dist, 'papers/cutting-cloud-spend')).querySelector('main .body .metric-card')!;
		expect(card.querySelector('.title a')?.getAttribute('href')).toBe('/metrics/cloud-spend-variance/');
		expect(text(card.querySelector('.value'))).toBe('£11k');
		expect(text(card.querySelector('.sentence'))).toBe(AS_OF_APRIL);
		expect(card.querySelector('.latest a')?.getAttribute('href')).toBe('/metrics/cloud-spend-variance/');
	});

	// A cited card is rendered once per metric and readings known (src/components/metrics/Metric.astro):
	// the January paper and the July case study must each keep their own figures.
	it('show one metric cited on two dates with the figures of each date', async () => {
		const cardIn = async (route: string) => (await page(dist, route)).querySelector('main .body .metric-card')!;
		const january = await cardIn('papers/phishing-is-our-biggest-risk');
		const july = await cardIn('case-studies/halving-phishing-clicks');
		expect([january, july].map((card) => card.getAttribute('data-metric'))).toEqual(['phishing-click-rate', 'phishing-click-rate']);
		expect(text(january.querySelector('.value'))).toBe('10.8%');
		expect(text(january.querySelector('.sentence'))).toMatch(/^Latest 10\.8% in January 2026 /);
		expect(text(july.querySelector('.value'))).toBe('5.1%');
		expect(text(july.querySelector('.sentence'))).toMatch(/^Latest 5\.1% in July 2026 /);
	});

	it('render <MetricValue> inline, inside the sentence, linked to the metric', async () => {
		const paragraph = (await page(dist, 'papers/crm-for-store-managers'))
			.querySelectorAll('main .body p')
			.find((p) => p.querySelector('.metric-value'))!;
		// As of the paper's date (10 February 2026), not today's 82%.
		expect(text(paragraph)).toMatch(/Our aim is four in five managers by the autumn\. Today the figure is 45%\.$/);
		expect(paragraph.querySelector('.metric-value')?.getAttribute('href')).toBe('/metrics/crm-adoption/');
	});

	it('follow the base path in links', async () => {
		const card = (await page(inject('exampleItDist'), 'papers/cutting-cloud-spend')).querySelector('main .metric-card .title a');
		expect(card?.getAttribute('href')).toBe('/it/metrics/cloud-spend-variance/');
	});
});

describe('metrics outside the site', () => {
	const dist = inject('exampleDist');

	it('carry the chart in words in feeds, where no SVG is relied on', async () => {
		const feed = parseFeed(await fs.readFile(path.join(dist, 'feeds/all.xml'), 'utf8'));
		const item = feed.items.find((i) => i.url === 'https://intranet.example/papers/cutting-cloud-spend/')!;
		const content = parse(item.content ?? '');
		expect(text(content)).toContain('Latest £11k in April 2026 (target £0k): off target; down from £42k in December 2025, an improvement.');
		expect(content.querySelector('a[href="https://intranet.example/metrics/cloud-spend-variance/"]')).not.toBeNull();
	});

	it('give <MetricValue> in a newsletter intro as text and a link in the plain-text email', async () => {
		const plain = await fs.readFile(path.join(dist, 'newsletter/2/email.txt'), 'utf8');
		expect(plain.replace(/\s+/g, ' ')).toContain(
			'The latest median load time is 2.6 seconds [https://intranet.example/metrics/web-shop-page-load/].',
		);
	});
});

describe('content errors about metrics', () => {
	const fourth = (id: string, rank: number) =>
		[
			`title: Extra metric ${id}`,
			'technical: Some technical measure',
			'translation: Something the business would notice.',
			'unit: "%"',
			'direction: higher',
			'segments: [finance]',
			`critical: { finance: ${rank} }`,
			'published: 2026-01-15',
			'series:',
			'  - { date: 2026-01-01, value: 5 }',
			'',
		].join('\n');
	let tooMany: BuildResult;
	let raisedLimit: BuildResult;
	let unknownId: BuildResult;
	let unknownLine: number;

	beforeAll(async () => {
		// The fixture's close-days is finance's first pick; three more make four.
		const crowded = await copyFixture(FIXTURE, 'metrics-crowded-content');
		for (const [id, rank] of [
			['uptime', 2],
			['spend', 3],
			['fourth-pick', 4],
		] as const) {
			await fs.writeFile(path.join(crowded, 'metrics', `${id}.yaml`), fourth(id, rank));
		}
		const raised = await copyFixture('tests/.tmp/metrics-crowded-content/content', 'metrics-raised-content');
		await fs.appendFile(path.join(raised, 'hub.yaml'), 'criticalLimit: 4\n');

		const unknown = await copyFixture(FIXTURE, 'metrics-unknown-content');
		const paper = path.join(unknown, 'papers/cloud-savings.mdx');
		await fs.appendFile(paper, '\n\nThe figure today:\n\n<Metric id="no-such-metric" />\n');
		unknownLine = (await fs.readFile(paper, 'utf8')).split('\n').findIndex((line) => line.includes('no-such-metric')) + 1;

		[tooMany, raisedLimit, unknownId] = await Promise.all([
			buildHub({ name: 'metrics-crowded', content: crowded, now: NOW }),
			buildHub({ name: 'metrics-raised', content: raised, now: NOW }),
			buildHub({ name: 'metrics-unknown', content: unknown, now: NOW }),
		]);
	});

	it('fail the build when a segment has more critical metrics than the limit, naming the file and the segment', () => {
		expect(tooMany.code).not.toBe(0);
		expect(tooMany.output).toMatch(
			/metrics\/fourth-pick\.yaml:\d+:\d+ critical\.finance: expected at most 3 critical metrics for the segment "finance" \(criticalLimit in hub\.yaml\), and it already has close-days, uptime, spend; found a fourth one, rank 4/,
		);
	});

	it('take the limit from hub.yaml', () => {
		expect(raisedLimit.code, raisedLimit.output).toBe(0);
	});

	it('fail the build on an unknown metric id in MDX, naming the file, line and id', () => {
		expect(unknownId.code).not.toBe(0);
		expect(unknownId.output).toContain(
			`papers/cloud-savings.mdx:${unknownLine}:1 <Metric> id: expected an existing metric, one of: close-days; found "no-such-metric"`,
		);
	});
});
