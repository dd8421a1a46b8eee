/**
 * The writers' preview, `astro dev`, on a hub: for what only the preview shows (the editors' page,
 * an author's reception). Started in a project copy (`isolatedProject`), from a writer's shell.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { parse, type HTMLElement } from 'node-html-parser';
import { expect } from 'vitest';
import { freePort } from './free-port.ts';

export interface DevServer {
	origin: string;
	/** The `<main>` of a page it serves, which must answer 200. */
	page(route: string): Promise<HTMLElement>;
	stop(): void;
}

export async function startDevServer(options: { project: string; content: string; now: string }): Promise<DevServer> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	/** What the dev server printed, for the message of a failed request. */
	let output = '';
	// A writer's shell, not the test process: Vitest's own variables make Astro's dev server answer 404.
	const env = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
	const server: ChildProcess = spawn(
		process.execPath,
		['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)],
		{
			cwd: options.project,
			env: {
				...env,
				HOURGLASS_CONTENT: options.content,
				HOURGLASS_NOW: options.now,
				ASTRO_DEV_BACKGROUND: '0',
				ASTRO_TELEMETRY_DISABLED: '1',
				NO_COLOR: '1',
			},
			detached: true,
		},
	);
	const stop = () => {
		if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
	};
	try {
		await new Promise<void>((resolve, reject) => {
			server.stdout!.on('data', (chunk: Buffer) => {
				output += chunk.toString();
				if (output.includes(`${port}`)) resolve();
			});
			server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
			server.on('exit', (code) => {
				reject(new Error(`astro dev stopped (${String(code)}):\n${output}`));
			});
		});
		// "ready" comes before Vite has finished optimising dependencies; until then pages answer 404.
		for (let tries = 0; (await fetch(`${origin}/`)).status !== 200; tries++) {
			if (tries === 120) throw new Error(`astro dev never served the home page:\n${output}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	} catch (error) {
		stop();
		throw error;
	}
	return {
		origin,
		async page(route) {
			const response = await fetch(`${origin}/${route}`);
			expect(response.status, `${route}\n${output}`).toBe(200);
			return parse(await response.text()).querySelector('main')!;
		},
		stop,
	};
}
