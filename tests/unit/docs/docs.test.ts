import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/build-hub';
import { docProblems, documentationFiles, headingAnchors, type DocsProject } from '../../helpers/docs-check';

const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const project: DocsProject = { root: ROOT, scripts };

describe('the README and docs/', () => {
	const files = documentationFiles(ROOT);

	it('are the README and the five guides, and the README fits on a few screens (at most 15 KB)', () => {
		const names = files.map((file) => path.relative(ROOT, file));
		expect(names).toEqual(
			expect.arrayContaining([
				'README.md',
				...['writing', 'editing', 'operating', 'how-it-works', 'performance'].map((guide) => `docs/${guide}.md`),
			]),
		);
		expect(fs.statSync(path.join(ROOT, 'README.md')).size).toBeLessThanOrEqual(15 * 1024);
	});

	it('keep the two set-up commands a new user runs, exactly', () => {
		const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		expect(readme).toContain('\nnpm install && npm run build && npm run preview\n');
		expect(readme).toContain('\nnpm install && npm test\n');
	});

	it.each(files.map((file) => [path.relative(ROOT, file), file]))(
		'%s: every link, #anchor, path and `npm run` script exists',
		(_name, file) => {
			expect(docProblems(file, fs.readFileSync(file, 'utf8'), project)).toEqual([]);
		},
	);
});

describe('the docs check', () => {
	let root: string;
	beforeAll(() => {
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'hourglass-docs-'));
		fs.mkdirSync(path.join(root, 'docs'));
		fs.mkdirSync(path.join(root, 'src'));
		fs.writeFileSync(path.join(root, 'src/real.ts'), '');
		fs.writeFileSync(path.join(root, 'docs/guide.md'), '# Guide\n\n## Sending to the list\n\n### The list: `content/contacts.yaml`\n');
	});
	afterAll(() => {
		fs.rmSync(root, { recursive: true, force: true });
	});

	const check = (markdown: string) =>
		docProblems(path.join(root, 'README.md'), markdown, { root, scripts: { build: 'node scripts/build.ts', 'lint:content': 'x' } });

	it('gives headings the anchors GitHub gives them', () => {
		expect(headingAnchors("## The list: `content/contacts.yaml`\n\n## Feedback and the editors' page\n")).toEqual(
			new Set(['the-list-contentcontactsyaml', 'feedback-and-the-editors-page']),
		);
	});

	it('accepts links, anchors, paths and scripts that exist', () => {
		const markdown = [
			'See [the list](docs/guide.md#the-list-contentcontactsyaml), [top](#intro) and <https://example.com/>.',
			'',
			'## Intro',
			'',
			'Run `npm run build -- --base /it/` and `npm run lint:content`; code lives in `src/real.ts` and `content/papers/<id>.mdx`.',
			'',
			'```sh',
			'npm run build',
			'npm run send: this is a message a command prints, not a command',
			'```',
		].join('\n');
		expect(check(markdown)).toEqual([]);
	});

	it('reports a missing file, a missing anchor, a path that is gone and an unknown script, with the line', () => {
		const markdown = [
			'[gone](docs/missing.md) and [old anchor](docs/guide.md#sending-an-entry)',
			'',
			'Code in `src/moved.ts`.',
			'',
			'```sh',
			'npm run deploy -- /srv/www/hub',
			'```',
		].join('\n');
		expect(check(markdown)).toEqual([
			'README.md:1 link: expected a file in the repository; found "docs/missing.md"',
			'README.md:1 link: expected a heading of docs/guide.md, one of: #guide, #sending-to-the-list, #the-list-contentcontactsyaml; found "#sending-an-entry"',
			'README.md:3 path: expected a file or folder in the repository; found "src/moved.ts"',
			'README.md:5 npm run deploy: expected a script in package.json, one of: build, lint:content; found "deploy"',
		]);
	});
});
