import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import path from 'node:path';
import { buildHub, ROOT, type BuildOptions, type BuildResult } from './build-hub';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Where the global setup's build service listens (see `fixtureHub`). */
		buildService: string;
	}
}

/** What decides a build's output; two requests with the same options get the same build. */
export type SharedBuildOptions = Omit<BuildOptions, 'name' | 'keepDist' | 'project' | 'ownContent'>;

/** The key of a build: its options, with keys in a fixed order so `{a, b}` and `{b, a}` agree. */
function keyOf(options: SharedBuildOptions): string {
	const sorted = (value: unknown): unknown =>
		value && typeof value === 'object'
			? Object.fromEntries(
					Object.entries(value)
						.filter(([, v]) => v !== undefined)
						.sort(([a], [b]) => a.localeCompare(b))
						.map(([k, v]) => [k, sorted(v)]),
				)
			: value;
	return JSON.stringify(sorted(options));
}

interface Builds {
	results: Map<string, Promise<BuildResult>>;
	service?: Promise<{ url: string; server: http.Server }>;
	users: number;
}

/**
 * One table per Vitest process. The build and browser projects each run the global setup, possibly
 * as separate module instances, so the table lives on globalThis rather than in this module.
 */
const shared = globalThis as { __hourglassBuilds?: Builds };
const builds: Builds = (shared.__hourglassBuilds ??= { results: new Map<string, Promise<BuildResult>>(), users: 0 });

/** A readable folder name: the fixture's folder (not its `content/`), e.g. `basic`. */
const fixtureName = (content: string | undefined) =>
	content
		?.split('/')
		.filter((part) => part && part !== 'content')
		.pop();

/**
 * Builds a hub once per test run, however many tests ask for it (call it in the Vitest process,
 * i.e. from the global setup; test files use `fixtureHub`). The folder name comes from the options,
 * so a run never reuses the output of an earlier run.
 */
export function sharedBuild(given: SharedBuildOptions): Promise<BuildResult> {
	// `tests/fixtures/basic/content` and its absolute path are one build.
	const options = given.content ? { ...given, content: path.relative(ROOT, path.resolve(ROOT, given.content)) } : given;
	const key = keyOf(options);
	let result = builds.results.get(key);
	if (!result) {
		const label = [fixtureName(options.content) ?? 'example', options.base]
			.filter(Boolean)
			.join('-')
			.replace(/[^a-z0-9]+/gi, '-')
			.replace(/-$/, '');
		const name = `shared/${label}-${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
		result = buildHub({ ...options, name });
		builds.results.set(key, result);
	}
	return result;
}

/**
 * Starts (once) the HTTP service through which test files, which run in worker processes, ask the
 * Vitest process for a shared build. Returns its URL and a function that stops it after its last user.
 */
export async function startBuildService(): Promise<{ url: string; release: () => Promise<void> }> {
	builds.service ??= new Promise((resolve, reject) => {
		const server = http.createServer((request, response) => {
			let body = '';
			request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
			request.on('end', () => {
				sharedBuild(JSON.parse(body) as SharedBuildOptions).then(
					(result) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
					(error: unknown) => response.writeHead(500).end(String(error)),
				);
			});
		});
		// A build may take minutes on a busy machine; the build process has its own limit.
		server.requestTimeout = 0;
		// Vitest decides when the run ends, not a listening socket.
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server });
		});
	});
	const { url, server } = await builds.service;
	builds.users += 1;
	return {
		url,
		release: async () => {
			builds.users -= 1;
			if (builds.users > 0) return;
			builds.service = undefined;
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

/**
 * A hub built once per test run and shared by every test file that asks for the same options
 * (content folder, base, site, now, env). Treat its folder as read-only: a test that changes
 * content or output copies it first (see `copyFixture`).
 */
export function fixtureHub(options: SharedBuildOptions): Promise<BuildResult> {
	const url = inject('buildService');
	if (!url) throw new Error('fixtureHub() needs the global setup of the build or browser project (tests/global-setup.ts)');
	return new Promise((resolve, reject) => {
		const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
			let body = '';
			response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
			response.on('end', () => {
				if (response.statusCode === 200) resolve(JSON.parse(body) as BuildResult);
				else reject(new Error(`The build service failed: ${body}`));
			});
			response.on('error', reject);
		});
		request.on('error', reject);
		request.end(JSON.stringify(options));
	});
}
