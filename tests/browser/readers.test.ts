/**
 * What a reader notices on a desktop (1280×800) and a phone (390×844), in the light and the dark
 * scheme: the home page's lead and the metrics that need attention, no metric shown twice, the
 * audience page's "Follow" block, phone layouts that fit and stay legible, touch targets, and
 * papers and case studies that print on one A4 sheet.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { serveDist, type StaticServer } from '../helpers/serve';

const DESKTOP = { name: 'desktop', viewport: { width: 1280, height: 800 }, touch: false };
const PHONE = { name: 'phone', viewport: { width: 390, height: 844 }, touch: true };
const SCHEMES = ['light', 'dark'] as const;

let browser: Browser;
let server: StaticServer;
let dist: string;

beforeAll(async () => {
	dist = inject('exampleDist');
	[browser, server] = await Promise.all([launchBrowser(), serveDist(dist)]);
});
afterAll(async () => {
	await Promise.all([browser.close(), server.close()]);
});

const builtHtml = (page: string) => parseHtml(fs.readFileSync(path.join(dist, page, 'index.html'), 'utf8'));

/** Metrics off target or at risk, as the metrics list (a different page) says. */
function metricsNeedingAttention(): string[] {
	return builtHtml('metrics/')
		.querySelectorAll('tr[data-metric]')
		.filter((row) => ['off-target', 'at-risk'].includes(row.getAttribute('data-status')!))
		.map((row) => row.getAttribute('data-metric')!)
		.sort();
}

/** The metrics a page shows as a card, list item or table row (an inline value in a sentence is not a showing), visible ones only. */
const metricsShown = (page: Page) =>
	page.$$eval('article[data-metric], li[data-metric], tr[data-metric]', (elements) =>
		elements.filter((element) => (element as HTMLElement).offsetParent !== null).map((element) => (element as HTMLElement).dataset.metric!),
	);

const duplicates = (ids: readonly string[]) => ids.filter((id, index) => ids.indexOf(id) !== index);

describe.each(SCHEMES.flatMap((scheme) => [DESKTOP, PHONE].map((device) => ({ ...device, scheme }))))(
	'$name, $scheme scheme',
	({ name, viewport, touch, scheme }) => {
		let context: BrowserContext;
		let page: Page;

		beforeAll(async () => {
			context = await browser.newContext({ viewport, colorScheme: scheme, hasTouch: touch, isMobile: touch });
			page = await context.newPage();
		});
		afterAll(async () => {
			await context.close();
		});

		it('home page: leads with the latest newsletter issue, in the first screen', async () => {
			await page.goto(server.url);
			const newest = Math.max(
				...fs
					.readdirSync(path.join(dist, 'newsletter'))
					.filter((entry) => /^\d+$/.test(entry))
					.map(Number),
			);
			const lead = page.locator('[data-lead]');
			await expect(lead.locator('h2 a').getAttribute('href')).resolves.toBe(`/newsletter/${newest}/`);
			expect(await lead.locator('h2').textContent()).toBe(builtHtml(`newsletter/${newest}/`).querySelector('h1')!.textContent);
			expect(await lead.textContent()).toContain('Why it matters to the business');
			const box = (await lead.boundingBox())!;
			expect(box.y).toBeLessThan(viewport.height);
		});

		it('home page: shows every metric that is off target or at risk, each once, and fits about three phone screens', async () => {
			await page.goto(server.url);
			const expected = metricsNeedingAttention();
			expect(expected.length).toBeGreaterThan(0);
			const attention = await page.$$eval('section[aria-labelledby="attention-heading"] [data-metric]', (cards) =>
				cards.map((card) => (card as HTMLElement).dataset.metric!),
			);
			expect([...attention].sort()).toEqual(expected);
			const statuses = await page.$$eval('section[aria-labelledby="attention-heading"] [data-metric]', (cards) =>
				cards.map((card) => (card as HTMLElement).dataset.status),
			);
			expect(statuses.every((status) => status === 'off-target' || status === 'at-risk')).toBe(true);
			if (name === 'phone') {
				const height = await page.evaluate(() => document.documentElement.scrollHeight);
				expect(height / viewport.height).toBeLessThanOrEqual(3.25);
			}
		});

		it.each([
			'',
			'papers/web-shop-faster-black-friday/',
			'papers/cutting-cloud-spend/',
			'case-studies/black-friday-checkout/',
			'case-studies/halving-phishing-clicks/',
			'segments/executives/',
			'topics/security/',
			'metrics/',
		])('shows no metric twice on /%s', async (route) => {
			await page.goto(server.url + route);
			const shown = await metricsShown(page);
			expect(duplicates(shown), shown.join(', ')).toEqual([]);
		});

		it('audience page: the "Follow this in Outlook or your reader" block is near the top, with the feed address to copy', async () => {
			await page.goto(`${server.url}segments/executives/`);
			const block = page.locator('section.follow');
			await expect(block.locator('h2').textContent()).resolves.toBe('Follow this in Outlook or your reader');
			expect((await block.boundingBox())!.y).toBeLessThan(viewport.height);
			const address = block.locator('[data-feed-url]');
			const url = (await address.textContent())!.trim();
			expect(url).toBe('https://intranet.example/feeds/executives.xml');
			expect(fs.existsSync(path.join(dist, 'feeds/executives.xml'))).toBe(true);
			// No script on content pages: one click (or tap) selects the whole address, ready to copy.
			if (touch) await address.tap();
			else await address.click();
			expect(await page.evaluate(() => window.getSelection()?.toString().trim())).toBe(url);
			const newsletter = await block.locator('a[href^="mailto:"]').getAttribute('href');
			expect(newsletter).toMatch(/^mailto:it-editors@northwind\.example\?subject=/);
		});

		it('metric pages: chart text is at least 12 px as displayed, and the value axis names its unit', async () => {
			await page.goto(`${server.url}metrics/web-shop-page-load/`);
			const chart = await page.$eval('figure.trend-chart', (figure) => {
				const svg = [...figure.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0)!;
				const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
				const sizes = [...svg.querySelectorAll('text')].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
				return { smallest: Math.min(...sizes), unit: svg.querySelector('text.unit')?.textContent };
			});
			expect(chart.smallest).toBeGreaterThanOrEqual(12);
			expect(chart.unit).toBe('Unit: seconds');
		});

		it('header search box shows its whole placeholder', async () => {
			await page.goto(server.url);
			const fits = await page.$eval('#site-search-q', (input) => {
				const field = input as HTMLInputElement;
				const style = getComputedStyle(field);
				const context = document.createElement('canvas').getContext('2d')!;
				context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
				const room = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
				return { text: field.placeholder, needed: context.measureText(field.placeholder).width, room };
			});
			expect(fits.text).not.toBe('');
			expect(fits.needed).toBeLessThanOrEqual(fits.room);
		});

		if (touch) {
			it.each([
				'metrics/',
				'metrics/web-shop-page-load/',
				'search/?q=cloud',
				'',
				'campaigns/crm-for-sales-and-marketing/',
				'systems/',
				'systems/payments/',
			])('phone layout of /%s: no sideways scroll, and no text under 12 px', async (route) => {
				await page.goto(server.url + route);
				if (route.startsWith('search/')) await page.locator('main a[href*="/papers/"]').first().waitFor();
				const layout = await page.evaluate(() => {
					const small: string[] = [];
					for (const element of document.querySelectorAll('body *')) {
						const hasText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
						const box = element.getBoundingClientRect();
						// Visually hidden text (1 px boxes) is for screen readers; SVG text is measured with the chart.
						if (!hasText || box.width <= 1 || box.height <= 1 || element instanceof SVGElement) continue;
						const size = parseFloat(getComputedStyle(element).fontSize);
						if (size < 12) small.push(`<${element.localName}> ${size}px: ${element.textContent.trim().slice(0, 40)}`);
					}
					return { overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth, small };
				});
				expect(layout.overflow).toBe(0);
				expect(layout.small).toEqual([]);
			});

			it('phone: the metrics list shows every metric as a card with its target and status in view', async () => {
				await page.goto(`${server.url}metrics/`);
				const rows = await page.$$eval('tr[data-metric]', (cards) =>
					cards.map((card) =>
						[...card.querySelectorAll('td[data-label="Target"], td[data-label="Status"]')].map((cell) => {
							const box = cell.getBoundingClientRect();
							return box.width > 0 && box.left >= 0 && box.right <= window.innerWidth;
						}),
					),
				);
				expect(rows.length).toBeGreaterThan(0);
				expect(rows.every((cells) => cells.length === 2 && cells.every(Boolean))).toBe(true);
			});

			it('phone: links that stand alone are at least 44 px tall to tap', async () => {
				const short: string[] = [];
				for (const route of ['', 'segments/executives/', 'papers/web-shop-faster-black-friday/']) {
					await page.goto(server.url + route);
					const found = await page.$$eval('nav[aria-label="Main"] a, a.pill, a.tap, .site-footer li a, .site-search button', (targets) =>
						targets
							.filter((target) => target.getBoundingClientRect().width > 0)
							.filter((target) => target.getBoundingClientRect().height < 44)
							.map((target) => `${target.textContent.trim()} (${Math.round(target.getBoundingClientRect().height)} px)`),
					);
					short.push(...found.map((target) => `/${route}: ${target}`));
				}
				expect(short).toEqual([]);
			});
		}
	},
);

/** The site's chrome around an entry that a page shows: navigation, search, related reading, footer. */
const chromeShown = (page: Page) =>
	page
		.locator('.site-header nav, .site-search, .related, .site-footer')
		.evaluateAll((elements) =>
			elements.filter((element) => (element as HTMLElement).offsetParent !== null).map((element) => element.getAttribute('class') ?? ''),
		);

describe('print', () => {
	it.each([
		{ kind: 'paper', folder: 'papers', least: 10 },
		{ kind: 'case study', folder: 'case-studies', least: 3 },
	])('prints every $kind of the example on one A4 page, byline and all, without the site’s chrome', async ({ folder, least }) => {
		const page = await browser.newPage();
		const entries = fs.readdirSync(path.join(dist, folder)).filter((entry) => fs.existsSync(path.join(dist, folder, entry, 'index.html')));
		expect(entries.length).toBeGreaterThanOrEqual(least);
		const pages: Record<string, number> = {};
		for (const entry of entries) {
			await page.goto(`${server.url}${folder}/${entry}/`);
			await page.emulateMedia({ media: 'screen' });
			expect((await chromeShown(page)).length, `${entry} on screen`).toBeGreaterThanOrEqual(3);
			await page.emulateMedia({ media: 'print' });
			expect(await chromeShown(page), `${entry} on paper`).toEqual([]);
			expect(await page.locator('.writing header .byline').isVisible()).toBe(true);
			expect(await page.locator('.writing .body > :last-child').isVisible(), `${entry}: the end of the body`).toBe(true);
			const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
			pages[entry] = (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
		}
		await page.close();
		expect(Object.entries(pages).filter(([, count]) => count !== 1)).toEqual([]);
	});
});
