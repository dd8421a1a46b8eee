/**
 * The example hub as readers find it, read from the built HTML: one count per audience and topic
 * on every page that shows it, readers' words in the navigation, link previews, the byline up
 * front, related reading across kinds, the brand settings, and no editors' box for readers.
 */
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../helpers/build-hub';

const dist = inject('exampleDist');
const page = (route: string): HTMLElement => parseHtml(fs.readFileSync(path.join(dist, route, 'index.html'), 'utf8'));
const hubYaml = parseYaml(fs.readFileSync(path.join(ROOT, 'content/hub.yaml'), 'utf8')) as {
	title: string;
	feedLimit?: number;
	accent: { light: string; dark: string };
};
const builtDirs = (folder: string) =>
	fs.readdirSync(path.join(dist, folder)).filter((entry) => fs.existsSync(path.join(dist, folder, entry, 'index.html')));
const headings = (html: HTMLElement) =>
	html
		.querySelector('main')!
		.querySelectorAll('h2')
		.map((h) => h.textContent)
		.join(' ');
const numberIn = (text: string) => Number(/(\d+) papers?, case stud/.exec(text)?.[1]);
/** Papers, case studies and issues in a feed: its items but those about the systems its audience depends on (tests/build/systems.test.ts). */
const feedItems = (feed: string) =>
	(fs.readFileSync(path.join(dist, feed), 'utf8').match(/<item>[\s\S]*?<\/item>/g) ?? []).filter(
		(item) => !/<link>[^<]*\/systems\//.test(item),
	).length;

describe('counts agree everywhere', () => {
	const home = page('');
	const audiences = page('segments/');
	const subscribe = page('subscribe/');
	const feedLimit = hubYaml.feedLimit ?? 50;

	it.each(builtDirs('segments'))('audience %s: home page, audience list, its page, /subscribe/ and its feed', (id) => {
		const onPage = numberIn(headings(page(`segments/${id}/`)));
		expect(onPage).toBeGreaterThan(0);
		const pill = home.querySelectorAll('a.pill').find((a) => a.getAttribute('href') === `/segments/${id}/`)!;
		expect(Number(/\((\d+)\)/.exec(pill.textContent)?.[1])).toBe(onPage);
		const card = audiences.querySelectorAll('li').find((li) => li.querySelector(`a[href="/segments/${id}/"]`))!;
		expect(numberIn(card.textContent)).toBe(onPage);
		expect(Number(subscribe.querySelector(`#feed-${id}`)!.getAttribute('data-count'))).toBe(onPage);
		expect(numberIn(subscribe.querySelector(`#feed-${id}`)!.textContent)).toBe(onPage);
		// The page lists exactly what it counts.
		expect(page(`segments/${id}/`).querySelectorAll('main .reading .stack > li').length).toBe(onPage);
		expect(feedItems(`feeds/${id}.xml`)).toBe(Math.min(onPage, feedLimit));
	});

	it.each(builtDirs('topics'))('topic %s: topic list, its page, /subscribe/ and its feed', (id) => {
		const topicPage = page(`topics/${id}/`);
		const onPage = numberIn(headings(topicPage));
		expect(onPage).toBeGreaterThan(0);
		const card = page('topics/')
			.querySelectorAll('li')
			.find((li) => li.querySelector(`a[href="/topics/${id}/"]`))!;
		expect(numberIn(card.textContent)).toBe(onPage);
		expect(Number(subscribe.querySelector(`#feed-${id}`)!.getAttribute('data-count'))).toBe(onPage);
		expect(topicPage.querySelectorAll('main .stack > li').length).toBe(onPage);
		expect(feedItems(`feeds/topics/${id}.xml`)).toBe(Math.min(onPage, feedLimit));
	});
});

describe('pages in readers’ words', () => {
	it('name the segment pages "Audiences" in the navigation, list Topics, and never say "Segments" to a reader', () => {
		for (const route of ['', 'papers/', 'segments/', 'subscribe/', 'metrics/web-shop-page-load/']) {
			const html = page(route);
			const nav = html.querySelectorAll('nav[aria-label="Main"] a').map((a) => a.textContent.trim());
			expect(nav).toEqual(expect.arrayContaining(['Audiences', 'Topics']));
			expect(html.querySelector('body')!.textContent, route).not.toMatch(/\bSegments?\b/);
		}
		expect(page('segments/').querySelector('h1')!.textContent).toBe('Audiences');
	});

	it('offer feeds on /subscribe/ through their pages, the email answer first', () => {
		const main = page('subscribe/').querySelector('main')!;
		const headings = main.querySelectorAll('h2').map((h) => h.textContent);
		expect(headings[0]).toMatch(/email/i);
		expect(main.querySelectorAll('a').filter((a) => a.getAttribute('href')!.endsWith('.xml'))).toEqual([]);
	});
});

describe('papers and case studies', () => {
	it('show the byline, date, "updated" when set, and reading time under the title', () => {
		const paper = page('papers/web-shop-faster-black-friday/');
		const header = paper.querySelector('article.writing header')!;
		const byline = header.querySelector('.byline')!;
		expect(byline.querySelector('a[href^="/authors/"]')).not.toBeNull();
		expect(byline.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(byline.textContent).toMatch(/\d+ min read/);
		const children = header.childNodes.filter((node) => node instanceof Object && 'tagName' in node) as HTMLElement[];
		expect(children.findIndex((el) => el.tagName === 'H1')).toBeLessThan(children.indexOf(byline));
		expect(byline.textContent).not.toMatch(/updated/);
		const updated = builtDirs('papers').filter((id) =>
			/^updated:/m.test(fs.readFileSync(path.join(ROOT, 'content/papers', `${id}.mdx`), 'utf8')),
		);
		expect(updated).toEqual(['cutting-cloud-spend']);
		expect(page('papers/cutting-cloud-spend/').querySelector('header .byline')!.textContent).toMatch(
			/ · 14 April 2026 · updated 2 June 2026 · \d+ min read$/,
		);
	});

	it('relate the Black Friday paper to the Black Friday case study and to a metric it does not already show', () => {
		const related = page('papers/web-shop-faster-black-friday/').querySelector('section.related')!;
		const links = related.querySelectorAll('h3 a').map((a) => a.getAttribute('href'));
		expect(links).toContain('/case-studies/black-friday-checkout/');
		const metrics = links.filter((href) => href!.startsWith('/metrics/'));
		expect(metrics).toHaveLength(1);
		const shown = page('papers/web-shop-faster-black-friday/')
			.querySelectorAll('.prose [data-metric]')
			.map((el) => `/metrics/${el.getAttribute('data-metric')}/`);
		expect(shown).not.toContain(metrics[0]);
	});

	it('give link previews: Open Graph title, description, site name and type', () => {
		const paper = page('papers/web-shop-faster-black-friday/');
		const og = (property: string) => paper.querySelector(`meta[property="og:${property}"]`)?.getAttribute('content');
		expect(og('title')).toBe(paper.querySelector('h1')!.textContent);
		expect(og('description')).toBe(paper.querySelector('meta[name="description"]')!.getAttribute('content'));
		expect(og('site_name')).toBe(hubYaml.title);
		expect(og('type')).toBe('article');
		expect(og('url')).toBe('https://intranet.example/papers/web-shop-faster-black-friday/');
		expect(page('').querySelector('meta[property="og:type"]')?.getAttribute('content')).toBe('website');
	});
});

describe('brand and polish', () => {
	it('serves the accent colours of hub.yaml and its logo, shown in the header of every page', () => {
		const css = fs.readFileSync(path.join(dist, 'brand/accent.css'), 'utf8');
		expect(css).toContain(`--brand-light:${hubYaml.accent.light}`);
		expect(css).toContain(`--brand-dark:${hubYaml.accent.dark}`);
		expect(fs.readFileSync(path.join(dist, 'brand/logo.svg'), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'content/logo.svg'), 'utf8'));
		for (const route of ['', 'papers/', 'subscribe/']) {
			const html = page(route);
			expect(html.querySelector('.site-header .brand img')?.getAttribute('src')).toBe('/brand/logo.svg');
			expect(html.querySelector('link[rel="stylesheet"][href="/brand/accent.css"]')).not.toBeNull();
		}
	});

	it('keeps the editors\' "send this issue" box off the published issue pages', () => {
		for (const issue of builtDirs('newsletter')) {
			expect(page(`newsletter/${issue}/`).querySelector('main')!.textContent).not.toMatch(/Send this issue/);
			expect(fs.existsSync(path.join(dist, 'newsletter', issue, `issue-${issue}.eml`))).toBe(true);
		}
	});

	it('puts a gap between a status symbol and its word', () => {
		const css = fs
			.readdirSync(path.join(dist, '_astro'))
			.filter((file) => file.endsWith('.css'))
			.map((file) => fs.readFileSync(path.join(dist, '_astro', file), 'utf8'))
			.join('\n');
		expect(css).toMatch(/\.status\[data-astro-cid-[a-z0-9]+\]\{[^}]*gap:/);
	});
});
