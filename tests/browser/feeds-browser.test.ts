import { parseFeed } from '@rowanmanning/feed-parser';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CSP_HEADER } from '../../src/integrations/csp';
import { launchBrowser } from '../helpers/browser';
import { serveDist, type StaticServer } from '../helpers/serve';

describe('a feed opened in a browser', () => {
	const dist = inject('exampleItDist');
	let server: StaticServer;
	let browser: Browser;

	beforeAll(async () => {
		// With the header the web server settings in deploy/ send, which allows no inline style.
		[server, browser] = await Promise.all([serveDist(dist, '/it/', { 'Content-Security-Policy': CSP_HEADER }), launchBrowser()]);
	});
	afterAll(async () => {
		await Promise.all([server.close(), browser.close()]);
	});

	it.each(['feeds/executives.xml', 'feeds/topics/cloud.xml'])('shows %s as a styled page from the site alone', async (file) => {
		const feed = parseFeed(fs.readFileSync(path.join(dist, file), 'utf8'));
		const page = await browser.newPage();
		const requests: string[] = [];
		const failed: string[] = [];
		const errors: string[] = [];
		page.on('request', (request) => requests.push(request.url()));
		page.on('response', (response) => response.status() >= 400 && !response.url().endsWith('/favicon.ico') && failed.push(response.url()));
		page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
		page.on('pageerror', (error) => errors.push(error.message));
		await page.goto(`${server.url}${file}`, { waitUntil: 'load' });

		expect(await page.locator('h1').textContent()).toBe(feed.title);
		expect(await page.locator('li h2 a').count()).toBe(feed.items.length);
		expect(await page.locator('li h2 a').first().getAttribute('href')).toBe(feed.items[0]?.url);
		expect(await page.locator('.about code').textContent()).toBe(feed.self);
		// The stylesheet beside the feed applied: the page is a readable column, not the browser's default.
		expect(await page.locator('body').evaluate((body) => getComputedStyle(body).maxWidth)).not.toBe('none');
		const subscribe = await page.locator('.about a').getAttribute('href');
		expect(new URL(subscribe!, page.url()).href).toBe(`${server.url}subscribe/`);
		expect(requests.filter((url) => !url.startsWith(server.origin))).toEqual([]);
		expect(failed).toEqual([]);
		// Chromium injects its own XSLT deprecation banner, styled inline, which the policy blocks;
		// nothing of ours may be blocked.
		const banner = await page.locator('xslt-warning-banner').count();
		const ours = errors.filter(
			(error) => !(banner > 0 && /inline (style|event handler) violates/.test(error)) && !error.includes('Failed to load resource'),
		);
		expect(ours).toEqual([]);
		const styled = await page.evaluate(
			() => [...document.querySelectorAll('[style]')].filter((element) => !element.closest('xslt-warning-banner')).length,
		);
		expect(styled).toBe(0);
		await page.close();
	});
});
