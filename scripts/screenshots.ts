/**
 * Screenshots of the built example hub for README: the home page and a paper, on a desktop and on
 * a phone. Run `npm run build` first, then `npm run screenshots`. `npm run screenshots -- de` takes
 * the German fixture hub's instead (home, a paper, a campaign, search), for docs/writing.md's
 * Languages section: build it first with
 * `HOURGLASS_CONTENT=tests/fixtures/german/content HOURGLASS_NOW=2026-06-15 npm run build`.
 * Uses the machine's Chromium (CHROMIUM_PATH, default /usr/bin/chromium), never a downloaded browser.
 */
import path from 'node:path';
import { preview } from 'astro';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'docs/screenshots');
const DESKTOP = { width: 1280, height: 800 };
const GERMAN = [
	{ file: 'de-home.png', path: '', viewport: DESKTOP, scheme: 'light', fullPage: false },
	{ file: 'de-paper.png', path: 'papers/neue-kassen/', viewport: DESKTOP, scheme: 'light', fullPage: false },
	{ file: 'de-campaign.png', path: 'campaigns/handscanner/', viewport: { width: 1280, height: 1100 }, scheme: 'light', fullPage: false },
	{ file: 'de-search.png', path: 'search/?q=Kasse', viewport: DESKTOP, scheme: 'light', fullPage: false },
] as const;
const EXAMPLE = [
	{ file: 'home-desktop.png', path: '', viewport: { width: 1280, height: 800 }, scheme: 'light', fullPage: false },
	{ file: 'home-phone-dark.png', path: '', viewport: { width: 390, height: 844 }, scheme: 'dark', fullPage: false },
	{
		file: 'paper-desktop.png',
		path: 'papers/web-shop-faster-black-friday/',
		viewport: { width: 1280, height: 800 },
		scheme: 'light',
		fullPage: false,
	},
] as const;
const SHOTS = process.argv[2] === 'de' ? GERMAN : EXAMPLE;

const server = await preview({ root: ROOT, logLevel: 'warn', server: { host: '127.0.0.1', port: 4329 } });
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
	for (const shot of SHOTS) {
		const page = await browser.newPage({ viewport: shot.viewport, colorScheme: shot.scheme, deviceScaleFactor: 1 });
		await page.goto(`http://127.0.0.1:4329/${shot.path}`);
		// The search page shows its results once its script has run.
		await page.locator('main').waitFor();
		if (shot.path.startsWith('search/')) await page.locator('section[aria-busy="false"]').waitFor();
		await page.screenshot({ path: path.join(OUT, shot.file), fullPage: shot.fullPage });
		await page.close();
		console.info(`docs/screenshots/${shot.file}`);
	}
} finally {
	await browser.close();
	await server.stop();
}
