/**
 * A German hub (tests/fixtures/german, `language: de`) reads German everywhere the hub writes:
 * every page, feed, the OPML list, the feed stylesheet, every email part and the words the
 * search page hands its script. No text of the English dictionary that German says differently
 * appears anywhere, the writers' German content aside.
 */
import { simpleParser } from 'mailparser';
import { parse as parseHtml } from 'node-html-parser';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DICTIONARIES, SEARCH_MESSAGES, type BrowserMessages } from '../../src/content/i18n';
import { listFiles, type BuildResult } from '../helpers/build-hub';
import { cspProblems } from '../helpers/gates/csp';
import { fixtureHub } from '../helpers/shared-build';

const { en, de } = DICTIONARIES;

/**
 * The English dictionary's words for readers, cut at the placeholders, that German writes
 * otherwise: a fragment of four or more letters that no German message contains.
 */
const germanText = Object.values(de)
	.flatMap((message) => (typeof message === 'string' ? [message] : Object.values(message)))
	.join('\n');
const ENGLISH = [
	...new Set(
		Object.entries(en)
			// Writers' words (content problems, the writer commands) never reach a page, feed or email.
			.filter(([key]) => !/^(problem|noun|ordinal|cli)\./.test(key))
			.flatMap(([, message]) => (typeof message === 'string' ? [message] : Object.values(message)))
			.flatMap((message) => message.split(/\{\w+\}/))
			.map((fragment) => fragment.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, ''))
			.filter((fragment) => /\p{L}{4}/u.test(fragment) && !germanText.includes(fragment)),
	),
];

/** What a reader reads: text and attributes, without markup, scripts, comments or addresses. */
function readable(source: string): string {
	const root = parseHtml(source.replace(/<!--[\s\S]*?-->/g, ''), { comment: false });
	for (const element of root.querySelectorAll('script, style')) element.remove();
	const attributes = root
		.querySelectorAll('*')
		.flatMap((element) => ['title', 'alt', 'aria-label', 'placeholder', 'content'].map((name) => element.getAttribute(name) ?? ''));
	return withoutAddresses([root.textContent, ...attributes].join('\n'));
}

/** Addresses and paths are not words: `/newsletter/1/` is a route whatever the language. */
const withoutAddresses = (text: string) => text.replace(/(https?:\/\/|mailto:)\S+|\/[\w./-]+\//g, ' ');

const englishIn = (text: string) =>
	ENGLISH.filter((fragment) => new RegExp(`(?<![\\p{L}])${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(text));

describe('a German hub', () => {
	let build: BuildResult;
	let files: string[];
	beforeAll(async () => {
		build = await fixtureHub({ content: 'tests/fixtures/german/content', now: '2026-06-15' });
		expect(build.code, build.output).toBe(0);
		files = (await listFiles(build.dist)).filter((file) => !file.startsWith('pagefind/'));
	});
	const read = (file: string) => fs.readFileSync(path.join(build.dist, file), 'utf8');

	it('has English words to look for: the check can fail', () => {
		expect(ENGLISH).toContain('Why it matters to the business');
		expect(ENGLISH).toContain('Did you mean');
		expect(englishIn('Warum? Why it matters to the business')).toContain('Why it matters to the business');
	});

	it('writes every page in German, with lang="de"', () => {
		const pages = files.filter((file) => file.endsWith('.html') && !file.endsWith('email.html'));
		expect(pages.length).toBeGreaterThan(15);
		for (const page of pages) {
			const html = read(page);
			expect(parseHtml(html).querySelector('html')?.getAttribute('lang'), page).toBe('de');
			expect(englishIn(readable(html)), page).toEqual([]);
			// The search page's words travel in a data attribute, never an inline script.
			expect(cspProblems(html), page).toEqual([]);
		}
	});

	it('says German things where the hub speaks: navigation, dates, figures, stages', () => {
		const home = readable(read('index.html'));
		expect(home).toContain('Positionspapiere');
		expect(home).toContain('Braucht Aufmerksamkeit');
		const paper = readable(read('papers/neue-kassen/index.html'));
		expect(paper).toContain('Warum es für das Geschäft zählt');
		expect(paper).toContain('2. März 2026');
		// The figure as it stood on the paper's date.
		expect(paper).toContain('4,1 Minuten');
		const campaign = readable(read('campaigns/handscanner/index.html'));
		expect(campaign).toContain('Stufe 4 von 7: Testen');
		expect(campaign).toContain('Sie sind hier');
		const metric = readable(read('metrics/cloud-kosten/index.html'));
		expect(metric).toContain('45.500\u00a0£');
		const system = readable(read('systems/kassen/index.html'));
		expect(system).toContain('Stufe 1: binnen einer Stunde zurück');
		expect(system).toContain('1 Stunde 30 Minuten');
		expect(readable(read('systems/index.html'))).toContain('Die ersten 24 Stunden, nachdem alles stillsteht');
		expect(readable(read('segments/filialleitung/index.html'))).toContain('Die Systeme, auf die Sie angewiesen sind');
	});

	it('writes every feed, the OPML list and the feed stylesheet in German', () => {
		const feeds = files.filter((file) => /\.(xml|opml|xsl)$/.test(file) && !file.startsWith('sitemap'));
		expect(feeds).toEqual(
			expect.arrayContaining(['feeds/all.xml', 'feeds/subscriptions.opml', 'feeds/feed.xsl', 'feeds/campaigns/handscanner.xml']),
		);
		for (const feed of feeds) {
			// Descriptions and content are escaped HTML inside the XML: unescape once, then read.
			const xml = read(feed).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
			expect(englishIn(readable(xml)), feed).toEqual([]);
		}
		expect(read('feeds/all.xml')).toContain('<language>de</language>');
		expect(read('feeds/campaigns/handscanner.xml')).toContain('Ziel der Stufe:');
		expect(read('feeds/feed.xsl')).toContain('Dies ist ein RSS-Feed.');
		expect(read('feeds/all.xml')).toContain('Auf der Systemliste: Kartenzahlung');
	});

	it('writes every email in German: subject, HTML and plain text', async () => {
		const parts = files.filter((file) => /email\.(html|txt)$/.test(file));
		expect(parts.length).toBeGreaterThanOrEqual(6);
		expect(parts).toContain('systems/kassen/email.txt');
		for (const part of parts)
			expect(englishIn(part.endsWith('.txt') ? withoutAddresses(read(part)) : readable(read(part))), part).toEqual([]);
		const mail = await simpleParser(fs.readFileSync(path.join(build.dist, 'newsletter/1/issue-1.eml')));
		expect(mail.subject).toBe('Nordwind IT-Hub Nr. 1: Frühjahrsnachrichten aus der IT');
		expect(englishIn(withoutAddresses([mail.subject, mail.text, readable(String(mail.html))].join('\n')))).toEqual([]);
		expect(mail.text).toContain('IN DIESER AUSGABE');
	});

	it('hands the search script its words in German, for every state it can show', () => {
		const form = parseHtml(read('search/index.html')).querySelector('form[data-search]')!;
		const words = JSON.parse(form.getAttribute('data-words')!) as BrowserMessages;
		expect(words.language).toBe('de');
		expect(Object.keys(words.messages).sort()).toEqual([...SEARCH_MESSAGES].sort());
		for (const key of SEARCH_MESSAGES) expect(words.messages[key], key).toEqual(de[key]);
	});
});
