import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	createLocale,
	DICTIONARIES,
	DICTIONARY_LANGUAGES,
	directionOf,
	hubLocale,
	placeholders,
	readOverrides,
	type MessageKey,
} from '../../../src/content/i18n';
import { browserMessages, browserTranslator, SEARCH_MESSAGES } from '../../../src/content/i18n/browser';
import { ContentProblems, ENGLISH, formatProblem } from '../../../src/content/problems';
import { formatMetricGap, formatMetricValue } from '../../../src/hub/metrics';

const KEYS = Object.keys(DICTIONARIES.en) as MessageKey[];
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'hourglass-i18n-'));
afterAll(() => {
	fs.rmSync(temp, { recursive: true, force: true });
});

describe('the shipped dictionaries', () => {
	it('ship English, German, French and Spanish', () => {
		expect(DICTIONARY_LANGUAGES).toEqual(['en', 'de', 'fr', 'es']);
	});

	it.each(DICTIONARY_LANGUAGES)('%s has every key, with the same placeholders and plural forms as English', (language) => {
		const dictionary = DICTIONARIES[language];
		expect(Object.keys(dictionary).sort()).toEqual([...KEYS].sort());
		for (const key of KEYS) {
			const english = DICTIONARIES.en[key];
			const message = dictionary[key];
			expect(placeholders(message), `${language} ${key}`).toEqual(placeholders(english));
			expect(typeof message, `${language} ${key} counts as English does`).toBe(typeof english);
			if (typeof message !== 'string') expect(message.other, `${language} ${key}`).toBeTruthy();
			if (typeof message === 'string') expect(message.trim(), `${language} ${key}`).not.toBe('');
		}
	});

	it('leave nothing in English but what reads the same in the language (a missed translation fails here)', () => {
		// Placeholders and punctuation only, and words the languages share.
		const formats = ['site.titleSeparator', 'feedPage.date', 'search.summary', 'hourglass.stateCount', 'hourglass.sentence', 'hourglass.stageSentence', 'feed.scoped', 'feed.activityTitle', 'issue.campaignStanding', 'subscribe.opmlOutlook', 'duration.join', 'timeline.who', 'scaffold.reader.advice', 'lint.summary', 'ballot.email.figure', 'problem.text', 'cli.contacts.changed', 'cli.ballot.order.join', 'cli.inbox.read'];
		const shared: Record<string, string[]> = {
			de: [...formats, 'kind.system', 'nav.newsletter', 'kind.newsletter', 'newsletter.title', 'subscribe.thunderbird1.feed', 'metric.status'],
			fr: [...formats, 'search.facet.type', 'email.fromVia', 'chart.date', 'duration.minutes', 'cli.inbox.messages', 'cli.inbox.questionCount'],
			es: [...formats, 'useful.no', 'lint.severity.error', 'cli.inbox.no'],
		};
		for (const language of DICTIONARY_LANGUAGES.filter((l) => l !== 'en')) {
			const same = KEYS.filter((key) => JSON.stringify(DICTIONARIES.en[key]) === JSON.stringify(DICTIONARIES[language][key]));
			expect(same.filter((key) => !shared[language]!.includes(key)), language).toEqual([]);
		}
	});
});

describe('a locale', () => {
	const en = createLocale('en-GB');
	const de = createLocale('de');

	it('fills placeholders, formats numbers and picks the plural form in its language', () => {
		expect(en.t('search.count', { count: 1 })).toBe('1 result');
		expect(en.t('search.count', { count: 1234 })).toBe('1,234 results');
		expect(de.t('search.count', { count: 1234 })).toBe('1.234 Ergebnisse');
		expect(de.t('segment.title', { name: 'Finanzen' })).toBe('Für Finanzen');
	});

	it('writes dates and lists the way the language does', () => {
		const day = new Date('2026-11-24T00:00:00Z');
		expect(en.date(day)).toBe('24 November 2026');
		expect(de.date(day)).toBe('24. November 2026');
		expect(createLocale('fr').date(day)).toBe('24 novembre 2026');
		expect(en.list(['Finance', 'Executives', 'Superusers'])).toBe('Finance, Executives and Superusers');
		expect(de.list(['Finanzen', 'Vorstand'])).toBe('Finanzen und Vorstand');
	});

	it('reads a dialect with its language’s dictionary, and a language without one in English', () => {
		expect(createLocale('de-AT').dictionary).toBe('de');
		expect(createLocale('ja').dictionary).toBe('en');
		expect(directionOf('ar')).toBe('rtl');
		expect(directionOf('he-IL')).toBe('rtl');
		expect(directionOf('de')).toBe('ltr');
	});

	it('writes figures, units and currency in its language', () => {
		expect(formatMetricValue(en, 1.2, '£m')).toBe('£1.2m');
		expect(formatMetricValue(en, -14, '£k')).toBe('-£14k');
		expect(formatMetricValue(en, 3.1, 'days')).toBe('3.1 days');
		expect(formatMetricValue(en, 99.95, '%')).toBe('99.95%');
		expect(formatMetricValue(de, 1.2, '£m')).toBe('1,2\u00a0Mio.\u00a0£');
		expect(formatMetricValue(de, 3.1, 'Tage')).toBe('3,1 Tage');
		expect(formatMetricValue(de, 99.95, '%')).toBe('99,95\u00a0%');
		expect(formatMetricGap(de, 1, '%')).toBe('1 Prozentpunkt');
		expect(formatMetricGap(en, 0.5, '%')).toBe('0.5 percentage points');
	});

	it('takes an entry’s own language for formats, keeping the hub’s words', () => {
		const inFrench = de.formatsOf('fr');
		expect(inFrench.date(new Date('2026-11-24T00:00:00Z'))).toBe('24 novembre 2026');
		expect(inFrench.t('nav.papers')).toBe('Positionspapiere');
	});

	it('hands the browser the same messages, formatted by the browser’s Intl', () => {
		const say = browserTranslator(JSON.parse(JSON.stringify(browserMessages(de, SEARCH_MESSAGES))) as ReturnType<typeof browserMessages>);
		expect(say('search.count', { count: 2 })).toBe('2 Ergebnisse');
		expect(say('search.summaryQuery', { found: say('search.count', { count: 1 }), query: 'Kasse' })).toBe('1 Ergebnis für „Kasse“.');
	});
});

describe('a hub’s overrides (content/i18n/<lang>.yaml)', () => {
	const hub = (name: string, language: string, overrides?: string) => {
		const dir = path.join(temp, name);
		fs.mkdirSync(path.join(dir, 'i18n'), { recursive: true });
		fs.writeFileSync(path.join(dir, 'hub.yaml'), `title: Test\nlanguage: ${language}\n`);
		if (overrides !== undefined) fs.writeFileSync(path.join(dir, 'i18n', `${language}.yaml`), overrides);
		return dir;
	};

	it('replaces the shipped words, plural forms included', () => {
		const dir = hub('good', 'de', "nav.papers: Standpunkte\nsearch.count:\n  one: '{count} Treffer'\n  other: '{count} Treffer'\n");
		const locale = hubLocale(dir);
		expect(locale.t('nav.papers')).toBe('Standpunkte');
		expect(locale.t('search.count', { count: 3 })).toBe('3 Treffer');
		expect(locale.t('nav.topics')).toBe('Themen');
	});

	it('gives a language without a dictionary its words, on top of English', () => {
		const locale = hubLocale(hub('arabic', 'ar', 'nav.papers: أوراق الموقف\n'));
		expect(locale.t('nav.papers')).toBe('أوراق الموقف');
		expect(locale.dir).toBe('rtl');
	});

	it('reports unknown keys and missing or unknown placeholders with file and line, all at once', () => {
		const dir = hub('bad', 'de', "nav.papers: Standpunkte\nnav.paper: Papiere\nsegment.title: Für alle\nentry.issue: 'Ausgabe {nummer}: {title}'\nsearch.count: 3\n");
		const file = path.join(dir, 'i18n', 'de.yaml');
		const { problems } = readOverrides(file, 'de', 'content/i18n/de.yaml');
		expect(problems.map((problem) => formatProblem(problem, ENGLISH))).toEqual([
			'content/i18n/de.yaml:2 nav.paper: expected a message key of the hub (see src/content/i18n/en.ts); found an unknown key (did you mean nav.papers?)',
			'content/i18n/de.yaml:3 segment.title: expected the placeholders {name}; found {name} missing',
			'content/i18n/de.yaml:4 entry.issue: expected the placeholders {number}, {title}; found {number} missing and {nummer} unknown',
			'content/i18n/de.yaml:5 search.count: expected text, or one text per plural form (one, other, …; `other` is required); found 3',
		]);
		expect(() => hubLocale(dir)).toThrow(ContentProblems);
	});
});
