/**
 * The writers' preview (`npm run dev`) at scale: time to the first page after starting it, the time
 * of a page view once it runs, and the time from saving an edit to the page showing it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../tests/helpers/free-port.ts';
import { processCpuMs } from './measure.ts';

/** The repository: the baseline's project copy has no node_modules of its own. */
const ROOT = path.resolve(import.meta.dirname, '..');

export interface PreviewTiming {
	/** From starting `astro dev` to the first paper page answered (an empty content store: every entry rendered). */
	firstPageMs: number;
	/** The same when started again (the content store of the last start in place, as a writer's checkout has). */
	restartFirstPageMs: number;
	/** Median time of one request for a paper page the preview has not shown yet. */
	pageViewMs: number;
	/** Median time of one request for a page it has shown before. */
	repeatViewMs: number;
	/** From writing an edit into a paper's file to its page showing the edit (median of five edits, 1.5 s apart). */
	saveToPageMs: number;
	/** Every edit's time, in order. */
	savesMs: number[];
	/**
	 * CPU time (user and system) the preview's process used for the same steps: on a shared machine
	 * wall times follow the share of the cores it gets, and these much less.
	 */
	cpuMs: { firstPage: number; restartFirstPage: number; save: number };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const sleep = (ms: number) =>
	new Promise((resolve) => {
		setTimeout(resolve, ms);
	});

/** Fetches a page; undefined while the server is not up or answers with an error. */
async function page(url: string): Promise<string | undefined> {
	try {
		const response = await fetch(url);
		return response.ok ? await response.text() : undefined;
	} catch {
		return undefined;
	}
}

/** An Astro project to preview: the hub, or the plain baseline built from the same papers. */
export interface PreviewSite {
	project: string;
	/** The route of a paper's page, e.g. `papers/<id>/`. */
	route: (id: string) => string;
	/** The environment that points the project at a hub folder. */
	env: (hub: string) => NodeJS.ProcessEnv;
}

/**
 * Starts `astro dev` for `site` on a copy of the hub in `content`, times it and stops it.
 * `papers` are the ids of paper files (`papers/<id>.mdx`) to view and edit. The copy lives in the
 * system's temporary folder: the preview's watcher ignores `bench/.tmp/` (astro.config.mjs), and a
 * writer's hub is a folder of its own.
 */
export async function timePreview(site: PreviewSite, content: string, papers: readonly string[]): Promise<PreviewTiming> {
	const hub = await fs.mkdtemp(path.join(os.tmpdir(), 'hourglass-preview-'));
	try {
		await fs.cp(content, hub, { recursive: true });
		return await timeServer(site, hub, papers);
	} finally {
		await fs.rm(hub, { recursive: true, force: true });
	}
}

interface Preview {
	server: ReturnType<typeof spawn>;
	port: number;
	url: (id: string) => string;
	/** From starting it to `first` answered. */
	firstPageMs: number;
	/** The CPU time it used until then. */
	firstPageCpuMs: number;
}

/** Starts `astro dev` (on `port`, or a free one) and waits for the paper `first` to be answered. */
async function start(site: PreviewSite, hub: string, first: string, port?: number): Promise<Preview> {
	port ??= await freePort();
	const astro = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
	const started = performance.now();
	const server = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
		cwd: site.project,
		env: { ...process.env, ...site.env(hub), ASTRO_DEV_BACKGROUND: '0', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
		stdio: 'ignore',
		detached: true,
	});
	const url = (id: string) => `http://127.0.0.1:${port}/${site.route(id)}`;
	try {
		while ((await page(url(first))) === undefined) {
			if (server.exitCode !== null) throw new Error(`astro dev exited with code ${server.exitCode}`);
			await sleep(50);
		}
	} catch (error) {
		await stop(server);
		throw error;
	}
	return { server, port, url, firstPageMs: performance.now() - started, firstPageCpuMs: processCpuMs(server.pid!) };
}

function stop(server: ReturnType<typeof spawn>): Promise<void> {
	return new Promise((resolve) => {
		if (server.exitCode !== null || server.signalCode !== null) {
			resolve();
			return;
		}
		server.once('exit', () => {
			resolve();
		});
		process.kill(-server.pid!, 'SIGTERM');
	});
}

async function timeServer(site: PreviewSite, hub: string, papers: readonly string[]): Promise<PreviewTiming> {
	const [first, ...others] = papers;
	const { server, port, url, firstPageMs, firstPageCpuMs } = await start(site, hub, first!);
	try {
		const timed = async (id: string) => {
			const at = performance.now();
			await page(url(id));
			return performance.now() - at;
		};
		const views: number[] = [];
		for (const id of others.slice(0, 5)) views.push(await timed(id));
		const repeats: number[] = [];
		for (const id of others.slice(0, 5)) repeats.push(await timed(id));
		const saves: number[] = [];
		const saveCpu: number[] = [];
		for (const [n, id] of others.slice(0, 5).entries()) {
			// A writer reads the page before saving again: Astro's content layer writes its data store
			// half a second after a change, and a save in the middle of that write waits for it.
			await sleep(1500);
			const marker = `Saved in the preview benchmark, edit ${n + 1}.`;
			const at = performance.now();
			const cpuAt = processCpuMs(server.pid!);
			await fs.appendFile(path.join(hub, 'papers', `${id}.mdx`), `\n${marker}\n`);
			while (!(await page(url(id)))?.includes(marker)) {
				if (performance.now() - at > 60_000) throw new Error(`the preview did not show an edit of ${id} within a minute`);
				await sleep(20);
			}
			saves.push(performance.now() - at);
			saveCpu.push(processCpuMs(server.pid!) - cpuAt);
		}
		await stop(server);
		// A writer starts the preview again with the content store of the last start in place, and on
		// the same port: the port is part of the Astro config, and Astro clears its content store
		// when the config changes ("Astro config changed"), which made this start render every entry.
		const again = await start(site, hub, others[5] ?? first!, port);
		await stop(again.server);
		return {
			firstPageMs,
			restartFirstPageMs: again.firstPageMs,
			pageViewMs: median(views),
			repeatViewMs: median(repeats),
			saveToPageMs: median(saves),
			savesMs: saves,
			cpuMs: { firstPage: firstPageCpuMs, restartFirstPage: again.firstPageCpuMs, save: median(saveCpu) },
		};
	} finally {
		await stop(server);
	}
}
