import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
	channelExtras,
	feedItem,
	feedItems,
	feedNameProblems,
	feedsOf,
	feedXml,
	itemCategories,
	itemDescription,
	lastChanged,
	opmlDocument,
	type FeedItem,
} from '../../../src/outputs/feeds';
import type { AnyItem, Hub } from '../../../src/hub/hub';
import { createLocale } from '../../../src/content/i18n';

const en = createLocale('en-GB');

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const author = { id: 'tom', data: { name: 'Tom O’Kafor & Co', role: 'Lead', email: 'tom@northwind.example' } };
const segment = (id: string, name: string) => ({
	id,
	collection: 'segments',
	filePath: `content/segments/${id}.yaml`,
	data: { name, audience: `Who ${name} are.` },
});
const topic = (id: string, name: string) => ({ id, collection: 'topics', data: { name, description: `All about ${name}.` } });

function paper(id: string, overrides: Partial<AnyItem> = {}): AnyItem {
	return {
		kind: 'paper',
		id,
		path: `papers/${id}/`,
		title: `Paper ${id}`,
		summary: 'Stock & sales < 5 “quoted” 北風 🎉',
		date: day('2026-05-01'),
		segments: ['executives'],
		topics: ['stores'],
		status: 'live',
		author,
		words: 100,
		minutes: 1,
		businessValue: 'Cheaper & faster.',
		entry: { collection: 'papers', id },
		...overrides,
	} as unknown as AnyItem;
}

function makeHub(listed: AnyItem[], feedLimit = 50): Hub {
	return {
		locale: en,
		settings: {
			feedLimit,
			title: 'Northwind IT Hub',
			tagline: 'What IT does, in plain words.',
			organisation: 'Northwind',
			language: 'en-GB',
			editors: { name: 'The IT editors', email: 'it@northwind.example' },
		},
		now: day('2026-06-15'),
		preview: false,
		segments: [segment('executives', 'Executives'), segment('finance', 'Finance')],
		topics: [topic('stores', 'Stores'), topic('cloud', 'Cloud')],
		authors: [],
		papers: [],
		caseStudies: [],
		metrics: [],
		newsletters: [],
		listed,
	} as unknown as Hub;
}

const urls = { site: 'https://intranet.example', base: '/it/' };

describe('feedsOf', () => {
	it('offers everything, then each segment, then each topic, with their own descriptions', () => {
		const feeds = feedsOf(makeHub([]));
		expect(feeds.map((f) => f.path)).toEqual([
			'feeds/all.xml',
			'feeds/executives.xml',
			'feeds/finance.xml',
			'feeds/topics/stores.xml',
			'feeds/topics/cloud.xml',
		]);
		expect(feeds[1]).toMatchObject({
			title: 'Northwind IT Hub: Executives',
			description: 'Who Executives are.',
			pagePath: 'segments/executives/',
		});
		expect(feeds[3]?.description).toBe('All about Stores.');
		expect(feeds[0]?.description).toBe('What IT does, in plain words.');
	});

	it('refuses a segment called "all", which would replace the all-content feed', () => {
		const hub = makeHub([]);
		hub.segments.push(segment('all', 'All') as never);
		const problems = feedNameProblems(hub);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'content/segments/all.yaml', field: 'id' });
		expect(feedNameProblems(makeHub([]))).toEqual([]);
	});
});

describe('feedItems', () => {
	const metric = { ...paper('uptime'), kind: 'metric', path: 'metrics/uptime/' } as unknown as AnyItem;
	const forFinance = paper('budget', { segments: ['finance'], topics: ['cloud'] });
	const hub = makeHub([paper('tills'), metric, forFinance]);

	it('leaves metrics out of every feed', () => {
		expect(feedItems(hub, { scope: 'all', id: 'all' }).map((i) => i.id)).toEqual(['tills', 'budget']);
	});

	it('gives a segment or topic exactly its entries, and an empty list when it has none', () => {
		expect(feedItems(hub, { scope: 'segment', id: 'finance' }).map((i) => i.id)).toEqual(['budget']);
		expect(feedItems(hub, { scope: 'topic', id: 'stores' }).map((i) => i.id)).toEqual(['tills']);
		expect(feedItems(makeHub([]), { scope: 'segment', id: 'finance' })).toEqual([]);
	});

	it('carries only the newest entries up to the limit, and every entry with a limit of 0', () => {
		const three = [paper('newest'), paper('middle'), paper('oldest')];
		expect(feedItems(makeHub(three, 2), { scope: 'all', id: 'all' }).map((i) => i.id)).toEqual(['newest', 'middle']);
		expect(feedItems(makeHub(three, 0), { scope: 'all', id: 'all' })).toHaveLength(3);
	});
});

describe('feedItem', () => {
	const hub = makeHub([]);

	it('links absolutely under the base, and keeps the same link (the guid) when the entry is edited', () => {
		const before = feedItem(paper('tills') as FeedItem, hub, urls, '<p>Old body</p>');
		const edited = paper('tills', { title: 'A new title', summary: 'Rewritten.', date: day('2026-06-01'), updated: day('2026-06-10') });
		const after = feedItem(edited as FeedItem, hub, urls, '<p>New body</p>');
		expect(before.link).toBe('https://intranet.example/it/papers/tills/');
		expect(after.link).toBe(before.link);
	});

	it('names the content type, segments and topics as categories', () => {
		expect(itemCategories(paper('tills'), hub)).toEqual(['Position paper', 'Executives', 'Stores']);
	});

	it('gives the author as RSS wants it, and the editors for an issue', () => {
		expect(feedItem(paper('tills') as FeedItem, hub, urls, '').author).toBe('tom@northwind.example (Tom O’Kafor & Co)');
		const issue = { ...paper('issue-1'), kind: 'newsletter', number: 1, path: 'newsletter/1/' } as unknown as FeedItem;
		expect(feedItem(issue, hub, urls, '').author).toBe('it@northwind.example (The IT editors)');
	});

	it('describes with the summary and business value, escaped so readers show them as written', () => {
		const description = parse(itemDescription(en, paper('tills') as FeedItem));
		const paragraphs = description.querySelectorAll('p').map((p) => p.textContent);
		expect(paragraphs).toEqual(['Stock & sales < 5 “quoted” 北風 🎉', 'Why it matters to the business: Cheaper & faster.']);
	});
});

describe('feedXml', () => {
	const hostile = 'Nordlicht IT & Ops <Hub> "quoted" & it\'s done';
	const render = () => {
		const hub = makeHub([]);
		const item = feedItem(paper('tills', { title: hostile, segments: ['executives'] }) as FeedItem, hub, urls, '<p>Body & more</p>');
		return feedXml({
			title: hostile,
			description: `${hostile}, described`,
			site: 'https://intranet.example/it/',
			items: [{ ...item, categories: [...(item.categories ?? []), hostile] }],
		});
	};

	it('keeps titles, descriptions and categories exactly as written, through a real feed parser', async () => {
		const xml = await render();
		expect(SyntaxValidator.validate(xml)).toBe(true);
		const feed = parseFeed(xml);
		expect(feed.title).toBe(hostile);
		expect(feed.description).toBe(`${hostile}, described`);
		expect(feed.items[0]?.title).toBe(hostile);
		expect(feed.items[0]?.categories.map((category) => category.label)).toContain(hostile);
		expect(parse(feed.items[0]?.content ?? '').textContent).toBe('Body & more');
	});

	it('writes & and < in plain-text elements as hexadecimal references, so no reader takes them for HTML', async () => {
		const xml = await render();
		const plain = [...xml.matchAll(/<(title|category|author)>([^<]*)<\/\1>/g)].map((match) => match[2]!);
		plain.push(/<channel>.*?<description>([^<]*)<\/description>/s.exec(xml)![1]!);
		expect(plain.filter((text) => text.includes('Nordlicht')).length).toBe(4);
		for (const text of plain) {
			expect(text).not.toMatch(/&lt;|&amp;/);
			if (text.includes('Nordlicht')) expect(text).toContain('Nordlicht IT &#x26; Ops &#x3C;Hub&gt;');
		}
	});
});

describe('channel and OPML', () => {
	const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'outline' });
	interface Outline {
		text: string;
		type?: string;
		xmlUrl?: string;
		htmlUrl?: string;
		outline?: Outline[];
	}
	interface Opml {
		version: string;
		body: { outline: Outline[] };
	}

	it('dates a channel by its newest entry or edit, and an empty one by the build', () => {
		const items = [
			paper('a', { date: day('2026-01-01'), updated: day('2026-03-01') }),
			paper('b', { date: day('2026-02-01') }),
		] as FeedItem[];
		expect(lastChanged(items, day('2026-06-15'))).toEqual(day('2026-03-01'));
		expect(lastChanged([], day('2026-06-15'))).toEqual(day('2026-06-15'));
	});

	it('adds language, lastBuildDate and a self link', () => {
		const xml = channelExtras({ language: 'en-GB', lastBuildDate: day('2026-03-01'), self: 'https://intranet.example/it/feeds/all.xml' });
		const extras = parser.parse(xml) as { language: string; lastBuildDate: string; 'atom:link': Record<string, string> };
		expect(extras.language).toBe('en-GB');
		expect(new Date(extras.lastBuildDate)).toEqual(day('2026-03-01'));
		expect(extras['atom:link']).toMatchObject({
			href: 'https://intranet.example/it/feeds/all.xml',
			rel: 'self',
			type: 'application/rss+xml',
		});
	});

	it('lists every feed in OPML 2.0 with absolute feed and page addresses', () => {
		const hub = makeHub([]);
		const { opml } = parser.parse(opmlDocument(hub, urls)) as { opml: Opml };
		expect(opml.version).toBe('2.0');
		const outlines = opml.body.outline.flatMap((o) => o.outline ?? [o]);
		expect(outlines.map((o) => o.xmlUrl)).toEqual(feedsOf(hub).map((f) => `https://intranet.example/it/${f.path}`));
		expect(outlines.every((o) => o.type === 'rss' && o.htmlUrl?.startsWith('https://intranet.example/it/'))).toBe(true);
	});
});
