import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { parse as parseHtml } from 'node-html-parser';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../helpers/build-hub';

const SITE = 'https://intranet.example';
const builds = [
	{ base: '/', dist: inject('exampleDist') },
	{ base: '/it/', dist: inject('exampleItDist') },
];

/** The example content as a writer wrote it, read without the hub's code. */
const content = path.join(ROOT, 'content');
const frontmatter = (file: string) => parseYaml(fs.readFileSync(file, 'utf8').split(/^---$/m)[1]!) as Record<string, unknown>;
const yamlFile = (file: string) => parseYaml(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
const idsIn = (folder: string) => fs.readdirSync(path.join(content, folder)).map((file) => file.replace(/\.[^.]+$/, ''));
const segmentIds = idsIn('segments');
const topicIds = (yamlFile(path.join(content, 'topics.yaml')) as unknown as { id: string }[]).map((t) => t.id);
/** Campaigns that are not drafts (the example's start in the past): each has a feed. */
const campaignIds = idsIn('campaigns').filter((id) => frontmatter(path.join(content, 'campaigns', `${id}.mdx`)).draft !== true);

interface Addressed {
	segments: string[];
	topics: string[];
	/** The campaign a piece is filed under: it is in that campaign's feed too. */
	campaign?: string;
}
const entryAt = (folder: string, id: string): Addressed =>
	(folder === 'metrics'
		? yamlFile(path.join(content, folder, `${id}.yaml`))
		: frontmatter(path.join(content, folder, `${id}.mdx`))) as unknown as Addressed;

/** Who an entry at a hub URL is addressed to; an issue addresses everyone its items address. */
function addressedTo(route: string): Addressed {
	const [section, id] = route.split('/') as [string, string];
	if (section === 'newsletter') {
		const issueFile = fs
			.readdirSync(path.join(content, 'newsletters'))
			.find((f) => frontmatter(path.join(content, 'newsletters', f)).number === Number(id))!;
		const items = frontmatter(path.join(content, 'newsletters', issueFile)).items as Record<string, string>[];
		const featured = items.map((item) =>
			item.paper
				? entryAt('papers', item.paper)
				: item.caseStudy
					? entryAt('case-studies', item.caseStudy)
					: item.metric
						? entryAt('metrics', item.metric)
						: entryAt('campaigns', item.campaign!),
		);
		return { segments: [...new Set(featured.flatMap((e) => e.segments))], topics: [...new Set(featured.flatMap((e) => e.topics))] };
	}
	return entryAt(section, id);
}

/** The feeds the example content calls for: everything, each segment file, each topic, each published campaign. */
function expectedFeeds(): string[] {
	return [
		'feeds/all.xml',
		...segmentIds.map((id) => `feeds/${id}.xml`),
		...topicIds.map((id) => `feeds/topics/${id}.xml`),
		...campaignIds.map((id) => `feeds/campaigns/${id}.xml`),
	];
}

type Feed = ReturnType<typeof parseFeed>;

const readFeed = (dist: string, file: string): { xml: string; feed: Feed } => {
	const xml = fs.readFileSync(path.join(dist, file), 'utf8');
	return { xml, feed: parseFeed(xml) };
};

const text = (html: string | null) => parseHtml(html ?? '').textContent;

describe.each(builds)('feeds of the example hub at $base', ({ base, dist }) => {
	const root = `${SITE}${base}`;
	/** A feed's item URL as a route of the hub (`papers/x/`), checking it is absolute under the base. */
	const route = (url: string | null) => {
		expect(url?.startsWith(root), `${url} is under ${root}`).toBe(true);
		return url!.slice(root.length);
	};
	const feeds = Object.fromEntries(expectedFeeds().map((file) => [file, readFeed(dist, file)]));
	const all = feeds['feeds/all.xml']!.feed;

	it('builds a well-formed RSS 2.0 feed for everything, every segment, every topic and every campaign', () => {
		for (const [file, { xml, feed }] of Object.entries(feeds)) {
			expect(SyntaxValidator.validate(xml), file).toBe(true);
			expect(feed.meta.type, file).toBe('rss');
			expect(feed.meta.version, file).toBe('2.0');
			expect(feed.language, file).toBe('en-GB');
			expect(feed.title, file).toMatch(/^Northwind IT Hub: /);
			expect(feed.self, file).toBe(`${root}${file}`);
			expect(route(feed.url), file).toBe(
				file === 'feeds/all.xml'
					? ''
					: file.replace(
							/^feeds\/(topics\/|campaigns\/)?(.+)\.xml$/,
							(_, t: string | undefined, id: string) => `${t ?? 'segments/'}${id}/`,
						),
			);
			const dates = feed.items.map((item) => item.published!.getTime());
			expect(dates, `${file} is newest first`).toEqual([...dates].sort((a, b) => b - a));
		}
	});

	it("describes a segment's feed with the segment's own audience text", () => {
		const executives = yamlFile(path.join(content, 'segments/executives.yaml'));
		expect(feeds['feeds/executives.xml']!.feed.description).toBe(executives.audience);
	});

	it('links every item to a page built in dist, with the link as a permanent guid', () => {
		for (const [file, { feed }] of Object.entries(feeds)) {
			for (const item of feed.items) {
				expect(fs.existsSync(path.join(dist, route(item.url!.replace(/#.*$/, '')), 'index.html')), `${file}: ${item.url}`).toBe(true);
				expect(item.id).toBe(item.url);
			}
		}
	});

	it('lists exactly the live papers, case studies and issues: no metrics, drafts, future or archived entries', () => {
		const pages = ['papers', 'case-studies', 'newsletter'].flatMap((section) =>
			fs
				.readdirSync(path.join(dist, section), { withFileTypes: true })
				.filter((entry) => entry.isDirectory())
				.map((entry) => `${section}/${entry.name}/`),
		);
		const live = pages.filter(
			(page) => !parseHtml(fs.readFileSync(path.join(dist, page, 'index.html'), 'utf8')).querySelector('.banner-archived'),
		);
		expect(live).not.toContain('papers/windows-10-end-of-support/');
		// Systems joining the list and changing tier are items too (tests/build/systems.test.ts).
		expect(
			all.items
				.map((item) => route(item.url))
				.filter((page) => !page.startsWith('systems/'))
				.sort(),
		).toEqual(live.sort());
		for (const [file, { xml }] of Object.entries(feeds)) {
			expect(xml, file).not.toMatch(/Marrowstone|Quillfeather/);
		}
	});

	it('puts each entry in exactly the feeds of its segments and topics', () => {
		for (const item of all.items.filter((entry) => !route(entry.url).startsWith('systems/'))) {
			const { segments, topics, campaign } = addressedTo(route(item.url));
			const inFeeds = Object.entries(feeds)
				.filter(([file, { feed }]) => file !== 'feeds/all.xml' && feed.items.some((other) => other.id === item.id))
				.map(([file]) => file)
				.sort();
			expect(inFeeds, item.title!).toEqual(
				[
					...segments.map((id) => `feeds/${id}.xml`),
					...topics.map((id) => `feeds/topics/${id}.xml`),
					...(campaign ? [`feeds/campaigns/${campaign}.xml`] : []),
				].sort(),
			);
		}
	});

	it('carries the full body with absolute links, and special characters intact', () => {
		const tokyo = all.items.find((item) => route(item.url) === 'papers/tokyo-pop-up-store/')!;
		expect(tokyo.title).toBe(frontmatter(path.join(content, 'papers/tokyo-pop-up-store.mdx')).title);
		expect(tokyo.title).toBe('Tills & tablets: how our “pop-up” store in Tokyo opened in 9 days');
		const body = parseHtml(tokyo.content!);
		expect(body.querySelector('code')?.textContent).toBe('stock < 5 & daily sales > 2');
		expect(body.textContent).toContain('「北風アウトフィッターズ 渋谷」');
		expect(body.textContent).toContain('We opened on day nine. 🎉 Over six weeks the pop-up sold 4,100 items');
		expect(body.textContent).toContain('Just give us two weeks’ notice.');
		expect(text(tokyo.description)).toContain('Our first store in Japan ran on tablets and cloud tills');
		expect(text(tokyo.description)).toContain('Why it matters to the business: A light, portable store kit');
		expect(tokyo.categories.map((c) => c.label)).toEqual(['Position paper', 'Executives', 'Superusers', 'Stores', 'E-commerce']);
		expect(tokyo.authors[0]).toMatchObject({ name: 'Tom Okafor', email: 'tom.okafor@northwind.example' });

		const issue = all.items.find((item) => route(item.url) === 'newsletter/2/')!;
		const featured = parseHtml(issue.content!)
			.querySelectorAll('li a')
			.map((a) => route(a.getAttribute('href')!));
		expect(featured).toContain('papers/tokyo-pop-up-store/');
		expect(featured).toContain('metrics/web-shop-page-load/');

		const cloud = all.items.find((item) => route(item.url) === 'papers/cutting-cloud-spend/')!;
		const links = parseHtml(cloud.content!)
			.querySelectorAll('a')
			.map((a) => a.getAttribute('href'));
		expect(links).toContain(`${root}papers/file-shares-to-the-cloud/`);
		for (const item of all.items) {
			const html = parseHtml(item.content ?? '');
			for (const element of html.querySelectorAll('[href], [src]')) {
				const url = element.getAttribute('href') ?? element.getAttribute('src')!;
				expect(url).toMatch(/^(https?:|mailto:)/);
				if (url.startsWith(SITE)) {
					// A page is a folder with index.html; an image stored beside an entry is a file.
					const target = path.join(dist, route(url).replace(/#.*$/, ''));
					expect(fs.existsSync(/\.[a-z]+$/.test(target) ? target : path.join(target, 'index.html')), `${item.title}: ${url}`).toBe(true);
				}
			}
			expect(html.querySelectorAll('script, style, svg, [class], [style]'), item.title!).toHaveLength(0);
			expect(item.content).not.toMatch(/data-astro-cid/);
		}
	});

	it('writes & and < in titles and categories as hexadecimal references, which every reader shows as text', () => {
		const tokyo = /<title>(Tills [^<]*)<\/title>/.exec(feeds['feeds/all.xml']!.xml)?.[1];
		expect(tokyo).toBe('Tills &#x26; tablets: how our “pop-up” store in Tokyo opened in 9 days');
		for (const [file, { xml }] of Object.entries(feeds)) {
			const plain = [...xml.matchAll(/<(title|category|author)>([^<]*)<\/\1>/g)].map((match) => match[2]!);
			expect(plain.length, file).toBeGreaterThan(0);
			expect(
				plain.filter((element) => /&lt;|&amp;/.test(element)),
				file,
			).toEqual([]);
		}
	});

	it('shows the feed in a browser through a stylesheet on the site, which fetches nothing', () => {
		for (const file of Object.keys(feeds)) {
			const instruction = /<\?xml-stylesheet href="([^"]+)"/.exec(feeds[file]!.xml)?.[1];
			expect(instruction, file).toBe(`${base}feeds/feed.xsl`);
		}
		const xsl = fs.readFileSync(path.join(dist, 'feeds/feed.xsl'), 'utf8');
		expect(SyntaxValidator.validate(xsl)).toBe(true);
		const attributes = [...xsl.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
		expect(attributes.filter((value) => /^(https?:)?\/\//.test(value!))).toEqual([]);
		expect(xsl).not.toMatch(/@import|url\(/);
		expect(fs.readFileSync(path.join(dist, 'feeds/feed.css'), 'utf8')).not.toMatch(/@import|url\(/);
	});

	it('lists every feed in the OPML file', () => {
		interface Outline {
			type?: string;
			xmlUrl?: string;
			htmlUrl?: string;
			outline?: Outline[];
		}
		const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'outline' });
		const { opml } = parser.parse(fs.readFileSync(path.join(dist, 'feeds/subscriptions.opml'), 'utf8')) as {
			opml: { version: string; body: { outline: Outline[] } };
		};
		expect(opml.version).toBe('2.0');
		const outlines = opml.body.outline.flatMap((o) => o.outline ?? [o]);
		expect(outlines.map((o) => route(o.xmlUrl!)).sort()).toEqual(expectedFeeds().sort());
		for (const outline of outlines) {
			expect(outline.type).toBe('rss');
			expect(fs.existsSync(path.join(dist, route(outline.htmlUrl!), 'index.html'))).toBe(true);
		}
	});

	it('announces the feeds for autodiscovery: everything on every page, plus the segment or topic on its page', () => {
		const alternates = (page: string) =>
			parseHtml(fs.readFileSync(path.join(dist, page, 'index.html'), 'utf8'))
				.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')
				.map((link) => link.getAttribute('href'));
		expect(alternates('')).toEqual([`${base}feeds/all.xml`]);
		expect(alternates('papers/tokyo-pop-up-store/')).toEqual([`${base}feeds/all.xml`]);
		expect(alternates('segments/executives/')).toEqual([`${base}feeds/all.xml`, `${base}feeds/executives.xml`]);
		expect(alternates('topics/cloud/')).toEqual([`${base}feeds/all.xml`, `${base}feeds/topics/cloud.xml`]);
		for (const href of alternates('segments/executives/')) expect(fs.existsSync(path.join(dist, href!.slice(base.length)))).toBe(true);
	});

	it("has a subscribe page with each audience's absolute feed address to copy, its page linked, the steps per app, the OPML and a newsletter request", () => {
		const page = parseHtml(fs.readFileSync(path.join(dist, 'subscribe/index.html'), 'utf8'));
		const main = page.querySelector('main')!;
		const feeds = main.querySelectorAll('.feed').filter((feed) => feed.querySelector('[data-feed-url]'));
		const addresses = feeds.map((feed) => feed.querySelector('[data-feed-url]')!.textContent.trim());
		expect(new Set(addresses.filter((a) => !a.includes('/topics/') && !a.includes('/campaigns/')).map(route))).toEqual(
			new Set(segmentIds.map((id) => `feeds/${id}.xml`)),
		);
		// Each feed is reached through its page: a browser shows the XML itself as raw code.
		for (const feed of feeds) {
			const pageLink = feed.querySelector('h3 a')!.getAttribute('href')!;
			expect(fs.existsSync(path.join(dist, pageLink.slice(base.length), 'index.html')), pageLink).toBe(true);
		}
		expect(main.querySelectorAll('a').filter((a) => a.getAttribute('href')!.endsWith('.xml'))).toEqual([]);
		const executives = yamlFile(path.join(content, 'segments/executives.yaml'));
		expect(main.querySelector('#feed-executives')?.textContent).toContain(executives.audience as string);
		const headings = main.querySelectorAll('h3').map((h) => h.textContent);
		expect(headings.some((h) => h.includes('Outlook'))).toBe(true);
		expect(headings.some((h) => h.includes('Thunderbird'))).toBe(true);
		expect(headings.some((h) => h.includes('phone'))).toBe(true);
		const links = main.querySelectorAll('a').map((a) => a.getAttribute('href')!);
		expect(links).toContain(`${base}feeds/subscriptions.opml`);
		for (const id of topicIds) expect(main.textContent).toContain(`${root}feeds/topics/${id}.xml`);
		const { editors } = yamlFile(path.join(content, 'hub.yaml')) as { editors: { email: string } };
		expect(links.some((href) => href.startsWith(`mailto:${editors.email}?subject=`))).toBe(true);
		expect(page.querySelectorAll('script')).toHaveLength(0);
	});
});
