/**
 * Runs a build in a child process and measures it: wall time, peak memory of the whole process tree
 * (Astro plus anything it spawns, such as Pagefind's binary) and when each log line arrived, so the
 * phases can be timed to the millisecond (Astro's own timestamps have whole seconds).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

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
	/**
	 * CPU time (user and system) of the process tree, as last sampled for each process. Less
	 * sensitive than wall time to other work on a shared machine, though not immune to it.
	 */
	cpuMs: number;
	/** Every 100 ms: resident memory of the process tree, and the CPU time it has used so far. */
	samples: { at: number; rssBytes: number; cpuMs?: number }[];
	lines: LogLine[];
	/** One-minute load average when the build started and ended: other work on the machine slows it. */
	load: [number, number];
}

const PAGE_SIZE = 4096;

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ). */
const MS_PER_TICK = 10;

/** The CPU time (user and system) one process has used so far, in ms; 0 where /proc cannot tell. */
export function processCpuMs(pid: number): number {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
	} catch {
		return 0;
	}
}

/** Every descendant of `root` (and root), from /proc, with the CPU time each has used so far. */
function processTree(root: number, cpuTicks: Map<number, number>): number[] {
	const children = new Map<number, number[]>();
	const ticks = new Map<number, number>();
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
			// The command name may contain spaces and parentheses: fields start after the last ')'.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const ppid = Number(fields[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
			// utime and stime, the 14th and 15th fields of stat.
			ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
		} catch {
			// The process ended between readdir and read.
		}
	}
	const tree: number[] = [];
	const queue = [root];
	while (queue.length > 0) {
		const pid = queue.pop()!;
		tree.push(pid);
		cpuTicks.set(pid, ticks.get(pid) ?? cpuTicks.get(pid) ?? 0);
		queue.push(...(children.get(pid) ?? []));
	}
	return tree;
}

function treeRss(root: number, cpuTicks: Map<number, number>): number {
	let total = 0;
	for (const pid of processTree(root, cpuTicks)) {
		try {
			total += Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
		} catch {
			// Gone already.
		}
	}
	return total;
}

/** Runs `command args` in `cwd` with `env`, sampling memory and timestamping output lines. */
export function measure(
	command: string,
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const loadAtStart = os.loadavg()[0]!;
		const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
		const log = fs.createWriteStream(options.logFile);
		const lines: LogLine[] = [];
		const samples: RunResult['samples'] = [];
		const cpuTicks = new Map<number, number>();
		const sample = () => {
			if (!child.pid) return;
			const rssBytes = treeRss(child.pid, cpuTicks);
			samples.push({
				at: performance.now() - started,
				rssBytes,
				cpuMs: [...cpuTicks.values()].reduce((sum, ticks) => sum + ticks, 0) * MS_PER_TICK,
			});
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
				// Vite's warnings come with coloured code frames even under NO_COLOR.
				for (const text of parts) lines.push({ at, text: stripVTControlCharacters(text) });
			});
			stream.on('end', () => rest && lines.push({ at: performance.now() - started, text: stripVTControlCharacters(rest) }));
		};
		collect(child.stdout);
		collect(child.stderr);
		child.on('error', reject);
		child.on('close', (code) => {
			clearInterval(timer);
			log.end();
			const peakRssBytes = samples.reduce((peak, { rssBytes }) => Math.max(peak, rssBytes), 0);
			resolve({
				code: code ?? 1,
				wallMs: performance.now() - started,
				peakRssBytes,
				cpuMs: [...cpuTicks.values()].reduce((sum, ticks) => sum + ticks, 0) * MS_PER_TICK,
				samples,
				lines,
				load: [loadAtStart, os.loadavg()[0]!],
			});
		});
	});
}

export interface Phase {
	name: string;
	ms: number;
	/** Highest process-tree RSS while the phase ran (not for the per-kind sums of route times). */
	peakRssBytes?: number;
}

const lineAt = (lines: readonly LogLine[], test: RegExp, from = 0) => {
	const index = lines.findIndex((line, i) => i >= from && test.test(line.text));
	return index < 0 ? undefined : { index, at: lines[index]!.at };
};

/**
 * What kind of output a route is, for splitting render time: feeds, emails (the parts beside each
 * paper, case study and issue) and pages (the HTML a reader browses, which the plain baseline has too).
 */
export function routeKind(route: string): string {
	if (/^\/feeds\/|\.(xml|opml)$/.test(route)) return 'feeds';
	if (/\/email\.(html|txt)$|\.eml$/.test(route)) return 'emails';
	return 'pages';
}

// Astro prints `(+12ms)`, `(+3.41s)` or, past a minute, `(+3m 31s)`.
const ROUTE = /[├└]─ (\S+).*\(\+(?:(\d+)m )?(\d+(?:\.\d+)?)(ms|s)\)/;
// A route the incremental build copied from the last build instead of rendering it.
const RESTORED = /[├└]─ (\S+) \((?:restored|cached)\)/;

export interface RouteStats {
	/** Routes rendered, and the sum of their per-route times. */
	rendered: number;
	ms: number;
	/** Routes copied from the last build (Astro's incremental build). */
	restored: number;
}

/** Per kind of route (`routeKind`): how many Astro rendered, in how long, and how many it copied from the last build. */
export function routeStats(run: Pick<RunResult, 'lines'>): Map<string, RouteStats> {
	const stats = new Map<string, RouteStats>();
	const of = (route: string) => {
		const kind = routeKind(route);
		if (!stats.has(kind)) stats.set(kind, { rendered: 0, ms: 0, restored: 0 });
		return stats.get(kind)!;
	};
	for (const { text } of run.lines) {
		const rendered = ROUTE.exec(text);
		if (rendered) {
			const entry = of(rendered[1]!);
			entry.rendered++;
			entry.ms += Number(rendered[2] ?? 0) * 60_000 + Number(rendered[3]) * (rendered[4] === 's' ? 1000 : 1);
			continue;
		}
		const restored = RESTORED.exec(text);
		if (restored) of(restored[1]!).restored++;
	}
	return stats;
}

/**
 * Splits a build's log into phases: content sync, bundling, rendering (the set-up before the first
 * route, where `getStaticPaths()` and `loadHub()` run, then by kind of route from the `+N ms` Astro
 * prints per route) and each integration's `astro:build:done` work (the time up to its log line,
 * attributed to the logger that wrote it).
 */
export function phases(run: Pick<RunResult, 'lines' | 'wallMs' | 'samples'>): Phase[] {
	const { lines, wallMs, samples } = run;
	const result: Phase[] = [];
	const phase = (name: string, from: number, to: number) => {
		const during = samples.filter((sample) => sample.at >= from && sample.at <= to).map((sample) => sample.rssBytes);
		result.push({ name, ms: to - from, peakRssBytes: Math.max(0, ...during) });
	};
	const synced = lineAt(lines, /\[content\] Synced content/);
	if (synced) phase('content sync', 0, synced.at);
	const bundling = lineAt(lines, /Building static entrypoints/);
	const rendering = lineAt(lines, /generating static routes/, bundling?.index ?? 0);
	if (synced && bundling) phase('types and build setup', synced.at, bundling.at);
	if (bundling && rendering) phase('bundling (Vite, MDX compile)', bundling.at, rendering.at);
	const rendered = lineAt(lines, /^\S*\s*✓ Completed in/, rendering?.index ?? 0);
	if (!rendering || !rendered) return result;
	// A route copied from the last build is logged without a time: it ends the set-up as well.
	const firstRoute = lineAt(lines, new RegExp(`${ROUTE.source}|${RESTORED.source}`), rendering.index);
	phase('rendering, total', rendering.at, rendered.at);
	if (firstRoute) phase('  set-up before the first route (getStaticPaths, loadHub)', rendering.at, firstRoute.at);
	const stats = routeStats({ lines: lines.slice(rendering.index, rendered.index) });
	for (const [kind, { ms, rendered: count, restored }] of stats)
		result.push({ name: `  ${kind} (sum of per-route times: ${count} rendered, ${restored} copied)`, ms });
	const copied = [...stats.values()].reduce((sum, kind) => sum + kind.restored, 0);
	if (firstRoute && copied > 0) {
		const routesMs = [...stats.values()].reduce((sum, kind) => sum + kind.ms, 0);
		result.push({ name: `  copying ${copied} routes from the last build (the rest)`, ms: rendered.at - firstRoute.at - routesMs });
	}
	// After rendering, each integration's build:done hook runs in config order and logs when done.
	let previous = rendered.at;
	for (const line of lines.slice(rendered.index + 1)) {
		const logger = /^\d\d:\d\d:\d\d \[([^\]]+)\]/.exec(line.text)?.[1];
		// Astro says it is still waiting for a slow hook: that time belongs to the hook's own line.
		if (!logger || logger === 'WARN' || logger === 'ERROR' || line.text.includes('Waiting for integration')) continue;
		if (line.at - previous >= 50) phase(`after rendering: [${logger}]`, previous, line.at);
		previous = line.at;
	}
	phase('process exit after the last line', previous, wallMs);
	return result;
}

/** Time Astro spent rendering pages and emails, from the per-route sums of `phases()`. */
export const routeTimeMs = (list: readonly Phase[]): number =>
	list.filter((phase) => /^\s*(pages|emails) \(sum of per-route times/.test(phase.name)).reduce((sum, phase) => sum + phase.ms, 0);

/**
 * CPU milliseconds per HTML page Astro rendered: the process tree's CPU time while Astro rendered
 * routes (from the 100 ms samples), shared among pages, emails and feeds by their per-route
 * times. Unlike a route's wall time, this hardly moves when other work shares the machine.
 */
export function pageCpuMs(run: Pick<RunResult, 'lines' | 'samples'>): number {
	const rendering = lineAt(run.lines, /generating static routes/);
	const rendered = lineAt(run.lines, /^\S*\s*✓ Completed in/, rendering?.index ?? 0);
	const timed = run.samples.filter((sample) => sample.cpuMs !== undefined);
	if (!rendering || !rendered || timed.length === 0) return Number.NaN;
	const cpuAt = (at: number) => (timed.findLast((sample) => sample.at <= at) ?? timed[0]!).cpuMs!;
	const stats = routeStats({ lines: run.lines.slice(rendering.index, rendered.index) });
	const pages = stats.get('pages');
	const allMs = [...stats.values()].reduce((sum, kind) => sum + kind.ms, 0);
	if (!pages || pages.rendered === 0 || allMs === 0) return Number.NaN;
	return ((cpuAt(rendered.at) - cpuAt(rendering.at)) * (pages.ms / allMs)) / pages.rendered;
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
