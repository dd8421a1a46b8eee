/**
 * One check: the problems a build prints are the ones `npm run lint:content` reports, no more and
 * no fewer, in the same words at the same file and line. Two broken copies of the basic fixture: one breaks files one by one (the
 * build stops at content sync), one breaks how files fit together (the build stops in checkHub).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { lintContent } from '../../src/tools/lint/cli';
import { buildHub, copyFixture, ROOT } from '../helpers/build-hub';

const NOW = '2026-06-15';

async function edit(content: string, file: string, from: string | RegExp, to: string) {
	const target = path.join(content, file);
	const text = await fs.readFile(target, 'utf8');
	if (typeof from === 'string' ? !text.includes(from) : !from.test(text)) throw new Error(`${file} has no ${String(from)}`);
	await fs.writeFile(target, text.replace(from, to));
}

/** Messages that name another file name it from where the command runs: make that the same for both. */
const withinContent = (text: string, content: string) =>
	text.replaceAll(new RegExp(`\\S*${path.basename(path.dirname(content))}/${path.basename(content)}/`, 'g'), '<content>/');

const STAGES = ['know', 'like', 'trust', 'try', 'buy', 'repeat', 'refer'];

/** A campaign in the basic fixture; `stages` and `activity` (one, under Try) are what the tests break. */
function campaign({ stages = STAGES, activity = '' }: { stages?: string[]; activity?: string } = {}): string {
	return [
		'---',
		'title: "A new finance system, chosen with finance"',
		'summary: Finance moves to a new ledger, led by its own people.',
		'businessValue: Month-end closes in two days instead of five.',
		'segments: [finance]',
		'owner: ada-lovelace',
		'start: 2026-03-01',
		'end: 2026-12-31',
		'stages:',
		...stages.flatMap((stage) => [
			`  - stage: ${stage}`,
			'    goal: "What this stage must achieve."',
			...(stage === 'try' && activity ? ['    activities:', `      - ${activity}`] : []),
		]),
		'---',
		'',
		'The story.',
		'',
	].join('\n');
}

/** A system in the basic fixture; each test breaks one field or how systems fit together. */
function system({
	name = 'The ledger',
	technical = 'Dynamics GL',
	extra = [] as string[],
	dependents = ['  - { segment: finance, wait: 1d, stops: "Month-end close stops." }'],
} = {}): string {
	return [
		`name: ${name}`,
		'does: Keeps the company accounts and closes the month.',
		`technical: ${technical}`,
		'owner: ada-lovelace',
		'dependents:',
		...dependents,
		...extra,
		'published: 2026-03-01',
		'',
	].join('\n');
}

/** How the build prints a warning (advice) rather than a problem. */
const ADVICE = 'Hourglass advice: ';

interface Printed {
	/** Path inside the content folder. */
	file: string;
	line: number | undefined;
	text: string;
}

/** The build's problem lines (or, with `advice`, its advice lines): `<path>:<line>[:<col>] <field>: expected …`. */
function buildProblems(output: string, content: string, advice = false): Printed[] {
	const prefix = `${path.basename(path.dirname(content))}/${path.basename(content)}/`;
	return output
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line.includes(prefix) && line.includes(' expected ') && line.includes(ADVICE) === advice)
		.map((line) => {
			const [where = '', ...rest] = line.slice(line.indexOf(prefix) + prefix.length).split(' ');
			const [file = '', lineNumber] = where.split(':');
			return { file, line: lineNumber ? Number(lineNumber) : undefined, text: withinContent(rest.join(' '), content) };
		});
}

interface EslintJson {
	filePath: string;
	messages: { ruleId: string; line: number; message: string; severity: 1 | 2 }[];
}

/** The linter's rules that are the hub's checks; the others (paper-length, glossary…) advise on writing, which the build leaves alone. */
const CHECK_RULES = new Set(['schema', 'syntax']);

/** What the linter's checks report as errors, or with `severity: 1` as warnings (the build's advice). */
async function lintProblems(content: string, severity: 1 | 2 = 2): Promise<Printed[]> {
	let out = '';
	vi.stubEnv('HOURGLASS_CONTENT', content);
	vi.stubEnv('HOURGLASS_NOW', NOW);
	try {
		await lintContent(['--format', 'json'], { out: (text) => (out += text), err: () => undefined, color: false });
	} finally {
		vi.unstubAllEnvs();
	}
	return (JSON.parse(out) as EslintJson[]).flatMap((report) =>
		report.messages
			.filter((message) => message.severity === severity && CHECK_RULES.has(message.ruleId))
			.map((message) => ({
				file: path.relative(content, report.filePath),
				line: message.line,
				text: withinContent(message.message, content),
			})),
	);
}

async function expectSameProblems(name: string, breakIt: (content: string) => Promise<void>, expected: RegExp[], advice: RegExp[] = []) {
	const content = await copyFixture('tests/fixtures/basic/content', `${name}-content`);
	await breakIt(content);
	const build = await buildHub({ name, content: path.relative(ROOT, content), now: NOW });
	expect(build.code, build.output).not.toBe(0);
	const printed = buildProblems(build.output, content);
	for (const pattern of expected)
		expect(
			printed.map((p) => `${p.file} ${p.text}`),
			build.output,
		).toContainEqual(expect.stringMatching(pattern));
	expect(build.output).not.toMatch(/^\s+at /m);

	const linted = await lintProblems(content);
	// The same set both ways: nothing the build says that the linter does not, and the reverse.
	const said = (problems: Printed[]) => problems.map((p) => `${p.file} ${p.text}`).sort();
	expect(said(linted)).toEqual(said(printed));
	const same = (problem: Printed, found: Printed[]) =>
		found.filter((l) => l.file === problem.file && l.text === problem.text && (problem.line === undefined || l.line === problem.line));
	for (const problem of printed) {
		expect(
			same(problem, linted),
			`the linter should report ${JSON.stringify(problem)}; it reported ${JSON.stringify(linted, null, 1)}`,
		).toHaveLength(1);
	}

	// Advice does not fail the build, which prints it; the linter reports it as a warning, in the same words.
	const advised = buildProblems(build.output, content, true);
	for (const pattern of advice)
		expect(
			advised.map((p) => `${p.file} ${p.text}`),
			build.output,
		).toContainEqual(expect.stringMatching(pattern));
	const warned = await lintProblems(content, 1);
	for (const problem of advised) {
		expect(
			same(problem, warned),
			`the linter should warn ${JSON.stringify(problem)}; it warned ${JSON.stringify(warned, null, 1)}`,
		).toHaveLength(1);
	}
}

describe('the build and the linter report the same problems', () => {
	it('in files that do not parse or do not fit their schema', async () => {
		await expectSameProblems(
			'one-check-files',
			async (content) => {
				await edit(
					content,
					'papers/cloud-savings.mdx',
					/\n---\n\n/,
					'\n---\n\nimport Chart from "./chart.js"\n\n<Callout>Read this</Callout>\n\n',
				);
				await edit(content, 'papers/phishing-drill.mdx', 'Practice makes perfect', 'Practice <b>makes perfect');
				await edit(content, 'papers/old-laptops.mdx', /^published: .*$/m, 'published: next spring');
				await fs.writeFile(path.join(content, 'authors/broken.yaml'), 'name: [Grace Hopper\nrole: Engineer\n');
				await fs.writeFile(path.join(content, 'papers/empty.mdx'), '');
				await fs.mkdir(path.join(content, 'campaigns'));
				const write = (name: string, text: string) => fs.writeFile(path.join(content, 'campaigns', name), text);
				await write('out-of-order.mdx', campaign({ stages: ['know', 'trust', 'like', 'try', 'buy', 'repeat', 'refer'] }));
				await write('missing-stage.mdx', campaign({ stages: ['know', 'like', 'trust', 'try', 'buy', 'refer'] }));
				await write('unknown-stage.mdx', campaign({ stages: ['know', 'like', 'trust', 'try', 'launch', 'repeat', 'refer'] }));
				await write('outside-dates.mdx', campaign({ activity: '{ title: Beta starts, date: 2026-01-15, status: done }' }));
				await fs.mkdir(path.join(content, 'systems'));
				await fs.writeFile(
					path.join(content, 'systems/bad-wait.yaml'),
					system({ dependents: ['  - { segment: finance, wait: soon, stops: "Month-end close stops." }'] }),
				);
			},
			[
				/^papers\/cloud-savings\.mdx import: expected no import or export/,
				/^papers\/cloud-savings\.mdx <Callout>: expected one of the hub's components/,
				/^papers\/phishing-drill\.mdx body: expected valid MDX .* found Expected a closing tag for `<b>`/,
				/^papers\/old-laptops\.mdx published: expected a date such as 2026-03-14; found "next spring"/,
				/^authors\/broken\.yaml expected valid YAML/,
				/^papers\/empty\.mdx author: expected text; found nothing/,
				/^campaigns\/out-of-order\.mdx stages\[1\]\.stage: expected "like" as stage 2: the seven stages in order .*; found "trust"/,
				/^campaigns\/missing-stage\.mdx stages\[5\]\.stage: expected "repeat" as stage 6: .*"repeat" is missing; found "refer"/,
				/^campaigns\/unknown-stage\.mdx stages\[4\]\.stage: expected one of "know", .*; found "launch"/,
				/^systems\/bad-wait\.yaml dependents\[0\]\.wait: expected a duration such as 15m, 4h, 1h30m or 2d .*; found "soon"/,
				/^campaigns\/outside-dates\.mdx stages\[3\]\.activities\[0\]\.date: expected a date within the campaign, from 2026-03-01 to 2026-12-31; found "2026-01-15"/,
			],
		);
	});

	it('in how files fit together', async () => {
		await expectSameProblems(
			'one-check-hub',
			async (content) => {
				await edit(
					content,
					'papers/phishing-drill.mdx',
					'Practice makes perfect',
					'See [the plan](/papers/secret-draft/). <MetricValue id="close-dais" /> Practice makes perfect',
				);
				await edit(content, 'papers/cloud-savings.mdx', /^author: .*$/m, 'author: grace-hopper');
				await fs.copyFile(path.join(content, 'segments/finance.yaml'), path.join(content, 'segments/all.yaml'));
				const metric = await fs.readFile(path.join(content, 'metrics/close-days.yaml'), 'utf8');
				await fs.writeFile(
					path.join(content, 'metrics/close-days-copy.yaml'),
					metric.replace('Days to close the books', 'Days to close the ledgers'),
				);
				await fs.mkdir(path.join(content, 'papers/2025'));
				await fs.copyFile(path.join(content, 'papers/old-laptops.mdx'), path.join(content, 'papers/2025/old-laptops.mdx'));
				await fs.mkdir(path.join(content, 'campaigns'));
				await fs.writeFile(
					path.join(content, 'campaigns/finance-ledger.mdx'),
					campaign({ activity: '{ title: Beta reported, date: 2026-04-01, status: done, paper: secret-draft }' }),
				);
				await fs.writeFile(
					path.join(content, 'campaigns/unknown-entry.mdx'),
					campaign({ activity: '{ title: Beta reported, date: 2026-04-01, status: done, caseStudy: no-such-study }' }),
				);
				await edit(content, 'case-studies/finance-close.mdx', 'featured: true', 'featured: true\ncampaign: finance-ledger');
				await fs.mkdir(path.join(content, 'testimonials'));
				await fs.writeFile(
					path.join(content, 'testimonials/ada.yaml'),
					'quote: "The new ledger gave us three days a month back."\nname: Grace\nrole: Controller\nsegment: finance\ndate: 2026-05-01\ncampaign: no-such-campaign\n',
				);
				await fs.mkdir(path.join(content, 'systems'));
				const put = (id: string, options: Parameters<typeof system>[0]) =>
					fs.writeFile(path.join(content, `systems/${id}.yaml`), system(options));
				await put('ledger', {
					dependents: [
						'  - { segment: finance, wait: 1d, stops: "Month-end close stops." }',
						'  - { segment: finanse, wait: 2d, stops: "Budget reports stop." }',
					],
					extra: ['restore: { tier: 4 }', 'metrics: [close-dais]', 'dependsOn: [ledger-db]'],
				});
				await put('ledger-db', { name: 'The ledger database', technical: 'the  Ledger', extra: ['dependsOn: [ledger]'] });
				// Tier 1 (the finance team can wait 30 minutes), but it runs on the archive, which comes back in tier 4.
				await put('archive', {
					name: 'The archive',
					technical: 'Cold storage',
					dependents: ['  - { segment: finance, wait: 3d, stops: "Old invoices cannot be found." }'],
				});
				await put('payments-run', {
					name: 'The payments run',
					technical: 'BACS bureau',
					dependents: ['  - { segment: finance, wait: 30m, stops: "Suppliers are not paid on time." }'],
					extra: ['dependsOn: [archive]'],
				});
			},
			[
				/^papers\/phishing-drill\.mdx link: expected a link to a published page .* found \/papers\/secret-draft\/, which is a draft/,
				/^papers\/phishing-drill\.mdx <MetricValue> id: expected an existing metric/,
				/^papers\/cloud-savings\.mdx author: expected an existing author, one of: ada-lovelace; found "grace-hopper"/,
				/^segments\/all\.yaml id: expected a segment name other than "all"/,
				/^metrics\/close-days-copy\.yaml critical\.finance: expected a rank no other metric has/,
				/^papers\/old-laptops\.mdx id: expected an id used once/,
				/^campaigns\/finance-ledger\.mdx stages\[3\]\.activities\[0\]\.paper: expected a published position paper; found "secret-draft", which is a draft/,
				/^campaigns\/unknown-entry\.mdx stages\[3\]\.activities\[0\]\.caseStudy: expected an existing case study, one of: finance-close; found "no-such-study"/,
				/^case-studies\/finance-close\.mdx stage: expected the campaign stage it is filed under, one of: know, like/,
				/^systems\/ledger\.yaml dependents\[1\]\.segment: expected an existing segment, one of: all, all-staff, executives, finance; found "finanse"/,
				/^systems\/ledger\.yaml metrics\[0\]: expected an existing metric, one of: close-days(, close-days-copy)?; found "close-dais"/,
				/^systems\/ledger\.yaml restore\.tier: expected tier 3 or faster: a dependent can wait only 1 day, and tier 4 brings it back within 3 days; found 4/,
				/^systems\/ledger-db\.yaml technical: expected a technical name other than another system's business name, which <content>\/systems\/ledger\.yaml has \("The ledger"\); found "the {2}Ledger"/,
				/^systems\/ledger(-db)?\.yaml dependsOn\[0\]: expected systems that do not depend on each other in a circle .*; found the cycle (ledger → ledger-db → ledger|ledger-db → ledger → ledger-db)/,
				/^testimonials\/ada\.yaml campaign: expected an existing campaign, one of: finance-ledger, unknown-entry; found "no-such-campaign"/,
			],
			[
				/^systems\/payments-run\.yaml dependsOn\[0\]: expected a system restored in tier 1 or sooner, since this one \(tier 1\) cannot run without it; found "archive", restored in tier 4/,
			],
		);
	});
});
