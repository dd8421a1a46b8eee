/**
 * Hubs in other languages, in Chromium. A German hub (tests/fixtures/german) searches with
 * German stemming, since Pagefind reads `<html lang>`: "Kasse" finds the paper about "Kassen", and
 * every state of the search page speaks German. An Arabic hub (tests/fixtures/arabic, with a small
 * override file and no full dictionary) reads right to left: the layout mirrors, nothing overflows,
 * and charts keep their time axis left to right.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { formatAxeViolations, visitPage, type PageVisit } from '../helpers/gates/browser';
import { serveDist, type StaticServer } from '../helpers/serve';
import { fixtureHub } from '../helpers/shared-build';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

/** The accessibility and CSP gates on the pages a reader of the hub sees most, in both colour schemes. */
async function gates(server: StaticServer, pages: readonly string[]): Promise<void> {
	const visits: PageVisit[] = [];
	for (const path of pages) {
		for (const scheme of ['light', 'dark'] as const) {
			visits.push(
				await visitPage(browser, server.url + path, {
					scheme,
					axe: true,
					interact: (page) => page.locator('section[aria-busy="false"], main').first().waitFor(),
				}),
			);
		}
	}
	expect(formatAxeViolations(visits)).toBe('');
	expect(visits.flatMap((visit) => [...visit.cspViolations, ...visit.errors, ...visit.outsideRequests])).toEqual([]);
}

async function serve(content: string): Promise<StaticServer> {
	const build = await fixtureHub({ content, now: '2026-06-15' });
	expect(build.code, build.output).toBe(0);
	return serveDist(build.dist);
}

describe('a German hub, searched in Chromium', () => {
	let server: StaticServer;
	let page: Page;
	beforeAll(async () => {
		server = await serve('tests/fixtures/german/content');
		page = await browser.newPage();
	});
	afterAll(async () => {
		await page.close();
		await server.close();
	});

	async function search(params: string): Promise<{ status: string; titles: string[] }> {
		await page.goto(`${server.url}search/${params}`);
		await page.locator('section[aria-busy="false"]').waitFor();
		return {
			status: ((await page.locator('[role="status"]').textContent()) ?? '').trim(),
			titles: await page.locator('[data-results] > li h3').allTextContents(),
		};
	}

	it('finds "Kassen" for "Kasse" and "Kasse" for "Kassen": the index stems German', async () => {
		// The paper writes only "Kassen"; the case study only "Kasse", which no prefix match of "Kassen" finds.
		const singular = await search('?q=Kasse');
		expect(singular.titles).toContain('Neue Kassen für alle Filialen');
		expect(singular.status).toMatch(/^\d+ Ergebnis(se)? für „Kasse“\.$/);
		const plural = await search('?q=Kassen');
		expect(plural.titles).toEqual(expect.arrayContaining(['Neue Kassen für alle Filialen', 'Dateiablage in der Cloud: ein Jahr danach']));
	});

	it('speaks German in every state: prompt, results with filters, nothing found, filters and order', async () => {
		expect((await search('')).status).toBe('Geben Sie ein Wort ein oder wählen Sie einen Filter, um den Hub zu durchsuchen.');
		expect((await search('?segment=vorstand')).status).toMatch(/^\d+ Ergebnis(se)? mit den gewählten Filtern\.$/);
		expect((await search('?q=Xylofonkonzert')).status).toBe('Keine Ergebnisse für „Xylofonkonzert“.');
		await expect(page.getByRole('heading', { name: 'Stattdessen stöbern' }).isVisible()).resolves.toBe(true);
		expect(await page.locator('fieldset[data-facet] legend').allTextContents()).toEqual(
			expect.arrayContaining(['Art', 'Zielgruppe', 'Jahr']),
		);
		expect(await page.locator('select[name="sort"] option').allTextContents()).toEqual(['Beste Treffer zuerst', 'Neueste zuerst']);
		const { titles: details } = await search('?q=Kassen');
		expect(details.length).toBeGreaterThan(0);
		expect(await page.locator('[data-results] .details').first().textContent()).toMatch(/· Für /);
	});

	it('passes the axe and CSP gates', async () => {
		await gates(server, ['', 'papers/neue-kassen/', 'campaigns/handscanner/', 'metrics/wartezeit/', 'search/?q=Kasse']);
	});
});

describe('an Arabic hub, right to left in Chromium', () => {
	let server: StaticServer;
	let page: Page;
	beforeAll(async () => {
		server = await serve('tests/fixtures/arabic/content');
		page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	});
	afterAll(async () => {
		await page.close();
		await server.close();
	});

	const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;

	it('sets dir="rtl" and takes the override file’s words', async () => {
		await page.goto(`${server.url}papers/new-tills/`);
		expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
		expect(await page.locator('nav a').first().textContent()).toBe('أوراق الموقف');
		expect(await page.locator('#business-value').textContent()).toBe('لماذا يهم ذلك للعمل');
	});

	it('mirrors the layout: the hub’s name on the right, the menu from right to left, callouts edged on the right', async () => {
		for (const width of [1280, 375]) {
			await page.setViewportSize({ width, height: 900 });
			await page.goto(`${server.url}papers/new-tills/`);
			const brand = await box('.site-header .brand');
			expect(brand.x + brand.width, `${width}px`).toBeGreaterThan(width / 2);
			const links = await page.locator('nav[aria-label] a').evaluateAll((anchors) => anchors.map((a) => a.getBoundingClientRect().right));
			expect(links[0], `${width}px`).toBeGreaterThan(links[1]!);
			const border = await page
				.locator('.business-value')
				.evaluate((element) => [getComputedStyle(element).borderRightWidth, getComputedStyle(element).borderLeftWidth]);
			expect(border[0]).not.toBe('0px');
			expect(border[1]).toBe('0px');
			// Nothing pokes out of the page sideways.
			expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${width}px`).toBe(true);
		}
	});

	it('keeps charts’ time axis left to right, with labels inside the chart and apart', async () => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(`${server.url}metrics/wait-time/`);
		const labels = await page.locator('.trend-chart svg.wide .time-axis text').evaluateAll((texts) =>
			texts.map((text) => {
				const { left, right } = text.getBoundingClientRect();
				return { text: text.textContent, left, right };
			}),
		);
		expect(labels.length).toBeGreaterThan(1);
		for (let i = 1; i < labels.length; i++) expect(labels[i]!.left, 'later dates to the right').toBeGreaterThan(labels[i - 1]!.right);
		const chart = await box('.trend-chart svg.wide');
		expect(labels[0]!.left).toBeGreaterThanOrEqual(chart.x);
		expect(labels.at(-1)!.right).toBeLessThanOrEqual(chart.x + chart.width);
	});

	it('passes the axe and CSP gates', async () => {
		await gates(server, ['', 'papers/new-tills/', 'campaigns/handhelds/', 'metrics/wait-time/']);
	});
});
