/**
 * A campaign that skipped a stage, as real rollouts do (tests/fixtures/campaigns): Know done, Like's
 * only activity dropped, Trust done, Try under way. Every page that shows where it stands reads
 * "Stage 4 of 7: Try" with Like skipped, and its feed's activity items, parsed by a real parser,
 * carry what a reader in a mail client can act on.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, type BuildResult } from '../helpers/build-hub';
import { fixtureHub } from '../helpers/shared-build';

const CAMPAIGN = 'handhelds-for-stores';
const WHERE = 'Stage 4 of 7: Try';

const words = (element: HTMLElement | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim();

describe('a campaign that skipped a stage', () => {
	let build: BuildResult;
	beforeAll(async () => {
		build = await fixtureHub({ content: 'tests/fixtures/campaigns/content', now: '2026-06-15' });
		expect(build.code, build.output).toBe(0);
	});
	const main = (route: string) => parseHtml(fs.readFileSync(path.join(build.dist, route, 'index.html'), 'utf8')).querySelector('main')!;

	it('reads "Stage 4 of 7: Try" on its page, with Like skipped in the drawing, its text, the table and the timeline', () => {
		const page = main(`campaigns/${CAMPAIGN}`);
		expect(words(page.querySelector('.stage-now'))).toBe(`${WHERE} · 4 of 6 activities done`);
		expect(words(page.querySelector('svg desc'))).toMatch(
			/^Stage 4 of 7: Try, under way, 2 of 3 done\. Know: done, 1 of 1 done\. Like: skipped, 1 dropped\. Trust: done, 1 of 1 done\./,
		);
		const bands = page.querySelectorAll('svg g.band');
		expect(bands.filter((band) => band.classList.contains('skipped')).map((band) => band.getAttribute('data-stage'))).toEqual(['like']);
		expect(words(bands[1]!.querySelector('.state'))).toBe('skipped, 1 dropped');
		expect(bands.filter((band) => band.classList.contains('current')).map((band) => words(band.querySelector('.name')))).toEqual([
			'Try — You are here',
		]);
		const rows = page.querySelectorAll('.hourglass tbody tr').map((row) => row.querySelectorAll('th, td').map(words));
		expect(rows[1]).toEqual(['Like', "Let store managers see handhelds at work in a peer's stores.", '⊘ Skipped', '1 dropped']);
		expect(page.querySelectorAll('tr[aria-current="step"]').map((row) => words(row.querySelector('th')))).toEqual(['Try You are here']);
		expect(page.querySelectorAll('section.stage .state').map(words)).toEqual([
			'Done',
			'Skipped',
			'Done',
			'Under way',
			'Not started',
			'Not started',
			'Not started',
		]);
	});

	it('reads the same on the campaigns list, its audiences’ pages and the home page', () => {
		expect(words(main('campaigns').querySelector('section[aria-labelledby="live"]'))).toContain(`${WHERE} · 4 of 6 activities done`);
		for (const segment of ['store-managers', 'executives']) {
			expect(words(main(`segments/${segment}`).querySelector('section[aria-labelledby="campaigns-heading"]'))).toContain(WHERE);
		}
		// Trust was done on 20 May, within the home page's 30 days: the campaign moved on to Try, past Like.
		expect(words(main('').querySelector('section[aria-labelledby="moved-heading"] li'))).toBe('Handhelds for every store reached Try');
	});

	it('is never said to be at Like anywhere in the site', async () => {
		const pages = (await listFiles(build.dist)).filter((file) => file.endsWith('.html'));
		expect(pages.length).toBeGreaterThan(10);
		for (const file of pages) {
			const text = parseHtml(fs.readFileSync(path.join(build.dist, file), 'utf8')).textContent;
			expect(text, file).not.toMatch(/Stage 2 of 7|Like\s*—\s*You are here|reached Like/);
		}
	});

	describe('its feed', () => {
		let items: ReturnType<typeof parseFeed>['items'];
		beforeAll(() => {
			items = parseFeed(fs.readFileSync(path.join(build.dist, `feeds/campaigns/${CAMPAIGN}.xml`), 'utf8')).items;
		});
		const activity = (title: string) => items.find((item) => item.title === title)!;
		const html = (text: string | null) => parseHtml(text ?? '');

		it('carries the done activities, newest first, and neither the planned nor the dropped ones', () => {
			expect(items.map((item) => item.title)).toEqual([
				'Try: Pilot stores count stock on handhelds alone, without paper lists',
				'Three stores check stock in minutes, not hours',
				'Try: Three pilot stores start stock checks on handhelds',
				'Trust: Champions choose the device with the supplier',
				'Know: Interviews with six store managers about the Monday stock check',
			]);
		});

		it("gives each activity its status and date, its stage's goal and its audiences, in the description and the full content alike", () => {
			const trust = activity('Trust: Champions choose the device with the supplier');
			const paragraphs = html(trust.description).querySelectorAll('p').map(words);
			expect(paragraphs).toEqual([
				'Done on 20 May 2026, in the Trust stage of Handhelds for every store.',
				'Goal of the stage: Two store managers choose the device with IT and the supplier.',
				'For: Store managers, Executives',
			]);
			expect(html(trust.content).querySelectorAll('p').map(words)).toEqual(paragraphs);
			expect(new URL(trust.url ?? '').hash).toBe('#trust-2026-05-20');
			expect(html(trust.description).querySelector('a')!.getAttribute('href')).toBe(trust.url);
			expect(trust.categories.map((category) => category.term)).toEqual(['Trust', 'Store managers', 'Executives']);
		});

		it('gives an activity that a paper reports on the paper’s summary and business value, with its link', () => {
			const pilot = activity('Try: Three pilot stores start stock checks on handhelds');
			for (const body of [pilot.description, pilot.content]) {
				const text = words(html(body));
				expect(text).toContain('Done on 1 June 2026, in the Try stage of Handhelds for every store.');
				expect(text).toContain('Goal of the stage: Three stores use the handhelds for a month and say what to change.');
				expect(text).toContain('For: Store managers');
				expect(text).toContain(
					'Reported in Three stores check stock in minutes, not hours' +
						'In its first week, the handheld pilot cut the Monday stock check in three stores from three hours to forty minutes.',
				);
				expect(text).toContain('Why it matters to the business: Two staff hours a store each week back on the shop floor');
				const links = html(body)
					.querySelectorAll('a')
					.map((a) => a.getAttribute('href'));
				expect(links).toContain('https://intranet.example/papers/handheld-pilot-first-week/');
			}
			const know = activity('Know: Interviews with six store managers about the Monday stock check');
			expect(words(html(know.description))).not.toContain('Reported in');
		});

		it('says nothing of a report written ahead until it is published, nor links it anywhere', async () => {
			const alone = activity('Try: Pilot stores count stock on handhelds alone, without paper lists');
			for (const body of [alone.description, alone.content]) {
				expect(words(html(body))).not.toMatch(/Reported in|A quarter of stock checks|Evidence for the roll-out/);
			}
			expect(fs.existsSync(path.join(build.dist, 'papers/handheld-pilot-first-quarter'))).toBe(false);
			const papersLinked = (anchor: string) =>
				main(`campaigns/${CAMPAIGN}`)
					.querySelectorAll(`li#${anchor} a`)
					.map((a) => a.getAttribute('href'))
					.filter((href) => href?.includes('/papers/'));
			expect(papersLinked('try-2026-06-01')).toEqual(['/papers/handheld-pilot-first-week/']);
			expect(papersLinked('try-2026-06-10')).toEqual([]);
			for (const file of await listFiles(build.dist)) {
				if (/\.(html|xml|json)$/.test(file))
					expect(fs.readFileSync(path.join(build.dist, file), 'utf8'), file).not.toContain('handheld-pilot-first-quarter');
			}
		});
	});
});
