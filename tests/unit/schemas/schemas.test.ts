import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { authorSchema } from '../../../src/content/schemas/author';
import { campaignSchema } from '../../../src/content/schemas/campaign';
import { caseStudySchema } from '../../../src/content/schemas/case-study';
import { metricSchema } from '../../../src/content/schemas/metric';
import { newsletterSchema } from '../../../src/content/schemas/newsletter';
import { paperSchema } from '../../../src/content/schemas/paper';
import { segmentSchema } from '../../../src/content/schemas/segment';
import { settingsSchema } from '../../../src/content/schemas/settings';
import { testimonialSchema } from '../../../src/content/schemas/testimonial';
import { topicSchema } from '../../../src/content/schemas/topic';
import { zodProblems } from '../../../src/content/zod-problems';
import { ENGLISH, formatProblem } from '../../../src/content/problems';

const CONTENT = path.resolve(import.meta.dirname, '../../../content');

const frontmatter = (file: string): unknown => parseYaml(/^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(file, 'utf8'))![1]!);
const yamlFile = (file: string): unknown => parseYaml(fs.readFileSync(file, 'utf8'));
// Entries only: a folder may also hold the images its entries show.
const filesIn = (folder: string) =>
	fs
		.readdirSync(path.join(CONTENT, folder))
		.filter((f) => /\.(mdx|ya?ml)$/.test(f))
		.map((f) => path.join(CONTENT, folder, f));

/** Messages as a writer reads them, through the hub's one formatter. */
const check = (schema: { safeParse: (input: unknown) => { error?: Parameters<typeof zodProblems>[1] } }, input: unknown) => {
	const { error } = schema.safeParse(input);
	return error ? zodProblems('x.mdx', error, input).map((problem) => formatProblem(problem, ENGLISH)) : [];
};

describe('the example hub is valid', () => {
	const kinds = [
		{ folder: 'papers', schema: paperSchema, read: frontmatter },
		{ folder: 'case-studies', schema: caseStudySchema, read: frontmatter },
		{ folder: 'newsletters', schema: newsletterSchema, read: frontmatter },
		{ folder: 'metrics', schema: metricSchema, read: yamlFile },
		{ folder: 'segments', schema: segmentSchema, read: yamlFile },
		{ folder: 'authors', schema: authorSchema, read: yamlFile },
		{ folder: 'campaigns', schema: campaignSchema, read: frontmatter },
		{ folder: 'testimonials', schema: testimonialSchema, read: yamlFile },
	] as const;
	for (const { folder, schema, read } of kinds) {
		it(`accepts every file in content/${folder}`, () => {
			const files = filesIn(folder);
			expect(files.length).toBeGreaterThan(0);
			for (const file of files) expect(check(schema, read(file)), file).toEqual([]);
		});
	}

	it('accepts topics.yaml and hub.yaml', () => {
		for (const topic of yamlFile(path.join(CONTENT, 'topics.yaml')) as unknown[]) expect(check(topicSchema, topic)).toEqual([]);
		expect(check(settingsSchema, yamlFile(path.join(CONTENT, 'hub.yaml')))).toEqual([]);
	});
});

describe('bad entries are rejected with messages a writer can act on', () => {
	const paper = {
		title: 'Why we are moving file shares to the cloud',
		summary: 'Shared drives move to the cloud this spring.',
		businessValue: 'We stop buying servers and save £80k a year.',
		segments: ['executives'],
		author: 'priya-raman',
		published: '2026-03-01',
	};

	it('accepts a minimal paper and fills the defaults', () => {
		const parsed = paperSchema.parse(paper);
		expect(parsed.draft).toBe(false);
		expect(parsed.topics).toEqual([]);
		expect(parsed.published).toEqual(new Date('2026-03-01T00:00:00Z'));
	});

	it('names a missing business value', () => {
		const rest: Partial<typeof paper> = { ...paper };
		delete rest.businessValue;
		expect(check(paperSchema, rest)).toEqual([expect.stringMatching(/^x\.mdx businessValue: expected .*; found nothing$/)]);
	});

	it('names an unreadable date and shows what was found', () => {
		expect(check(paperSchema, { ...paper, published: 'next spring' })).toEqual([
			expect.stringMatching(/^x\.mdx published: expected a date such as 2026-03-14; found "next spring"$/),
		]);
	});

	it('rejects a day the calendar does not have in every date field, as written or as a YAML date', () => {
		expect(check(paperSchema, { ...paper, published: '2026-02-30', updated: '2026-04-31', expires: '2027-02-29' })).toEqual([
			'x.mdx published: expected a day that exists (February 2026 has 28 days); found "2026-02-30"',
			'x.mdx updated: expected a day that exists (April 2026 has 30 days); found "2026-04-31"',
			'x.mdx expires: expected a day that exists (February 2027 has 28 days); found "2027-02-29"',
		]);
		expect(check(paperSchema, { ...paper, published: '2026-13-01' })).toEqual([
			'x.mdx published: expected a day that exists (there are 12 months); found "2026-13-01"',
		]);
		const metric = yamlFile(filesIn('metrics')[0]!) as { series: object[] };
		expect(check(metricSchema, { ...metric, series: [{ date: '2026-06-31', value: 1 }] })).toEqual([
			'x.mdx series[0].date: expected a day that exists (June 2026 has 30 days); found "2026-06-31"',
		]);
		const issue = frontmatter(filesIn('newsletters')[0]!) as Record<string, unknown>;
		expect(check(newsletterSchema, { ...issue, date: '2026-09-31' })).toHaveLength(1);
		// Leap days exist; dates a YAML parser already made are taken as they are.
		expect(check(paperSchema, { ...paper, published: '2028-02-29' })).toEqual([]);
		expect(paperSchema.parse({ ...paper, published: new Date('2026-03-01T00:00:00Z') }).published).toEqual(
			new Date('2026-03-01T00:00:00Z'),
		);
	});

	it('rejects titles and summaries of spaces, and trims text fields', () => {
		expect(check(paperSchema, { ...paper, title: '      ', summary: ' \t          ' })).toEqual([
			'x.mdx title: expected a title of at least 5 characters; found "      "',
			'x.mdx summary: expected a one-sentence summary (at least 10 characters); found " \\t          "',
		]);
		expect(paperSchema.parse({ ...paper, title: '  Cloud files, cheaper  ' }).title).toBe('Cloud files, cheaper');
		const metric = yamlFile(filesIn('metrics')[0]!) as Record<string, unknown>;
		expect(check(metricSchema, { ...metric, title: '   ', translation: '            ' })).toHaveLength(2);
		const issue = frontmatter(filesIn('newsletters')[0]!) as { items: object[] };
		expect(check(newsletterSchema, { ...issue, title: '       ', items: [{ paper: 'a', blurb: '        ' }] })).toHaveLength(2);
		expect(check(segmentSchema, { name: '  ', audience: '              ', cares: ['cost'] })).toHaveLength(2);
		expect(check(topicSchema, { name: '  ', description: '              ' })).toHaveLength(2);
		expect(check(authorSchema, { name: '  ', role: '  ', email: 'ada@example.com' })).toHaveLength(2);
	});

	it("takes an entry's own language as a BCP 47 tag, and leaves it out by default", () => {
		expect(paperSchema.parse({ ...paper, lang: 'ja' }).lang).toBe('ja');
		expect(paperSchema.parse(paper).lang).toBeUndefined();
		expect(check(paperSchema, { ...paper, lang: 'english please' })).toEqual([
			expect.stringMatching(/^x\.mdx lang: expected a language tag such as .*; found "english please"$/),
		]);
		const metric = yamlFile(filesIn('metrics')[0]!) as Record<string, unknown>;
		expect(metricSchema.parse({ ...metric, lang: 'ar' }).lang).toBe('ar');
		const issue = frontmatter(filesIn('newsletters')[0]!) as Record<string, unknown>;
		expect(newsletterSchema.parse({ ...issue, lang: 'de-CH' }).lang).toBe('de-CH');
	});

	it('needs at least one segment', () => {
		expect(check(paperSchema, { ...paper, segments: [] })).toEqual([
			expect.stringMatching(/^x\.mdx segments: expected .*at least one segment/),
		]);
	});

	it('rejects a metric direction other than higher or lower', () => {
		const metric = yamlFile(filesIn('metrics')[0]!) as Record<string, unknown>;
		expect(check(metricSchema, { ...metric, direction: 'up' })).toEqual([
			expect.stringMatching(/direction: expected "higher" or "lower"; found "up"/),
		]);
	});

	it('rejects a newsletter item that names two entries', () => {
		const issue = frontmatter(filesIn('newsletters')[0]!) as Record<string, unknown>;
		expect(check(newsletterSchema, { ...issue, items: [{ paper: 'a', metric: 'b' }] }).join('\n')).toMatch(
			/items\[0\]: expected exactly one of paper, caseStudy, metric or campaign per item .*; found {"paper":"a","metric":"b"}/,
		);
	});

	it('rejects an author without a valid email', () => {
		expect(check(authorSchema, { name: 'Ada', role: 'Lead', email: 'ada' })).toEqual([
			expect.stringMatching(/email: expected an email address/),
		]);
	});
});
