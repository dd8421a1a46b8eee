/**
 * Issue 23's "done when", end to end as a new user goes: `npm run new -- hub` in a folder of its
 * own, a build with HOURGLASS_CONTENT without a warning, `npm run deploy` into the folder that
 * nginx (and Apache) serve with the shipped settings, and the home page in Chromium.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../../src/tools/deploy';
import { newEntry } from '../../src/tools/scaffold-cli';
import { launchBrowser } from '../helpers/browser';
import { buildHub, type BuildResult } from '../helpers/build-hub';
import { visitPage } from '../helpers/gates/browser';
import { startWebServer, type ServerKind } from '../helpers/web-servers';

const NAME = 'Contoso IT';

describe('a new hub, built and deployed into the folder a web server serves', () => {
	let work: string;
	let build: BuildResult;
	let served: string;
	let browser: Browser;

	beforeAll(async () => {
		work = await fs.mkdtemp(path.join(os.tmpdir(), 'hourglass-our-hub-'));
		// mkdtemp makes the folder private; the servers' workers (nobody) must reach the site inside it.
		await fs.chmod(work, 0o755);
		const hub = path.join(work, 'our-hub');
		const said: string[] = [];
		const io = {
			out: (text: string) => said.push(text),
			err: (text: string) => said.push(text),
			gitEmail: () => 'grace.hopper@contoso.example',
			gitName: () => 'Grace Hopper',
		};
		const options = ['--name', NAME, '--organisation', 'Contoso', '--domain', 'contoso.example', '--language', 'en-GB'];
		expect(await newEntry(['hub', hub, ...options], io), said.join('')).toBe(0);
		[build, browser] = await Promise.all([buildHub({ name: 'new-hub-served', content: hub }), launchBrowser()]);
		const folder = path.join(work, 'www');
		if (build.code === 0) await deploy({ from: build.dist, to: folder });
		served = path.join(folder, 'current');
	});
	afterAll(async () => {
		await browser.close();
		await fs.rm(work, { recursive: true, force: true });
	});

	it('builds with HOURGLASS_CONTENT without a warning', () => {
		expect(build.code, build.output).toBe(0);
		expect(build.output.split('\n').filter((line) => /warn/i.test(line))).toEqual([]);
	});

	it.each<ServerKind>(['nginx', 'apache'])('opens in Chromium through %s: the home page, a missing page, the search page', async (kind) => {
		const server = await startWebServer(kind, { base: '/', root: served });
		try {
			let title = '';
			const home = await visitPage(browser, server.url, {
				interact: async (page) => {
					title = await page.title();
				},
			});
			expect(title).toContain(NAME);
			const visits = [
				home,
				await visitPage(browser, `${server.url}no-such-page/`, { expectNotFound: true }),
				await visitPage(browser, `${server.url}search/?q=hub`),
			];
			for (const visit of visits) {
				expect(visit.errors, visit.url).toEqual([]);
				expect(visit.cspViolations, visit.url).toEqual([]);
				expect(visit.outsideRequests, visit.url).toEqual([]);
			}
		} finally {
			await server.stop();
		}
	});
});
