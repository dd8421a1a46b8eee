/**
 * One check: every problem a build prints, `npm run lint:content` reports too, in the same words at
 * the same file and line. Two broken copies of the basic fixture: one breaks files one by one (the
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

interface Printed {
	/** Path inside the content folder. */
	file: string;
	line: number | undefined;
	text: string;
}

/** The build's problem lines: `<path>:<line>[:<col>] <field>: expected …`. */
function buildProblems(output: string, content: string): Printed[] {
	const prefix = `${path.basename(path.dirname(content))}/${path.basename(content)}/`;
	return output
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line.includes(prefix) && line.includes(' expected '))
		.map((line) => {
			const [where = '', ...rest] = line.slice(line.indexOf(prefix) + prefix.length).split(' ');
			const [file = '', lineNumber] = where.split(':');
			return { file, line: lineNumber ? Number(lineNumber) : undefined, text: withinContent(rest.join(' '), content) };
		});
}

interface EslintJson {
	filePath: string;
	messages: { line: number; message: string; severity: 1 | 2 }[];
}

async function lintProblems(content: string): Promise<Printed[]> {
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
			.filter((message) => message.severity === 2)
			.map((message) => ({
				file: path.relative(content, report.filePath),
				line: message.line,
				text: withinContent(message.message, content),
			})),
	);
}

async function expectSameProblems(name: string, breakIt: (content: string) => Promise<void>, expected: RegExp[]) {
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
	for (const problem of printed) {
		expect(
			linted.filter((l) => l.file === problem.file && l.text === problem.text && (problem.line === undefined || l.line === problem.line)),
			`the linter should report ${JSON.stringify(problem)}; it reported ${JSON.stringify(linted, null, 1)}`,
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
			},
			[
				/^papers\/cloud-savings\.mdx import: expected no import or export/,
				/^papers\/cloud-savings\.mdx <Callout>: expected one of the hub's components/,
				/^papers\/phishing-drill\.mdx body: expected valid MDX .* found Expected a closing tag for `<b>`/,
				/^papers\/old-laptops\.mdx published: expected a date such as 2026-03-14; found "next spring"/,
				/^authors\/broken\.yaml expected valid YAML/,
				/^papers\/empty\.mdx author: expected text; found nothing/,
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
			},
			[
				/^papers\/phishing-drill\.mdx link: expected a link to a published page .* found \/papers\/secret-draft\/, which is a draft/,
				/^papers\/phishing-drill\.mdx <MetricValue> id: expected an existing metric/,
				/^papers\/cloud-savings\.mdx author: expected an existing author, one of: ada-lovelace; found "grace-hopper"/,
				/^segments\/all\.yaml id: expected a segment name other than "all"/,
				/^metrics\/close-days-copy\.yaml critical\.finance: expected a rank no other metric has/,
				/^papers\/old-laptops\.mdx id: expected an id used once/,
			],
		);
	});
});
