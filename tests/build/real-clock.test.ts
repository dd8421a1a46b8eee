/**
 * Every other build in the suite is pinned to a date (`now`, HOURGLASS_NOW), so no test depends on
 * the day it runs. A writer's build is not pinned: this one runs on the machine's clock and checks
 * only what no day between the fixture's newest entry (May 2026) and its scheduled paper (2099)
 * can change.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { parseFeed } from '@rowanmanning/feed-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, type BuildResult } from '../helpers/build-hub';
import { fixtureHub } from '../helpers/shared-build';

describe('a hub built on the real clock', () => {
	let build: BuildResult;
	beforeAll(async () => {
		build = await fixtureHub({ content: 'tests/fixtures/basic/content' });
	});

	it('builds', () => {
		expect(build.code, build.output).toBe(0);
		expect(build.output).toContain('site written to');
	});

	it('publishes the papers of the past, keeps the archived one at its URL, and the draft and the scheduled one nowhere', async () => {
		const papers = (await listFiles(path.join(build.dist, 'papers'))).filter((file) => file.endsWith('/index.html'));
		expect(papers).toEqual(['cloud-savings/index.html', 'old-laptops/index.html', 'phishing-drill/index.html']);
		const archived = parse(await fs.readFile(path.join(build.dist, 'papers/old-laptops/index.html'), 'utf8'));
		expect(archived.querySelector('.banner-archived')).not.toBeNull();
		const feed = parseFeed(await fs.readFile(path.join(build.dist, 'feeds/all.xml'), 'utf8'));
		expect(feed.items.map((item) => new URL(item.url!).pathname).sort()).toEqual([
			'/case-studies/finance-close/',
			'/newsletter/1/',
			'/papers/cloud-savings/',
			'/papers/phishing-drill/',
		]);
		for (const file of await listFiles(build.dist)) {
			expect(await fs.readFile(path.join(build.dist, file), 'latin1'), file).not.toMatch(
				/Blunderbuss|Gallimaufry|secret-draft|future-plans/,
			);
		}
	});

	it('gives the home page its dated sections, whatever they hold today', async () => {
		const home = parse(await fs.readFile(path.join(build.dist, 'index.html'), 'utf8'));
		expect(home.querySelectorAll('main h2').map((h) => h.textContent)).toEqual(expect.arrayContaining(['This month', 'Needs attention']));
	});
});
