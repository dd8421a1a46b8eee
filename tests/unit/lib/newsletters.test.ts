import { describe, expect, it } from 'vitest';
import type { CaseStudyItem, Hub, MetricItem, NewsletterItem, PaperItem } from '../../../src/hub/hub';
import { featuredIn, issueEmailModel, issueEntries, issueFiles, itemDetails } from '../../../src/outputs/newsletters';
import { createLocale } from '../../../src/content/i18n';
import { ContentProblems, ENGLISH, formatProblem } from '../../../src/content/problems';

const en = createLocale('en-GB');

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

// Only the fields these functions read; the hub's full items carry many more.
const paper = (id: string) =>
	({
		kind: 'paper',
		id,
		path: `papers/${id}/`,
		title: `Paper ${id}`,
		summary: `Summary of ${id}.`,
		businessValue: `Value of ${id}.`,
		entry: { collection: 'papers', id },
	}) as unknown as PaperItem;

const study = (id: string) =>
	({
		kind: 'case-study',
		id,
		path: `case-studies/${id}/`,
		title: `Study ${id}`,
		summary: `Summary of ${id}.`,
		businessValue: `Value of ${id}.`,
		entry: { collection: 'case-studies', id },
	}) as unknown as CaseStudyItem;

const metric = {
	kind: 'metric',
	id: 'close-days',
	path: 'metrics/close-days/',
	title: 'Days to close the books',
	summary: 'Finance closes the month faster.',
	entry: {
		collection: 'metrics',
		id: 'close-days',
		data: {
			translation: 'Finance closes the month faster.',
			unit: 'days',
			direction: 'lower',
			target: 5,
			series: [
				{ date: day('2026-01-01'), value: 9 },
				{ date: day('2026-02-01'), value: 7 },
				{ date: day('2026-03-01'), value: 4 },
			],
		},
	},
} as unknown as MetricItem;

const issue = (number: number, date: string, items: object[]) =>
	({
		kind: 'newsletter',
		id: `issue-${number}`,
		number,
		path: `newsletter/${number}/`,
		title: `Issue number ${number}`,
		summary: `What issue ${number} is about.`,
		date: day(date),
		segments: ['finance'],
		entry: { collection: 'newsletters', id: `issue-${number}`, filePath: `content/newsletters/issue-${number}.mdx`, data: { items } },
	}) as unknown as NewsletterItem;

const second = issue(2, '2026-02-15', [
	{ metric: { collection: 'metrics', id: 'close-days' } },
	{ paper: { collection: 'papers', id: 'a' } },
]);
const first = issue(1, '2026-01-20', [
	{ paper: { collection: 'papers', id: 'a' }, blurb: 'A blurb for paper a.' },
	{ caseStudy: { collection: 'case-studies', id: 'a' } },
]);
const hub = {
	locale: en,
	settings: {
		title: 'Fixture Hub',
		language: 'en-GB',
		editors: { name: 'Editors', email: 'editors@fixture.example' },
		accent: { light: 'rgb(11 92 173)', dark: '#7CB7F2' },
	},
	papers: [paper('a'), paper('b')],
	caseStudies: [study('a')],
	metrics: [metric],
	newsletters: [second, first],
	campaigns: [],
} as unknown as Hub;

describe('issueEntries', () => {
	it('keeps the editor’s order and prefers the blurb to the summary', () => {
		const entries = issueEntries(hub, first);
		expect(entries.map((e) => e.item.path)).toEqual(['papers/a/', 'case-studies/a/']);
		expect(entries.map((e) => e.blurb)).toEqual(['A blurb for paper a.', 'Summary of a.']);
	});

	it('tells a paper from a case study with the same id', () => {
		expect(issueEntries(hub, first).map((e) => e.item.kind)).toEqual(['paper', 'case-study']);
	});

	it('reports every item it could not find through the one formatter, naming the issue file and the field', () => {
		// Only the preview gets here: a featured paper whose body broke after it loaded has left the store.
		const broken = issue(3, '2026-03-01', [
			{ paper: { collection: 'papers', id: 'gone' } },
			{ paper: { collection: 'papers', id: 'a' } },
			{ caseStudy: { collection: 'case-studies', id: 'lost' }, blurb: 'A blurb.' },
		]);
		const thrown = (() => {
			try {
				issueEntries(hub, broken);
			} catch (error) {
				return error;
			}
		})();
		expect(thrown).toBeInstanceOf(ContentProblems);
		expect((thrown as ContentProblems).problems.map((problem) => formatProblem(problem, ENGLISH))).toEqual([
			`content/newsletters/issue-3.mdx items[0].paper: expected a readable position paper file (it has a problem of its own: the preview's terminal and npm run lint:content name it); found "gone"`,
			`content/newsletters/issue-3.mdx items[2].caseStudy: expected a readable case study file (it has a problem of its own: the preview's terminal and npm run lint:content name it); found "lost"`,
		]);
	});
});

describe('featuredIn', () => {
	it('lists the issues that featured an entry, newest first', () => {
		expect(featuredIn(hub, paper('a')).map((i) => i.number)).toEqual([2, 1]);
		expect(featuredIn(hub, study('a')).map((i) => i.number)).toEqual([1]);
		expect(featuredIn(hub, paper('b'))).toEqual([]);
	});
});

describe('itemDetails', () => {
	it('gives papers and case studies their business value', () => {
		expect(itemDetails(en, { item: paper('a'), blurb: 'Summary of a.' }, day('2026-02-01'), 1)).toEqual([
			{ label: 'Why it matters', text: 'Value of a.' },
		]);
	});

	it('describes a metric as it stood on the issue date, not as it stands at the build', () => {
		const blurb = 'Closing faster frees finance for forecasts.';
		const [meaning, standing] = itemDetails(en, { item: metric, blurb }, day('2026-02-15'), 1);
		expect(meaning?.text).toBe('Finance closes the month faster.');
		expect(standing?.text).toMatch(/^Latest 7 days in February 2026 \(target 5 days\)/);
		expect(itemDetails(en, { item: metric, blurb }, day('2026-06-01'), 1)[1]?.text).toMatch(/^Latest 4 days in March 2026/);
	});
});

describe('issueEmailModel', () => {
	it("prints a metric's translation once when the issue gives the metric no blurb of its own", () => {
		const [item] = issueEmailModel(hub, second, { site: 'https://intranet.example', base: '/', introHtml: '<p>Hi</p>' }).items;
		const texts = [item?.blurb, ...(item?.details ?? []).map((detail) => detail.text)];
		expect(texts.filter((text) => text === 'Finance closes the month faster.')).toHaveLength(1);
		expect(item?.details.map((detail) => detail.label)).toEqual(['Where it stands']);
	});

	it('makes every URL absolute under the base', () => {
		const model = issueEmailModel(hub, second, { site: 'https://intranet.example', base: '/it/', introHtml: '<p>Hi</p>' });
		expect(model.url).toBe('https://intranet.example/it/newsletter/2/');
		expect(model.archiveUrl).toBe('https://intranet.example/it/newsletter/');
		expect(model.subscribeUrl).toBe('https://intranet.example/it/subscribe/');
		expect(model.accent).toEqual({ light: '#0b5cad', dark: '#7cb7f2' });
		expect(model.items.map((i) => i.url)).toEqual([
			'https://intranet.example/it/metrics/close-days/',
			'https://intranet.example/it/papers/a/',
		]);
		expect(model.items.map((i) => i.kind)).toEqual(['Metric', 'Position paper']);
		expect(model.editors).toEqual({ name: 'Editors', email: 'editors@fixture.example' });
	});

	it('carries the tagged reply links npm run inbox records: Yes, No and a question from its first segment', () => {
		const { replies } = issueEmailModel(hub, second, { site: 'https://intranet.example', base: '/', introHtml: '<p>Hi</p>' });
		const subject = (link: string | undefined) => new URL(link ?? 'mailto:x').searchParams.get('subject');
		expect(subject(replies?.useful?.yes)).toBe('Useful: yes · Issue number 2 [hub:useful issue/2 yes]');
		expect(subject(replies?.useful?.no)).toBe('Useful: no · Issue number 2 [hub:useful issue/2 no]');
		expect(subject(replies?.question)).toBe('Question for IT [hub:question finance]');
	});
});

describe('issueFiles', () => {
	it('puts the email files beside the issue page, the .eml named after the issue', () => {
		expect([issueFiles.html(4), issueFiles.text(4), issueFiles.eml(4)]).toEqual([
			'newsletter/4/email.html',
			'newsletter/4/email.txt',
			'newsletter/4/issue-4.eml',
		]);
	});
});
