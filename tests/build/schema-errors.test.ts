import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHub, copyFixture, ROOT, writerEnv } from '../helpers/build-hub';

/** Breaks one field of a fixture file. */
async function edit(content: string, file: string, from: string | RegExp, to: string) {
	const target = path.join(content, file);
	const text = await fs.readFile(target, 'utf8');
	if (typeof from === 'string' ? !text.includes(from) : !from.test(text)) throw new Error(`${file} has no ${String(from)}`);
	await fs.writeFile(target, text.replace(from, to));
}

describe('schema errors in a build', () => {
	it('read one line per problem, across collections: file:line, field, what was expected, what was found', async () => {
		const content = await copyFixture('tests/fixtures/basic/content', 'schema-errors-content');
		await edit(content, 'papers/cloud-savings.mdx', /^title: .*$/m, 'title: "Hi"');
		await edit(content, 'papers/cloud-savings.mdx', 'segments: [executives, finance]', 'segments: executives');
		await edit(content, 'papers/cloud-savings.mdx', 'published: 2026-03-02', 'published: soon');
		await edit(content, 'metrics/close-days.yaml', /^direction: .*$/m, 'direction: up');
		await edit(content, 'newsletters/issue-1.mdx', '  - metric: close-days', '  - metric: close-days\n    paper: cloud-savings');
		// Hostile but well-formed YAML: days the calendar lacks, and text that is only spaces.
		await edit(content, 'metrics/close-days.yaml', 'date: 2026-02-01', 'date: 2026-02-29');
		await edit(content, 'papers/phishing-drill.mdx', 'updated: 2026-05-01', 'updated: 2026-04-31');
		await edit(content, 'papers/phishing-drill.mdx', /^title: .*$/m, 'title: "        "');
		await edit(content, 'case-studies/finance-close.mdx', /^summary: .*$/m, 'summary: "             "');

		const build = await buildHub({ name: 'schema-errors', content: path.relative(ROOT, content), now: '2026-06-15' });
		expect(build.code).not.toBe(0);
		const lines = build.output.split('\n').map((line) => line.trim());
		const directionLine =
			(await fs.readFile(path.join(content, 'metrics/close-days.yaml'), 'utf8')).split('\n').findIndex((l) => l.startsWith('direction:')) +
			1;
		// Paths are relative to where the build runs; each line starts with the file's path.
		const expected = [
			'content/papers/cloud-savings.mdx:2:8 title: expected a title of at least 5 characters; found "Hi"',
			'content/papers/cloud-savings.mdx:5:11 segments: expected a list such as [a, b]; found "executives"',
			'content/papers/cloud-savings.mdx:8:12 published: expected a date such as 2026-03-14; found "soon"',
			`content/metrics/close-days.yaml:${directionLine}:12 direction: expected "higher" or "lower"; found "up"`,
			'content/newsletters/issue-1.mdx:10:5 items[2]: expected exactly one of paper, caseStudy, metric or campaign per item (and an optional blurb); found {"metric":"close-days","paper":"cloud-savings"}',
			'content/metrics/close-days.yaml:13:13 series[1].date: expected a day that exists (February 2026 has 28 days); found "2026-02-29"',
			'content/papers/phishing-drill.mdx:9:10 updated: expected a day that exists (April 2026 has 30 days); found "2026-04-31"',
			'content/papers/phishing-drill.mdx:2:8 title: expected a title of at least 5 characters; found "        "',
			'content/case-studies/finance-close.mdx:3:10 summary: expected a one-sentence summary (at least 10 characters); found "             "',
		];
		for (const line of expected) {
			expect(
				lines.filter((printed) => printed.endsWith(line) && /^\S*schema-errors-content\/$/.test(printed.slice(0, -line.length))),
				build.output,
			).toHaveLength(1);
		}
		expect(build.output).toContain('Hourglass found 9 problems in the content');
		// Astro's own format for the same failure is gone.
		expect(build.output).not.toContain('InvalidContentEntryDataError');
		expect(build.output).not.toContain('does not match collection schema');
	});

	it('read in the hub’s language, the same words in the build and in npm run lint:content', async () => {
		const content = await copyFixture('tests/fixtures/german/content', 'schema-errors-german-content');
		await edit(content, 'papers/neue-kassen.mdx', /^title: .*$/m, 'title: "Hi"');
		await edit(content, 'systems/kassen.yaml', 'wait: 1h30m', 'wait: bald');
		await edit(content, 'metrics/wartezeit.yaml', /^direction: .*$/m, 'direction: up');
		const problems = [
			'papers/neue-kassen.mdx:2:8 title: erwartet einen Titel mit mindestens 5 Zeichen; gefunden "Hi"',
			'systems/kassen.yaml:7:11 dependents[0].wait: erwartet eine Dauer wie 15m, 4h, 1h30m oder 2d (m Minuten, h Stunden, d Tage, w Wochen); gefunden "bald"',
		];

		const build = await buildHub({ name: 'schema-errors-german', content: path.relative(ROOT, content), now: '2026-06-15' });
		expect(build.code).not.toBe(0);
		expect(build.output).toContain('Hourglass hat 3 Probleme im Inhalt gefunden:');
		const said = build.output.split('\n').filter((line) => line.includes(' erwartet '));
		expect(said, build.output).toHaveLength(3);
		for (const line of problems)
			expect(
				said.filter((printed) => printed.trim().endsWith(line)),
				build.output,
			).toHaveLength(1);
		expect(said.find((line) => line.includes('direction:'))).toMatch(/direction: erwartet „higher“ oder „lower“; gefunden "up"$/);
		expect(said.filter((line) => /\b(expected|found|nothing)\b/.test(line))).toEqual([]);

		// The linter reports each problem under its file, without the path: the same words after it.
		const lint = spawnSync(process.execPath, ['scripts/lint-content.ts'], {
			cwd: ROOT,
			env: { ...writerEnv(), HOURGLASS_CONTENT: content, HOURGLASS_NOW: '2026-06-15', NO_COLOR: '1' },
			encoding: 'utf8',
		});
		expect(lint.status, lint.stdout + lint.stderr).toBe(1);
		for (const line of problems) {
			const [, , words] = /^(\S+?):\d+ (.*)$/.exec(line)!;
			const lines = lint.stdout.split('\n').map((printed) => printed.trim());
			expect(
				lines.filter((printed) => /\d+:\d+\s+Fehler\s+schema\s+/.test(printed) && printed.endsWith(words!)),
				lint.stdout,
			).toHaveLength(1);
		}
		expect(lint.stdout).not.toMatch(/\b(expected|found)\b/);
	});
});
