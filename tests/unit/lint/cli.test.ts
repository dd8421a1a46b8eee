import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintContent } from '../../../src/tools/lint/cli';
import { copyFixture, ROOT } from '../../helpers/build-hub';

interface EslintJson {
	filePath: string;
	errorCount: number;
	warningCount: number;
	messages: { ruleId: string; severity: 1 | 2; line: number; column: number; message: string; fixable: boolean }[];
}

async function run(...argv: string[]) {
	let out = '';
	let err = '';
	const code = await lintContent(argv, { out: (t) => (out += t), err: (t) => (err += t), color: false });
	return { code, out, err };
}

const BROKEN = `---
title: "Upgrading the tills"
summary: "Every store gets new tills."
businessValue: "Shorter queues keep customers who would otherwise walk out."
segments: [executives]
author: ada-lovelace
published: soon
---

Our users will leverage the new tills.
`;

describe('npm run lint:content', () => {
	let content: string;
	beforeEach(async () => {
		content = await copyFixture('tests/fixtures/basic/content', 'lint-cli');
		process.env.HOURGLASS_CONTENT = content;
		process.env.HOURGLASS_NOW = '2026-06-15';
	});
	afterEach(() => {
		delete process.env.HOURGLASS_CONTENT;
		delete process.env.HOURGLASS_NOW;
	});

	it('reports each problem as file:line:col, severity, rule and message, grouped by file, with a summary and exit code 1', async () => {
		fs.writeFileSync(path.join(content, 'papers/broken.mdx'), BROKEN);
		const { code, out } = await run();
		expect(code).toBe(1);
		const file = path.relative(ROOT, path.join(content, 'papers/broken.mdx'));
		const lines = out.split('\n');
		const group = lines.indexOf(file);
		expect(group).toBeGreaterThan(-1);
		const rows = lines.slice(group + 1, lines.indexOf('', group + 1)).map((line) => line.trim().split(/\s{2,}/));
		expect(rows).toEqual([
			[`${file}:7:12`, 'error', 'schema', 'published: expected a date such as 2026-03-14; found "soon"'],
			[
				`${file}:10:1`,
				'error',
				'paper-length',
				expect.stringMatching(/^The paper has 7 words of prose; position papers have 200 to 300 \(add about 193 words/) as string,
			],
			[
				`${file}:10:5`,
				'warning',
				'glossary',
				expect.stringMatching(/^"users": .*\(write "colleagues", "customers" or "stakeholders"\)$/) as string,
			],
			[`${file}:10:16`, 'warning', 'glossary', '"leverage": jargon; plain English reads faster (write "use")'],
		]);
		expect(out).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings\)/);
		expect(out).toContain('1 warning potentially fixable with the `--fix` option.');
	});

	it('exits 0 when there are warnings only', async () => {
		fs.rmSync(path.join(content, 'papers'), { recursive: true });
		fs.rmSync(path.join(content, 'case-studies'), { recursive: true });
		fs.writeFileSync(
			path.join(content, 'newsletters/issue-1.mdx'),
			fs
				.readFileSync(path.join(content, 'newsletters/issue-1.mdx'), 'utf8')
				.replace(/items:[\s\S]*?---/, 'items:\n  - metric: close-days\n---')
				.concat('\nOur users are happy.\n'),
		);
		const { code, out } = await run();
		expect(out).toContain('✖ 1 problem (0 errors, 1 warning)');
		expect(code).toBe(0);
	});

	it('reports ESLint-style JSON for tools', async () => {
		fs.writeFileSync(path.join(content, 'papers/broken.mdx'), BROKEN);
		const { code, out } = await run('--format', 'json');
		expect(code).toBe(1);
		const report = (JSON.parse(out) as EslintJson[]).find((file) => file.filePath.endsWith('broken.mdx'))!;
		expect(report.errorCount).toBe(2);
		expect(report.messages[0]).toMatchObject({ ruleId: 'schema', severity: 2, line: 7, column: 12 });
		expect(report.messages.find((m) => m.message.startsWith('"leverage"'))).toMatchObject({ severity: 1, fixable: true });
	});

	it('--fix applies single replacements and leaves the rest to the writer', async () => {
		const file = path.join(content, 'papers/broken.mdx');
		fs.writeFileSync(file, BROKEN);
		const { out } = await run('--fix');
		expect(fs.readFileSync(file, 'utf8')).toContain('Our users will use the new tills.');
		expect(out).not.toContain('"leverage"');
		expect(out).toContain('"users"');
	});

	it('reports broken lint settings with file, field, expected and found, and exit code 2', async () => {
		fs.writeFileSync(path.join(content, 'lint.yaml'), 'rules:\n  paper-length: { severity: loud }\n  no-such-rule: error\n');
		const { code, err } = await run();
		expect(code).toBe(2);
		const file = path.relative(process.cwd(), path.join(content, 'lint.yaml'));
		expect(err).toContain(`${file} rules.paper-length.severity: expected off, warn or error; found "loud"`);
		expect(err).toContain(`${file} rules: expected only the fields the hub knows (check the spelling); found "no-such-rule"`);
	});

	it('warns about a frontmatter field the hub ignores, such as a misspelling', async () => {
		const file = path.join(content, 'papers/cloud-savings.mdx');
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('published: 2026-03-02', 'published: 2026-03-02\nexpiers: 2027-01-01'));
		const report = (JSON.parse((await run('--format', 'json')).out) as EslintJson[]).find((r) => r.filePath === file)!;
		const [warning, ...rest] = report.messages.filter((m) => m.ruleId === 'schema');
		expect(rest).toEqual([]);
		expect(warning).toMatchObject({ severity: 1, line: 9, column: 10 });
		expect(warning!.message).toMatch(/^expiers: expected one of the fields the hub reads: .*expires.*; found a field it ignores$/);
	});

	it('reports days the calendar lacks and titles of spaces at their field, as the build does', async () => {
		const paper = path.join(content, 'papers/cloud-savings.mdx');
		fs.writeFileSync(
			paper,
			fs
				.readFileSync(paper, 'utf8')
				.replace('published: 2026-03-02', 'published: 2026-02-30')
				.replace(/^title: .*$/m, 'title: "      "'),
		);
		const metric = path.join(content, 'metrics/close-days.yaml');
		fs.writeFileSync(metric, fs.readFileSync(metric, 'utf8').replace('date: 2026-04-01', 'date: 2026-04-31'));
		const reports = JSON.parse((await run('--format', 'json')).out) as EslintJson[];
		const schema = (file: string) =>
			reports
				.find((r) => r.filePath === file)!
				.messages.filter((m) => m.ruleId === 'schema')
				.map(({ line, message }) => ({ line, message }));
		expect(schema(paper)).toEqual([
			{ line: 2, message: 'title: expected a title of at least 5 characters; found "      "' },
			{ line: 8, message: 'published: expected a day that exists (February 2026 has 28 days); found "2026-02-30"' },
		]);
		expect(schema(metric)).toEqual([
			{ line: 15, message: 'series[3].date: expected a day that exists (April 2026 has 30 days); found "2026-04-31"' },
		]);
	});

	it('runs as scripts/lint-content.ts with Node’s own type stripping, as npm run lint:content does', () => {
		fs.writeFileSync(path.join(content, 'papers/broken.mdx'), BROKEN);
		const result = spawnSync(process.execPath, ['scripts/lint-content.ts', '--format', 'json'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env },
		});
		expect(result.status, result.stderr).toBe(1);
		const report = (JSON.parse(result.stdout) as EslintJson[]).find((file) => file.filePath.endsWith('broken.mdx'))!;
		expect(report.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toContain('7:12 schema');
	});

	it('documents the options and every rule in --help', async () => {
		const { code, out } = await run('--help');
		expect(code).toBe(0);
		expect(out).toContain('--fix');
		expect(out).toContain('--format <format>');
		for (const rule of ['paper-length', 'business-value', 'glossary', 'acronym-first-use', 'readability', 'image-alt', 'heading-levels']) {
			expect(out).toMatch(new RegExp(`^  ${rule} `, 'm'));
		}
	});

	it('adds a hub’s own glossary.yaml to the house glossary', async () => {
		fs.writeFileSync(
			path.join(content, 'glossary.yaml'),
			'- terms: [Zephyrine]\n  use: [the file move]\n  why: our code name means nothing to readers\n',
		);
		const { out } = await run();
		expect(out).toMatch(
			/cloud-savings\.mdx:11:\d+ +warning +glossary +"Zephyrine": our code name means nothing to readers \(write "the file move"\)/,
		);
	});

	it('lets a hub tune a rule in its own lint.yaml, over the house settings', async () => {
		fs.writeFileSync(path.join(content, 'lint.yaml'), 'rules:\n  paper-length: off\n');
		const { out } = await run();
		expect(out).not.toContain('paper-length');
	});
	it('checks the inbox records as the build does, naming the file and line of each problem', async () => {
		fs.mkdirSync(path.join(content, 'inbox'));
		fs.writeFileSync(
			path.join(content, 'inbox/2026.yaml'),
			`- kind: feedback
  messageId: <a@finance.example>
  date: 2026-06-01T09:00:00Z
  from: not an address
  entry: paper/cloud-savings
  useful: true
- kind: feedback
  messageId: <b@finance.example>
  date: 2026-06-02T09:00:00Z
  from: ann@finance.example
  entry: paper/gone
  useful: false
`,
		);
		const { code, out } = await run();
		expect(code).toBe(1);
		const file = path.relative(ROOT, path.join(content, 'inbox/2026.yaml'));
		const lines = out.split('\n');
		const group = lines.indexOf(file);
		expect(group).toBeGreaterThan(-1);
		expect(lines.slice(group + 1, lines.indexOf('', group + 1)).map((line) => line.trim().split(/\s{2,}/))).toEqual([
			[`${file}:4:1`, 'error', 'schema', expect.stringMatching(/^\[0\]\.from: expected .*email address/)],
		]);
		fs.writeFileSync(
			path.join(content, 'inbox/2026.yaml'),
			fs.readFileSync(path.join(content, 'inbox/2026.yaml'), 'utf8').replace('not an address', 'bo@finance.example'),
		);
		const second = await run();
		expect(second.out).toContain(
			`${file}:11:1  error  schema  [1].entry: expected an existing position paper, one of: cloud-savings, future-plans, old-laptops, phishing-drill, secret-draft; found "gone"`,
		);
	});
});
