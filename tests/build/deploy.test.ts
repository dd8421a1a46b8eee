/**
 * `npm run deploy` while a reader browses: a static server reads every request through
 * `<folder>/current`, as nginx or Apache would, and a reader loads pages and their assets in a loop
 * while sites are deployed and rolled back. No page may be missing, and no page may come with
 * assets of another build.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy, rollback } from '../../src/tools/deploy';
import { ROOT } from '../helpers/build-hub';

const PAGES = ['', ...Array.from({ length: 12 }, (_, i) => `papers/paper-${i}/`)];

/** A built site whose every page and asset carries its build's stamp; assets are named by their content, as Astro's are. */
async function makeSite(dir: string, stamp: string): Promise<string> {
	const hash = createHash('sha256').update(stamp).digest('hex').slice(0, 8);
	const assets = [`_astro/site.${hash}.css`, `_astro/search.${hash}.js`, `pagefind/fragment/en_${hash}.pf_fragment`];
	for (const asset of assets) {
		await fs.mkdir(path.join(dir, path.dirname(asset)), { recursive: true });
		await fs.writeFile(path.join(dir, asset), `/* build ${stamp} */\n${'x'.repeat(20_000)}\n`);
	}
	for (const page of PAGES) {
		await fs.mkdir(path.join(dir, page), { recursive: true });
		const links = assets.map((asset) => `<link rel="preload" href="/${asset}">`).join('');
		await fs.writeFile(
			path.join(dir, page, 'index.html'),
			`<!doctype html><html><head><meta name="build" content="${stamp}">${links}</head><body>${'<p>words</p>'.repeat(500)}</body></html>\n`,
		);
	}
	return dir;
}

/** A static server that opens every file through `root` anew, as web servers do (no cached handles). */
async function serve(root: () => string): Promise<{ url: string; close: () => Promise<void> }> {
	const server = http.createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const file = path.join(root(), decodeURIComponent(url.pathname), url.pathname.endsWith('/') ? 'index.html' : '');
		fs.readFile(file).then(
			(body) => response.writeHead(200).end(body),
			() => response.writeHead(404).end('not found'),
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise((resolve) =>
				server.close(() => {
					resolve();
				}),
			),
	};
}

/** Loads pages and then their assets, round and round, until stopped; records what a reader would notice. */
function reader(base: string) {
	const state = { stop: false, pages: 0, problems: [] as string[], stamps: new Set<string>() };
	const run = (async () => {
		for (let turn = 0; !state.stop; turn++) {
			const page = `/${PAGES[turn % PAGES.length]}`;
			const response = await fetch(base + page);
			const html = await response.text();
			if (response.status !== 200) {
				state.problems.push(`${page}: ${response.status}`);
				continue;
			}
			const stamp = /<meta name="build" content="([^"]+)">/.exec(html)?.[1];
			if (!stamp || !html.includes('</html>')) {
				state.problems.push(`${page}: half a page`);
				continue;
			}
			state.stamps.add(stamp);
			for (const asset of [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!)) {
				const got = await fetch(base + asset);
				const text = await got.text();
				if (got.status !== 200) state.problems.push(`${page} (build ${stamp}) → ${asset}: ${got.status}`);
				else if (!text.startsWith(`/* build ${stamp} */`)) state.problems.push(`${page} (build ${stamp}) → ${asset}: ${text.slice(0, 20)}`);
			}
			state.pages++;
		}
	})();
	return { state, stop: () => ((state.stop = true), run) };
}

/** `npm run deploy -- …` in a process of its own, so the swap and the reader really run side by side. */
function deployCli(...args: string[]): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['scripts/deploy.ts', ...args], { cwd: ROOT });
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			resolve({ code, output });
		});
	});
}

/** Waits until the reader has loaded `count` more pages, so each swap happens mid-browse. */
async function browse(state: { pages: number }, count: number): Promise<void> {
	const until = state.pages + count;
	while (state.pages < until) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('npm run deploy', () => {
	let scratch: string;
	const sites: Record<string, string> = {};
	beforeAll(async () => {
		scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hourglass-deploy-'));
		for (const stamp of ['A', 'B', 'C', 'D']) sites[stamp] = await makeSite(path.join(scratch, `dist-${stamp}`), stamp);
	});
	afterAll(async () => {
		await fs.rm(scratch, { recursive: true, force: true });
	});

	it('swaps sites and rolls back while a reader browses, and no page is ever missing or mixed', async () => {
		const folder = path.join(scratch, 'www');
		expect((await deployCli(folder, '--from', sites.A!)).code).toBe(0);
		const server = await serve(() => path.join(folder, 'current'));
		const { state, stop } = reader(server.url);
		try {
			await browse(state, 20);
			for (const step of [['--from', sites.B!], ['--from', sites.C!], ['--rollback'], ['--rollback'], ['--from', sites.D!]]) {
				const run = await deployCli(folder, ...step);
				expect(run.code, run.output).toBe(0);
				await browse(state, 20);
			}
		} finally {
			await stop();
			await server.close();
		}
		expect(state.problems).toEqual([]);
		expect([...state.stamps].sort()).toEqual(['A', 'B', 'C', 'D']);

		// D is served; C, the site it replaced, is kept for one more rollback, and nothing older.
		const served = async () => /content="(\w)"/.exec(await fs.readFile(path.join(folder, 'current/index.html'), 'utf8'))?.[1];
		expect(await served()).toBe('D');
		expect((await fs.readdir(path.join(folder, 'releases'))).filter((name) => !name.endsWith('.json'))).toHaveLength(2);
		const back = await deployCli(folder, '--rollback');
		expect(back.output).toContain('Rolled back');
		expect(await served()).toBe('C');
	});

	it('would catch a deploy that copies over the served folder: the reader sees missing and mixed pages', async () => {
		const plain = path.join(scratch, 'plain');
		await fs.cp(sites.A!, plain, { recursive: true });
		const server = await serve(() => plain);
		const { state, stop } = reader(server.url);
		try {
			for (let round = 0; round < 50 && state.problems.length === 0; round++) {
				await fs.rm(plain, { recursive: true, force: true });
				await fs.cp(sites[round % 2 ? 'A' : 'B']!, plain, { recursive: true });
				await browse(state, 2);
			}
		} finally {
			await stop();
			await server.close();
		}
		expect(state.problems).not.toEqual([]);
	});

	it('refuses a folder it did not make, a missing build, and a rollback with nothing to go back to', async () => {
		const webRoot = path.join(scratch, 'web-root');
		await fs.mkdir(webRoot);
		await fs.writeFile(path.join(webRoot, 'index.html'), 'someone else’s site');
		await expect(deploy({ from: sites.A!, to: webRoot })).rejects.toThrow(
			/web-root: expected an empty folder or one npm run deploy made \(current, previous, releases\/\); found index\.html/,
		);
		expect(await fs.readdir(webRoot)).toEqual(['index.html']);

		const made = path.join(scratch, 'made-by-hand');
		await fs.mkdir(path.join(made, 'current'), { recursive: true });
		await expect(deploy({ from: sites.A!, to: made })).rejects.toThrow(
			/made-by-hand\/current: expected the link npm run deploy makes; found a folder/,
		);

		await expect(deploy({ from: path.join(scratch, 'no-dist'), to: path.join(scratch, 'www-2') })).rejects.toThrow(
			/no-dist: expected a built site \(index\.html\); found none\. Run npm run build first/,
		);
		const fresh = path.join(scratch, 'www-3');
		await deploy({ from: sites.A!, to: fresh });
		await expect(rollback({ to: fresh })).rejects.toThrow(/www-3: expected a previous site to go back to; found only the current one/);
		const cli = await deployCli(path.join(scratch, 'www-4'), '--rollback');
		expect(cli.code).toBe(1);
		expect(cli.output).toMatch(/^npm run deploy: .*www-4: expected a previous site to go back to; found no site deployed/m);
	});
});
