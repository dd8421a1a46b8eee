/**
 * The writers' preview (`npm run dev`) keeps the hub it worked out between page views, and shows
 * an edit of an entry, and of `hub.yaml`, on the next view.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedProject, ROOT, TMP, writerEnv } from '../helpers/build-hub';
import { freePort } from '../helpers/free-port';

/** How long the preview may take to show an edit before the test gives up: far more than any loaded machine needs. */
const PATIENCE_MS = 5 * 60_000;

const withoutVitest = (env: NodeJS.ProcessEnv) => Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('VITEST')));

const sleep = (ms: number) =>
	new Promise((resolve) => {
		setTimeout(resolve, ms);
	});

describe('the preview', () => {
	let content: string;
	let server: ChildProcess;
	let base: string;
	let log = '';

	/** The page at `route`, once the server answers it, and once `until` holds of it. */
	async function page(route: string, until: (html: string) => boolean = () => true): Promise<string> {
		const started = performance.now();
		for (;;) {
			const html = await fetch(new URL(route, base)).then(
				(response) => (response.ok ? response.text() : undefined),
				() => undefined,
			);
			if (html !== undefined && until(html)) return html;
			if (performance.now() - started > PATIENCE_MS) throw new Error(`${route} never showed what was expected; the preview said:\n${log}`);
			await sleep(100);
		}
	}

	beforeAll(async () => {
		// Outside the project: the preview's watcher ignores tests/.tmp/ (astro.config.mjs), as a writer's hub is a folder of its own.
		content = await fs.mkdtemp(path.join(os.tmpdir(), 'hourglass-preview-'));
		await fs.cp(path.join(ROOT, 'tests/fixtures/basic/content'), content, { recursive: true });
		const project = await isolatedProject(path.join(TMP, 'preview'));
		const port = await freePort();
		base = `http://127.0.0.1:${port}/`;
		server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
			cwd: project,
			// Astro's dev server answers nothing but 404s when it sees Vitest's variables.
			env: {
				...withoutVitest(writerEnv()),
				HOURGLASS_CONTENT: content,
				HOURGLASS_NOW: '2026-06-15',
				ASTRO_DEV_BACKGROUND: '0',
				NO_COLOR: '1',
			},
			detached: true,
		});
		const collect = (chunk: Buffer) => {
			log += chunk.toString('utf8');
		};
		server.stdout!.on('data', collect);
		server.stderr!.on('data', collect);
	});

	afterAll(async () => {
		if (server.pid) process.kill(-server.pid, 'SIGTERM');
		await fs.rm(content, { recursive: true, force: true });
	});

	it('shows an edited entry and edited settings on the next view, and the same page again without them', async () => {
		expect(await page('papers/cloud-savings/')).toContain('what moving saves us');
		// Another page in between: the hub is kept, and must not hide the edit that follows.
		expect(await page('papers/phishing-drill/')).toContain('Fixture Hub');

		const paper = path.join(content, 'papers/cloud-savings.mdx');
		await fs.writeFile(paper, (await fs.readFile(paper, 'utf8')).replace('what moving saves us', 'what moving to hosted storage saves us'));
		const edited = await page('papers/cloud-savings/', (html) => html.includes('what moving to hosted storage saves us'));
		expect(edited).not.toContain('what moving saves us');
		// Pages that list it show the new title too, not a list kept from before the edit.
		expect(await page('topics/cloud/')).toContain('what moving to hosted storage saves us');

		const settings = path.join(content, 'hub.yaml');
		await fs.writeFile(settings, (await fs.readFile(settings, 'utf8')).replace('title: Fixture Hub', 'title: Renamed Hub'));
		expect(await page('papers/phishing-drill/', (html) => html.includes('Renamed Hub'))).not.toContain('Fixture Hub');
	});

	it('shows a save that empties the file first and writes it a moment later', async () => {
		const paper = path.join(content, 'papers/cloud-savings.mdx');
		const source = await fs.readFile(paper, 'utf8');
		// As an editor saves on a busy machine: the truncation and the write are two changes, 20 ms apart.
		const file = await fs.open(paper, 'w');
		await sleep(20);
		await file.writeFile(source.replace(/^title: .*$/m, 'title: Cloud savings, saved in two steps'));
		await file.close();
		expect(await page('papers/cloud-savings/', (html) => html.includes('Cloud savings, saved in two steps'))).toContain('Renamed Hub');
	});

	it('shows an entry again once it is fixed, after the watcher read it empty or broken', async () => {
		const paper = path.join(content, 'papers/phishing-drill.mdx');
		const source = await fs.readFile(paper, 'utf8');
		// An editor that saves by truncating first can hand the watcher an empty file.
		await fs.writeFile(paper, '');
		const started = performance.now();
		while (!log.includes('Failed to reload phishing-drill.mdx')) {
			if (performance.now() - started > PATIENCE_MS) throw new Error(`the preview never reported the empty file; it said:\n${log}`);
			await sleep(100);
		}
		await fs.writeFile(paper, source.replace(/^title: .*$/m, 'title: The phishing drill, fixed'));
		expect(await page('papers/phishing-drill/', (html) => html.includes('The phishing drill, fixed'))).toContain('Renamed Hub');
	});

	it("keeps serving when a paper an issue features breaks, and the issue page names the paper in the hub's words", async () => {
		const paper = path.join(content, 'papers/cloud-savings.mdx');
		const source = await fs.readFile(paper, 'utf8');
		// A body that no longer parses takes the paper out of Astro's store; it stays broken while the writer works.
		await fs.writeFile(paper, `${source}\n<div>never closed\n`);
		const started = performance.now();
		while (!log.includes('Error rendering cloud-savings.mdx')) {
			if (performance.now() - started > PATIENCE_MS) throw new Error(`the preview never reported the broken body; it said:\n${log}`);
			await sleep(100);
		}
		// Every other page renders what it can: the list of papers without it.
		expect(await page('papers/', (html) => !html.includes('Cloud savings'))).toContain('phishing');
		// The issue's own page is Astro's error overlay for the hub's problem (its page names the error, the
		// overlay and the terminal show its message), not a TypeError from deep in the hub.
		const response = await fetch(new URL('newsletter/1/', base));
		expect(response.status).toBe(500);
		expect(await response.text()).toContain('<title>ContentProblems</title>');
		expect(log).toMatch(/issue-1\.mdx:\d+:\d+ items\[0\]\.paper: expected a readable position paper file .*; found "cloud-savings"/);
		expect(log).not.toContain('TypeError');

		await fs.writeFile(paper, source);
		expect(await page('newsletter/1/', (html) => html.includes('Cloud savings'))).toContain('Spring news from IT');
	});
});
