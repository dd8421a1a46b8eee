/**
 * Systems in the built example hub, at / and under /it/: the list by tier with its timeline and
 * table, a system's page, each audience's persona and systems, the feeds of the audiences that
 * depend on a system, its email, and a draft system nowhere.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { listFiles } from '../helpers/build-hub';

const SITE = 'https://intranet.example';
const ORDER = [
	'network',
	'payments',
	'identity',
	'web-shop',
	'crm',
	'email',
	'files',
	'tills',
	'warehouse',
	'remote-access',
	'finance-system',
	'payroll',
];

describe.each([
	{ base: '/', dist: inject('exampleDist') },
	{ base: '/it/', dist: inject('exampleItDist') },
])('systems built at $base', ({ base, dist }) => {
	const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');
	const main = (route: string): HTMLElement => parseHtml(read(path.join(route, 'index.html'))).querySelector('main')!;
	const words = (element: HTMLElement | null) => element!.textContent.replace(/\s+/g, ' ').trim();
	const cells = (row: HTMLElement) => row.querySelectorAll('th, td').map(words).join(' | ');
	const feed = (file: string) => parseFeed(read(file));

	it('lists the systems by tier, network and identity first, with who depends on each and how long they can wait', () => {
		const page = main('systems');
		expect(words(page.querySelector('h1'))).toBe('What we keep running, in the order we bring it back');
		const tiers = page.querySelectorAll('section.tier');
		expect(tiers.map((tier) => words(tier.querySelector('h2')))).toEqual([
			'Tier 1: back within the hour',
			'Tier 2: back within 4 hours',
			'Tier 3: back the same day',
			'Tier 4: back within 3 days',
		]);
		expect(tiers[0]!.querySelectorAll('li[data-system]').map((li) => li.getAttribute('data-system'))).toEqual([
			'network',
			'payments',
			'identity',
			'web-shop',
		]);
		const payments = page.querySelector('section.tier li[data-system="payments"]')!;
		expect(payments.querySelector('a')!.getAttribute('href')).toBe(`${base}systems/payments/`);
		expect(words(payments)).toContain('Divisional Managers can wait 15 minutes: Stores cannot take card payments');
		expect(words(page.querySelector('li[data-system="warehouse"]'))).toContain('Distribution centre can wait 4 hours');
	});

	it('draws the first 24 hours as an SVG with a name, a description and a table that say the same', () => {
		const figure = main('systems').querySelector('figure.timeline')!;
		const svg = figure.querySelector('svg')!;
		expect(svg.getAttribute('role')).toBe('img');
		expect(words(svg.querySelector('title'))).toBe('The first 24 hours after a site-wide outage');
		const description = words(svg.querySelector('desc'));
		expect(description).toMatch(
			/^After a site-wide outage, systems come back in this order\. The network: back after 20 minutes \(tier 1\); All Staff can wait 15 minutes\. Card payments: back after 35 minutes/,
		);
		expect(svg.querySelectorAll('g.row').map((row) => row.getAttribute('data-system'))).toEqual(ORDER);
		const rows = figure.querySelectorAll('tbody tr');
		expect(rows.map((row) => row.getAttribute('data-system'))).toEqual(ORDER);
		expect(rows.map((row) => words(row.querySelector('th')))).toEqual(
			svg.querySelectorAll('g.row text.name').map((text) => text.childNodes[0]!.textContent.trim()),
		);
		expect(cells(rows[0]!)).toBe('The network | 1 | At once | 20 minutes | All Staff (15 minutes), Executives (15 minutes)');
		expect(cells(rows[2]!)).toContain('Sign-in | 1 | After 20 minutes | 40 minutes');
		expect(cells(rows.at(-1)!)).toContain('Payroll | 4 | After 3 hours 55 minutes | 5 hours 55 minutes');
		expect(words(svg.querySelector('g.row[data-system="email"] text.waiting'))).toBe('Waiting: All Staff, Customer service');
	});

	it("shows a system's page: business words, dependents, what comes back before it, metrics, incidents, tier changes and writing", () => {
		const page = main('systems/payments');
		expect(words(page.querySelector('h1'))).toBe('Card payments');
		expect(words(page.querySelector('.facts'))).toContain('Tier 1: back within the hour (from the shortest wait)');
		expect(words(page.querySelector('.facts'))).toContain('Back after 35 minutes');
		expect(words(page.querySelector('.facts'))).toContain('Adyen gateway and PIN pads');
		const dependents = page.querySelectorAll('table.dependents tbody tr').map(cells);
		expect(dependents[0]).toBe(
			'Divisional Managers | 15 minutes | Stores cannot take card payments; most customers carry no cash. | about £1,500 an hour for a mid-sized store on a Saturday',
		);
		expect(page.querySelector('table.dependents a')!.getAttribute('href')).toBe(`${base}segments/divisional-managers/`);
		expect(words(page.querySelector('[aria-labelledby="order-heading"]'))).toContain(
			'It cannot run without The network, so they come back first.',
		);
		expect(page.querySelector('[data-metric="till-outage-minutes"] svg[role="img"]')).not.toBeNull();
		expect(words(page.querySelector('.incidents'))).toContain(
			'14 March 2026, for 35 minutes: On a Saturday lunchtime, 40 stores could not take cards',
		);
		expect(page.querySelector('#tier-2026-05-04')!.textContent).toContain('from tier 2 to tier 1');
		const writing = page.querySelectorAll('[aria-labelledby="writing-heading"] h3 a').map((a) => a.getAttribute('href'));
		expect(writing).toContain(`${base}papers/tills-keep-trading-offline/`);
		// Named in `systems` by the case study, and mentioned by name in the body of none other that is not listed.
		expect(writing).toContain(`${base}case-studies/black-friday-checkout/`);
		expect(writing).not.toContain(`${base}papers/windows-10-end-of-support/`);
	});

	it('gives each audience its persona and the systems it depends on, by how soon they come back', () => {
		const page = main('segments/executives');
		const persona = page.querySelector('section.persona')!;
		expect(persona.querySelectorAll('li').map(words)).toEqual([
			'grow online sales by a fifth',
			'open five stores abroad',
			'cut running costs by 5%',
		]);
		expect(words(persona)).toContain('Email on a phone before 8, and a printed page in the monthly board pack.');
		const systems = page.querySelectorAll('.audience-systems li');
		expect(systems.map((li) => li.getAttribute('data-system'))).toEqual(['network', 'payments', 'web-shop', 'crm', 'files']);
		expect(words(systems[2]!)).toBe(
			'The web shop: back after 55 minutes (tier 1). Executives can wait 1 hour; then customers cannot order online; many buy from a competitor instead.',
		);
		expect(
			main('segments/finance')
				.querySelectorAll('.audience-systems li')
				.map((li) => li.getAttribute('data-system')),
		).toEqual(['files', 'finance-system', 'payroll']);
	});

	it('puts a new system and a change of tier in the feeds of the audiences that depend on it, not the others', () => {
		const managers = feed('feeds/divisional-managers.xml');
		const tillsChange = managers.items.find((item) => item.title === 'The tills now comes back in tier 2')!;
		expect(tillsChange.url).toBe(`${SITE}${base}systems/tills/#tier-2026-11-12`);
		expect(tillsChange.id).toBe(tillsChange.url);
		expect(tillsChange.published).toEqual(new Date('2026-11-12T00:00:00Z'));
		expect(parseHtml(tillsChange.description!).textContent).toContain('From tier 1 to Tier 2: back within 4 hours.');
		expect(parseHtml(tillsChange.content!).textContent).toContain('Divisional Managers can wait 4 hours.');
		expect(tillsChange.categories.map((c) => c.label)).toEqual(['System', 'Divisional Managers', 'Superusers']);
		expect(managers.items.map((item) => item.title)).toContain('On the systems list: The tills');
		const executives = feed('feeds/executives.xml')
			.items.filter((item) => item.url?.includes('/systems/'))
			.map((item) => item.title);
		expect(executives).toContain('On the systems list: The web shop');
		expect(executives.filter((title) => title?.includes('tills'))).toEqual([]);
		// A change dated before the system joined the list is history on its page, not news.
		expect(executives).not.toContain('Card payments now comes back in tier 1');
		const all = feed('feeds/all.xml').items.filter((item) => item.url?.includes('/systems/'));
		expect(all).toHaveLength(13);
		expect(feed('feeds/topics/stores.xml').items.filter((item) => item.url?.includes('/systems/'))).toEqual([]);
	});

	it('builds each system as an email for its dependents', () => {
		const html = parseHtml(read('systems/payments/email.html'));
		expect(words(html.querySelector('h1'))).toBe('Card payments');
		expect(words(html.querySelector('body'))).toContain('Divisional Managers can wait 15 minutes; then: Stores cannot take card payments');
		const text = read('systems/payments/email.txt');
		expect(text).toContain('Card payments');
		expect(text).toContain('Tier 1: back within the hour');
	});

	it('leaves a draft system out of every page, feed, email, timeline and the sitemap', async () => {
		expect(fs.existsSync(path.join(dist, 'systems/draft-stock-app'))).toBe(false);
		for (const file of await listFiles(dist)) {
			if (!/\.(html|xml|txt|opml)$/.test(file)) continue;
			expect(read(file), file).not.toMatch(/The stock app|draft-stock-app\/|Ptarmigan stock service/);
		}
		const sitemap = read('sitemap-0.xml');
		expect(sitemap).toContain(`${SITE}${base}systems/payroll/`);
	});
});
