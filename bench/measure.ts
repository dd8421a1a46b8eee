/**
 * Runs a build in a child process and measures it: wall time, peak memory of the whole process tree
 * (Astro plus anything it spawns, such as Pagefind's binary) and when each log line arrived, so the
 * phases can be timed to the millisecond (Astro's own timestamps have whole seconds).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export interface LogLine {
	/** Milliseconds since the build started. */
	at: number;
	text: string;
}

export interface RunResult {
	code: number;
	wallMs: number;
	/** Highest sum of resident memory over the process tree, sampled every 100 ms. */
	peakRssBytes: number;
	lines: LogLine[];
}

const PAGE_SIZE = 4096;

/** Every descendant of `root` (and root), from /proc. */
function processTree(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
			// The command name may contain spaces and parentheses: fields start after the last ')'.
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
		} catch {
			// The process ended between readdir and read.
		}
	}
	const tree: number[] = [];
	const queue = [root];
	while (queue.length > 0) {
		const pid = queue.pop()!;
		tree.push(pid);
		queue.push(...(children.get(pid) ?? []));
	}
	return tree;
}

function treeRss(root: number): number {
	let total = 0;
	for (const pid of processTree(root)) {
		try {
			total += Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
		} catch {
			// Gone already.
		}
	}
	return total;
}

// Vite's warnings come with coloured code frames even under NO_COLOR.
const ANSI = /\x1b\[[0-9;]*m/g;

/** Runs `command args` in `cwd` with `env`, sampling memory and timestamping output lines. */
export function measure(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
		const log = fs.createWriteStream(options.logFile);
		const lines: LogLine[] = [];
		let peak = 0;
		const sample = () => {
			if (child.pid) peak = Math.max(peak, treeRss(child.pid));
		};
		const timer = setInterval(sample, 100);
		const collect = (stream: NodeJS.ReadableStream) => {
			let rest = '';
			stream.setEncoding('utf8');
			stream.on('data', (chunk: string) => {
				const at = performance.now() - started;
				log.write(chunk);
				const parts = (rest + chunk).split('\n');
				rest = parts.pop()!;
				for (const text of parts) lines.push({ at, text: text.replace(ANSI, '') });
			});
			stream.on('end', () => rest && lines.push({ at: performance.now() - started, text: rest.replace(ANSI, '') }));
		};
		collect(child.stdout!);
		collect(child.stderr!);
		child.on('error', reject);
		child.on('close', (code) => {
			clearInterval(timer);
			log.end();
			resolve({ code: code ?? 1, wallMs: performance.now() - started, peakRssBytes: peak, lines });
		});
	});
}

export interface Phase {
	name: string;
	ms: number;
}

const lineAt = (lines: readonly LogLine[], test: RegExp, from = 0) => {
	const index = lines.findIndex((line, i) => i >= from && test.test(line.text));
	return index < 0 ? undefined : { index, at: lines[index]!.at };
};

/** What kind of output a route is, for splitting render time. */
export function routeKind(route: string): string {
	if (/^\/feeds\/|\.(xml|opml)$/.test(route)) return 'feeds';
	if (/^\/newsletter\/[^/]+\/(email\.\w+|[^/]+\.eml)$/.test(route)) return 'emails';
	return 'pages';
}

/**
 * Splits a build's log into phases: content sync, bundling, rendering (by kind of route, from the
 * `+N ms` Astro prints per route) and each integration's `astro:build:done` work (the time up to its
 * log line, attributed to the logger that wrote it).
 */
export function phases(lines: readonly LogLine[], wallMs: number): Phase[] {
	const result: Phase[] = [];
	const synced = lineAt(lines, /\[content\] Synced content/);
	if (synced) result.push({ name: 'content sync', ms: synced.at });
	const bundling = lineAt(lines, /Building static entrypoints/);
	const rearranged = lineAt(lines, /Rearranging server assets|generating static routes/, bundling?.index ?? 0);
	if (synced && bundling) result.push({ name: 'types and build setup', ms: bundling.at - synced.at });
	if (bundling && rearranged) result.push({ name: 'bundling (Vite, MDX compile)', ms: rearranged.at - bundling.at });
	const rendering = lineAt(lines, /generating static routes/);
	const rendered = lineAt(lines, /^\S*\s*✓ Completed in/, rendering?.index ?? 0);
	if (!rendering || !rendered) return result;
	const perKind = new Map<string, number>();
	for (const line of lines.slice(rendering.index, rendered.index)) {
		const match = /[├└]─ (\S+).*\(\+(\d+(?:\.\d+)?)(ms|s)\)/.exec(line.text);
		if (!match) continue;
		const ms = Number(match[2]) * (match[3] === 's' ? 1000 : 1);
		const kind = routeKind(match[1]!);
		perKind.set(kind, (perKind.get(kind) ?? 0) + ms);
	}
	const renderMs = rendered.at - (rearranged?.at ?? rendering.at);
	result.push({ name: 'rendering, total', ms: renderMs });
	for (const [kind, ms] of perKind) result.push({ name: `  rendering: ${kind} (sum of per-route times)`, ms });
	// After rendering, each integration's build:done hook runs in config order and logs when done.
	let previous = rendered.at;
	const byLogger = new Map<string, number>();
	for (const line of lines.slice(rendered.index + 1)) {
		const logger = /^\d\d:\d\d:\d\d \[([^\]]+)\]/.exec(line.text)?.[1];
		if (!logger || logger === 'WARN' || logger === 'ERROR') continue;
		byLogger.set(logger, (byLogger.get(logger) ?? 0) + (line.at - previous));
		previous = line.at;
	}
	for (const [logger, ms] of byLogger) result.push({ name: `after rendering: [${logger}]`, ms });
	result.push({ name: 'process exit after last line', ms: wallMs - previous });
	return result;
}

/** Total size of the files under `dir`, and how many there are. */
export async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
	let bytes = 0;
	let files = 0;
	const entries = await fsp.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
	for (const entry of entries) {
		if (!entry.isFile()) continue;
		files++;
		bytes += (await fsp.stat(path.join(entry.parentPath, entry.name))).size;
	}
	return { bytes, files };
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
