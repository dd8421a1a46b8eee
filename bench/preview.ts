/**
 * The writers' preview (`npm run dev`) at scale: time to the first page after starting it, the time
 * of a page view once it runs, and the time from saving an edit to the page showing it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../tests/helpers/free-port.ts';

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

/**
 * Starts `astro dev` in `project` on a copy of the hub in `content`, times it and stops it.
 * `papers` are the ids of paper files (`papers/<id>.mdx`) to view and edit. The copy lives in the
 * system's temporary folder: the preview's watcher ignores `bench/.tmp/` (astro.config.mjs), and a
 * writer's hub is a folder of its own.
 */
export async function timePreview(project: string, content: string, papers: readonly string[], now: string): Promise<PreviewTiming> {
	const hub = await fs.mkdtemp(path.join(os.tmpdir(), 'hourglass-preview-'));
	try {
		await fs.cp(content, hub, { recursive: true });
		return await timeServer(project, { HOURGLASS_CONTENT: hub, HOURGLASS_NOW: now }, papers);
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
}

/** Starts `astro dev` (on `port`, or a free one) and waits for the paper `first` to be answered. */
async function start(project: string, hub: NodeJS.ProcessEnv, first: string, port?: number): Promise<Preview> {
	port ??= await freePort();
	const astro = path.join(project, 'node_modules/astro/bin/astro.mjs');
	const started = performance.now();
	const server = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
		cwd: project,
		env: { ...process.env, ...hub, ASTRO_DEV_BACKGROUND: '0', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
		stdio: 'ignore',
		detached: true,
	});
	const url = (id: string) => `http://127.0.0.1:${port}/papers/${id}/`;
	try {
		while ((await page(url(first))) === undefined) {
			if (server.exitCode !== null) throw new Error(`astro dev exited with code ${server.exitCode}`);
			await sleep(50);
		}
	} catch (error) {
		await stop(server);
		throw error;
	}
	return { server, port, url, firstPageMs: performance.now() - started };
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

async function timeServer(project: string, hub: NodeJS.ProcessEnv, papers: readonly string[]): Promise<PreviewTiming> {
	const [first, ...others] = papers;
	const { server, port, url, firstPageMs } = await start(project, hub, first!);
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
		for (const [n, id] of others.slice(0, 5).entries()) {
			// A writer reads the page before saving again: Astro's content layer writes its data store
			// half a second after a change, and a save in the middle of that write waits for it.
			await sleep(1500);
			const marker = `Saved in the preview benchmark, edit ${n + 1}.`;
			const at = performance.now();
			await fs.appendFile(path.join(hub.HOURGLASS_CONTENT!, 'papers', `${id}.mdx`), `\n${marker}\n`);
			while (!(await page(url(id)))?.includes(marker)) {
				if (performance.now() - at > 60_000) throw new Error(`the preview did not show an edit of ${id} within a minute`);
				await sleep(20);
			}
			saves.push(performance.now() - at);
		}
		await stop(server);
		// A writer starts the preview again with the content store of the last start in place, and on
		// the same port: the port is part of the Astro config, and Astro clears its content store
		// when the config changes ("Astro config changed"), which made this start render every entry.
		const again = await start(project, hub, others[5] ?? first!, port);
		await stop(again.server);
		return {
			firstPageMs,
			restartFirstPageMs: again.firstPageMs,
			pageViewMs: median(views),
			repeatViewMs: median(repeats),
			saveToPageMs: median(saves),
		};
	} finally {
		await stop(server);
	}
}
