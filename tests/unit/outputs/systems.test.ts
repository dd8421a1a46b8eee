/**
 * A system in the outputs. In the feeds: an item when it joins the list and one for each later
 * change of restore tier that has come, in the feeds of the audiences that depend on it and the
 * all-content feed only; never for a draft, and never for an incident. In search: under its own
 * type, its dependents' segments and its owner.
 */
import { describe, expect, it } from 'vitest';
import type { Hub, SystemItem } from '../../../src/hub/hub';
import { createLocale } from '../../../src/content/i18n';
import { systemFeedItems } from '../../../src/outputs/feeds';
import { searchFilters } from '../../../src/outputs/search-facets';
import { systemStakes } from '../../../src/outputs/system-email';

const H = 3_600_000;
const urls = { site: 'https://intranet.example', base: '/it/' };

function system(id: string, changes: SystemItem['changes'] = [], status: SystemItem['status'] = 'live'): SystemItem {
	return {
		id,
		path: `systems/${id}/`,
		name: `The ${id}`,
		does: 'Keeps the <stores> & the web shop trading.',
		technical: `${id}-server`,
		tier: 2,
		tierSet: false,
		takes: H,
		dependents: [
			{ segment: 'managers', name: 'Managers', wait: 4 * H, stops: 'Stores stop.', costPerHour: '£1,500 an hour' },
			{ name: 'Warehouse', wait: 8 * H, stops: 'Picking stops.' },
		],
		segments: ['managers'],
		owner: { id: 'priya-raman' },
		metrics: [],
		dependsOn: [],
		incidents: [{ date: new Date('2026-11-20'), lasted: H, felt: 'Nobody could pay.' }],
		changes,
		date: new Date('2026-11-02'),
		status,
	} as unknown as SystemItem;
}
const change = (date: string, from: 1 | 2 | 3 | 4, to: 1 | 2 | 3 | 4) => ({
	date: new Date(date),
	from,
	to,
	why: 'Because stores asked.',
	anchor: `tier-${date}`,
});

const hub = (systems: SystemItem[]) =>
	({
		systems,
		preview: false,
		now: new Date('2026-12-01'),
		segments: [{ id: 'managers', data: { name: 'Managers' } }],
		locale: createLocale('en-GB'),
	}) as unknown as Pick<Hub, 'systems' | 'preview' | 'now' | 'segments' | 'locale'>;

describe('systemFeedItems', () => {
	const tills = system('tills', [change('2026-05-04', 1, 3), change('2026-11-12', 3, 2), change('2027-01-10', 2, 1)]);

	it('gives the new system and each change since it joined that has come, newest first, linked to their places', () => {
		const items = systemFeedItems(hub([tills]), { scope: 'segment', id: 'managers' }, urls);
		expect(items.map((item) => [item.title, item.link, item.pubDate.toISOString().slice(0, 10)])).toEqual([
			['The tills now comes back in tier 2', 'https://intranet.example/it/systems/tills/#tier-2026-11-12', '2026-11-12'],
			['On the systems list: The tills', 'https://intranet.example/it/systems/tills/', '2026-11-02'],
		]);
		expect(items[1]!.description).toContain('Keeps the &lt;stores&gt; &amp; the web shop trading.');
		expect(items[1]!.categories).toEqual(['System', 'Managers']);
		expect(items.map((item) => `${item.description ?? ''}${item.content ?? ''}`).join('')).not.toContain('Nobody could pay');
	});

	it("is in the all-content feed, and in no other audience's, topic's or campaign's", () => {
		expect(systemFeedItems(hub([tills]), { scope: 'all', id: 'all' }, urls)).toHaveLength(2);
		expect(systemFeedItems(hub([tills]), { scope: 'segment', id: 'finance' }, urls)).toEqual([]);
		expect(systemFeedItems(hub([tills]), { scope: 'topic', id: 'stores' }, urls)).toEqual([]);
		expect(systemFeedItems(hub([tills]), { scope: 'campaign', id: 'crm' }, urls)).toEqual([]);
	});

	it('leaves out a draft system', () => {
		expect(systemFeedItems(hub([system('stock-app', [], 'draft')]), { scope: 'all', id: 'all' }, urls)).toEqual([]);
	});
});

describe('systemStakes', () => {
	it('says what happens to the one who can wait least, and what an hour costs', () => {
		expect(systemStakes(system('tills'))).toBe('Managers can wait 4 hours; then: Stores stop. An hour down costs £1,500 an hour.');
	});
});

describe('searchFilters', () => {
	it('files a system under its own type, the segments that depend on it and its owner', () => {
		expect(searchFilters(system('tills'))).toEqual({
			type: ['system'],
			segment: ['managers'],
			topic: [],
			author: ['priya-raman'],
			year: ['2026'],
		});
	});
});
