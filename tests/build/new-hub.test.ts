/**
 * "Start your own hub" in docs/operating.md, tried as a new user would: `npm run new -- hub`, then
 * a build without a warning and a clean lint, in each of the two layouts the guide shows.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newEntry } from '../../src/tools/scaffold-cli';
import { buildHub, isolatedProject, listFiles, ROOT, TMP } from '../helpers/build-hub';

const NOW = '2026-06-15';
const OPTIONS = [
	'--name',
	'Contoso IT Hub',
	'--organisation',
	'Contoso',
	'--editors-email',
	'it-editors@contoso.example',
	'--language',
	'en-GB',
];
const quiet = { out: () => undefined, err: () => undefined, gitEmail: () => 'grace.hopper@contoso.example', gitName: () => 'Grace Hopper' };

const git = (cwd: string, ...args: string[]) =>
	execFileSync('git', ['-c', 'user.name=Hourglass tests', '-c', 'user.email=tests@example.invalid', ...args], {
		cwd,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});

/** A build a writer would trust: exit 0, not one warning, the hub's name on the home page, the draft nowhere. */
async function expectCleanBuild(build: { code: number; output: string; dist: string }): Promise<void> {
	expect(build.code, build.output).toBe(0);
	expect(build.output.split('\n').filter((line) => /warn/i.test(line))).toEqual([]);
	const home = parse(fs.readFileSync(path.join(build.dist, 'index.html'), 'utf8'));
	expect(home.querySelector('title')?.textContent).toContain('Contoso IT Hub');
	expect((await listFiles(build.dist)).filter((file) => file.includes('how-we-write'))).toEqual([]);
}

/** `npm run lint:content` as the writer runs it, in the project, with the environment given: it finds no problem. */
function expectCleanLint(project: string, env: Record<string, string>): void {
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'HOURGLASS_CONTENT'));
	const run = spawnSync(process.execPath, ['scripts/lint-content.ts'], {
		cwd: project,
		env: { ...inherited, NO_COLOR: '1', HOURGLASS_NOW: NOW, ...env },
		encoding: 'utf8',
	});
	expect(run.status, run.stdout + run.stderr).toBe(0);
	expect(run.stdout).toContain('No problems');
}

describe('start your own hub', () => {
	beforeEach(() => {
		process.env.HOURGLASS_NOW = NOW;
	});
	afterEach(() => {
		delete process.env.HOURGLASS_NOW;
	});

	it("in this repository's content/: npm run new -- hub content, then npm run build, without a warning", async () => {
		const work = path.join(TMP, 'new-hub-in-repo');
		await fs.promises.rm(work, { recursive: true, force: true });
		// A checkout of Hourglass whose content/ was removed (git rm -r content): the copy has none.
		const project = await isolatedProject(work);
		expect(fs.existsSync(path.join(project, 'content'))).toBe(false);
		expect(await newEntry(['hub', path.join(project, 'content'), ...OPTIONS], quiet)).toBe(0);

		expectCleanLint(project, {});
		await expectCleanBuild(
			await buildHub({
				name: 'new-hub-in-repo',
				project,
				ownContent: true,
				now: NOW,
				env: { HOURGLASS_CACHE_DIR: path.join(work, 'cache') },
			}),
		);
	});

	it('in German: the starter builds without a warning and reads German, its draft paper nowhere', async () => {
		// Beside the build's folder, which buildHub empties first.
		const hub = path.join(TMP, 'new-hub-german-content');
		await fs.promises.rm(hub, { recursive: true, force: true });
		expect(await newEntry(['hub', hub, ...OPTIONS.slice(0, -1), 'de'], quiet)).toBe(0);
		const build = await buildHub({ name: 'new-hub-german', content: hub, now: NOW });
		await expectCleanBuild(build);
		const home = parse(fs.readFileSync(path.join(build.dist, 'index.html'), 'utf8'));
		expect(home.querySelector('html')?.getAttribute('lang')).toBe('de');
		const said = home.textContent;
		for (const segment of ['Geschäftsleitung', 'Bereichsleitungen', 'Key-User', 'Alle Mitarbeitenden']) expect(said).toContain(segment);
		for (const english of ['Executives', 'Divisional managers', 'All staff']) expect(said).not.toContain(english);
	});

	it('in a repository of its own, built with HOURGLASS_CONTENT, the engine updated by git pull', async () => {
		const work = path.join(TMP, 'new-hub-own-repo');
		await fs.promises.rm(work, { recursive: true, force: true });
		// Upstream Hourglass, and the organisation's clone of it beside its own hub's repository.
		const upstream = await isolatedProject(work);
		fs.copyFileSync(path.join(ROOT, '.gitignore'), path.join(upstream, '.gitignore'));
		fs.appendFileSync(path.join(upstream, '.gitignore'), '/node_modules\n');
		git(upstream, 'init', '-q', '-b', 'main');
		git(upstream, 'add', '-A');
		git(upstream, 'commit', '-q', '-m', 'Hourglass');
		const engine = path.join(work, 'hourglass');
		git(work, 'clone', '-q', upstream, engine);
		fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(engine, 'node_modules'), 'dir');

		const hub = path.join(work, 'our-hub');
		expect(await newEntry(['hub', hub, ...OPTIONS], quiet)).toBe(0);
		git(hub, 'init', '-q', '-b', 'main');
		git(hub, 'add', '-A');
		git(hub, 'commit', '-q', '-m', 'Our hub');

		// As the guide says, from the engine's folder: HOURGLASS_CONTENT=../our-hub npm run build
		const env = { HOURGLASS_CONTENT: '../our-hub', HOURGLASS_CACHE_DIR: path.join(work, 'cache') };
		expectCleanLint(engine, env);
		await expectCleanBuild(await buildHub({ name: 'new-hub-own-repo', project: engine, now: NOW, env }));
		// The build wrote nothing either repository would commit, so git pull never meets a conflict.
		expect(git(engine, 'status', '--porcelain')).toBe('');
		expect(git(hub, 'status', '--porcelain')).toBe('');

		fs.writeFileSync(path.join(upstream, 'public/engine-update.txt'), 'a newer Hourglass\n');
		git(upstream, 'add', '-A');
		git(upstream, 'commit', '-q', '-m', 'A newer Hourglass');
		git(engine, 'pull', '-q', '--ff-only');
		const rebuilt = await buildHub({ name: 'new-hub-own-repo', project: engine, now: NOW, env });
		await expectCleanBuild(rebuilt);
		expect(fs.readFileSync(path.join(rebuilt.dist, 'engine-update.txt'), 'utf8')).toBe('a newer Hourglass\n');
		expect(git(hub, 'status', '--porcelain')).toBe('');
	});
});
