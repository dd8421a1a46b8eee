/**
 * Campaigns in the built example hub, at / and under /it/: the list, a campaign's page stage by
 * stage, its feed parsed by a real parser, the OPML and /subscribe/, audience pages and the home
 * page, a newsletter issue's campaign item as of its date, and a draft campaign nowhere.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { STAGE_IDS } from '../../src/content/stages';
import { listFiles } from '../helpers/build-hub';

const CRM = 'crm-for-sales-and-marketing';
const FINISHED = 'self-service-password-reset';

describe.each([
	{ base: '/', dist: inject('exampleDist') },
	{ base: '/it/', dist: inject('exampleItDist') },
])('campaigns built at $base', ({ base, dist }) => {
	const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');
	const page = (route: string): HTMLElement => parseHtml(read(path.join(route, 'index.html')));
	const main = (route: string) => page(route).querySelector('main')!;
	const links = (element: HTMLElement) => element.querySelectorAll('a').map((a) => a.getAttribute('href'));

	it('lists live campaigns with their stage, and finished ones below', () => {
		const list = main('campaigns');
		const live = list.querySelector('section[aria-labelledby="live"]')!;
		const finished = list.querySelector('section[aria-labelledby="finished"]')!;
		expect(links(live)).toContain(`${base}campaigns/${CRM}/`);
		expect(live.textContent).toContain('Stage 4 of 7: Try · 9 of 16 activities done');
		expect(links(finished)).toContain(`${base}campaigns/${FINISHED}/`);
		expect(links(live)).not.toContain(`${base}campaigns/${FINISHED}/`);
		expect(links(list).filter((href) => href?.includes('draft-stock-app'))).toEqual([]);
	});

	it("shows a campaign's stages in order, with their state in words, activities, filed writing and people", () => {
		const campaign = main(`campaigns/${CRM}`);
		expect(campaign.querySelector('.stage-now')!.textContent).toContain('Stage 4 of 7: Try');
		const stages = campaign.querySelectorAll('section.stage');
		expect(stages.map((s) => s.id)).toEqual(STAGE_IDS.map((id) => `stage-${id}`));
		expect(stages.map((s) => s.querySelector('.state')!.textContent)).toEqual([
			'Done',
			'Done',
			'Done',
			'Under way',
			'Not started',
			'Not started',
			'Not started',
		]);
		const like = campaign.querySelector('#stage-like')!;
		expect(like.querySelector('[data-status="dropped"]')!.textContent).toMatch(/Dropped\s+Second peer panel/);
		// Each stage's writing: the case study under Know, the beta paper under Try, linked under the base.
		expect(links(campaign.querySelector('#stage-know .filed')!)).toContain(`${base}case-studies/north-region-crm-habit/`);
		expect(links(campaign.querySelector('#stage-try .filed')!)).toContain(`${base}papers/crm-beta-first-fortnight/`);
		expect(campaign.querySelector('#try-2026-11-26 a')!.getAttribute('href')).toBe(`${base}papers/crm-beta-first-fortnight/`);
		expect(campaign.querySelectorAll('.champions li').map((li) => li.textContent.replace(/\s+/g, ' '))).toEqual([
			'Hannah Lindqvist, Key account manager, Wholesale sales',
			'Marcus Reid, Campaign manager, Marketing',
		]);
		expect(campaign.querySelector('.beta')!.textContent).toContain('CRM early adopters: 12 colleagues');
	});

	it('shows each metric before and now since its baseline, with its trend, and testimonials under Refer', () => {
		const campaign = main(`campaigns/${CRM}`);
		const metrics = campaign.querySelectorAll('.moved-metric');
		expect(metrics.map((m) => m.querySelector('h3 a')!.getAttribute('href'))).toEqual([
			`${base}metrics/quote-turnaround/`,
			`${base}metrics/crm-adoption/`,
		]);
		expect(metrics[0]!.querySelector('.before-now')!.textContent.replace(/\s+/g, ' ')).toBe(
			'Before: 4 days (1 July 2026) → Now: 3.1 days (1 November 2026)',
		);
		expect(metrics[0]!.querySelector('svg')).not.toBeNull();
		const quotes = campaign.querySelectorAll('#stage-refer figure');
		expect(quotes.map((q) => q.querySelector('figcaption')!.textContent)).toEqual([
			expect.stringContaining('James Holt, Sales director'),
			expect.stringContaining('Hannah Lindqvist, Key account manager'),
		]);
	});

	it('is named on the pages of the writing filed under it, with the stage', () => {
		const filed = main('papers/crm-beta-first-fortnight').querySelector('.filed-in')!;
		expect(filed.textContent.replace(/\s+/g, ' ')).toContain(
			'Part of the campaign A customer system that sales and marketing ask for, at its Try stage.',
		);
		expect(filed.querySelector('a')!.getAttribute('href')).toBe(`${base}campaigns/${CRM}/#stage-try`);
		expect(main('papers/cutting-cloud-spend').querySelector('.filed-in')).toBeNull();
	});

	it('is in search, filed as a campaign', () => {
		const article = page(`campaigns/${CRM}`).querySelector('[data-pagefind-body]')!;
		expect(article.querySelector('[data-pagefind-filter="type[data-value]"]')!.getAttribute('data-value')).toBe('campaign');
	});

	it("carries the campaign's writing and its done activities in its feed, never the planned ones", () => {
		const xml = read(`feeds/campaigns/${CRM}.xml`);
		const feed = parseFeed(xml);
		const titles = feed.items.map((item) => item.title);
		expect(titles).toContain('Twelve colleagues are trying our new sales system first');
		expect(titles).toContain('How the North region made customer records part of the weekly routine');
		expect(titles).toContain('Try: Beta group of 12 starts quoting in the system');
		expect(titles.filter((title) => title?.includes('Launch to all 60'))).toEqual([]);
		expect(titles.filter((title) => title?.includes('Second peer panel'))).toEqual([]);
		expect(feed.items).toHaveLength(11);
		const ids = feed.items.map((item) => item.id);
		expect(new Set(ids).size).toBe(ids.length);
		const activity = feed.items.find((item) => item.title === 'Try: Beta group of 12 starts quoting in the system')!;
		expect(new URL(activity.url!).pathname + new URL(activity.url!).hash).toBe(`${base}campaigns/${CRM}/#try-2026-11-12`);
		expect(page(`campaigns/${CRM}`).querySelector('#try-2026-11-12')).not.toBeNull();
		// Newest first.
		const dates = feed.items.map((item) => item.published!.getTime());
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
	});

	it('lists campaign feeds in the OPML and on /subscribe/, linked to their pages', () => {
		const opml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(read('feeds/subscriptions.opml')) as {
			opml: { body: { outline: { text: string; outline?: { xmlUrl: string; htmlUrl: string }[] }[] } };
		};
		const group = opml.opml.body.outline.find((o) => o.text === 'Campaigns')!;
		expect(group.outline!.map((o) => new URL(o.xmlUrl).pathname).sort()).toEqual([
			`${base}feeds/campaigns/${CRM}.xml`,
			`${base}feeds/campaigns/${FINISHED}.xml`,
		]);
		const card = main('subscribe').querySelector(`#feed-campaign-${CRM}`)!;
		expect(links(card)).toContain(`${base}campaigns/${CRM}/`);
		expect(card.querySelector('[data-feed-url]')!.textContent.trim()).toMatch(new RegExp(`${base}feeds/campaigns/${CRM}\\.xml$`));
	});

	it("shows an audience its live campaigns and its testimonials, not a finished campaign's", () => {
		const managers = main('segments/divisional-managers');
		expect(links(managers.querySelector('section[aria-labelledby="campaigns-heading"]')!)).toContain(`${base}campaigns/${CRM}/`);
		const staff = main('segments/all-staff');
		expect(staff.querySelector('section[aria-labelledby="campaigns-heading"]')).toBeNull();
		expect(staff.querySelector('section[aria-labelledby="said-heading"]')!.textContent).toContain('Priya Shah');
		expect(main('segments/superusers').querySelector('section[aria-labelledby="said-heading"]')!.textContent).toContain('Hannah Lindqvist');
	});

	it('shows on the home page the campaigns that reached a new stage in the 30 days before the build', () => {
		// The CRM campaign reached Try when its last Trust activity was done, on 10 November 2026,
		// 21 days before the example's build date (EXAMPLE_NOW); the finished campaign did not move.
		const moved = main('').querySelector('section[aria-labelledby="moved-heading"]')!;
		expect(moved.querySelectorAll('li').map((li) => li.textContent.replace(/\s+/g, ' ').trim())).toEqual([
			'A customer system that sales and marketing ask for reached Try',
		]);
		expect(links(moved)).toEqual([`${base}campaigns/${CRM}/`, `${base}campaigns/`]);
	});

	it("shows a newsletter issue's campaign as it stood on the issue's date, on the page and in the email", () => {
		// Issue 2 is dated 16 November: eight activities were done then; nine are now.
		for (const html of [main('newsletter/2').toString(), read('newsletter/2/email.html')]) {
			expect(parseHtml(html).textContent.replace(/\s+/g, ' ')).toContain('Where it stands: Stage 4 of 7: Try; 8 of 16 activities done.');
		}
	});

	it('writes nothing of a draft campaign, a draft testimonial or a report written ahead into any file', async () => {
		expect(fs.existsSync(path.join(dist, 'campaigns/draft-stock-app-for-stores'))).toBe(false);
		// The Buy stage's orientation guide is planned for 25 January 2027, and its paper dated that day.
		const guide = main(`campaigns/${CRM}`).querySelector('li#buy-2027-01-25')!;
		expect(guide.textContent).toContain("Orientation guide: the beta group's tips and traps");
		expect(links(guide).filter((href) => href?.includes('/papers/'))).toEqual([]);
		for (const file of await listFiles(dist)) {
			expect(fs.readFileSync(path.join(dist, file), 'latin1'), file).not.toMatch(
				/Larkspur|draft-stock-app|Quenby|crm-tips-from-the-beta-group|tips for your first week/,
			);
		}
	});
});
