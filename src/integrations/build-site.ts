/**
 * `npm run build`: the site and its search index, published at once.
 *
 * 1. `astro build` runs in a child process and writes the site into a staging folder beside the
 *    output (`dist.next/`).
 * 2. Once Astro has exited, Pagefind indexes the staged pages (`indexSearch`). Pagefind's indexer
 *    is a process of its own: started from Astro's `astro:build:done` hook, its memory came on top
 *    of what Astro still held (3.2 GB at 10,000 papers); after Astro has exited it is the peak alone.
 *    While Astro builds, this process reads the search index published last (`readPublished`), so
 *    that Pagefind writes only the fragments of pages that changed.
 * 3. Only then is the staged site swapped in for the previous one. A build that fails at any step,
 *    or is killed, leaves the previous `dist/` as it was and never publishes half a site. The site
 *    it replaced stays in `dist.previous/` until the next build removes it, while Astro builds:
 *    removing a site is mostly waiting for the disk (31,000 files at 10,000 papers: 4 to 6 s), which
 *    a rebuild used to wait for after publishing.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadSettings } from '../content/settings';
import { indexSearch, readPublished } from './search';

/** Set for the `astro build` that `buildSite()` starts: a bare `astro build` would publish a site without its search index. */
const STAGED = 'HOURGLASS_STAGED_BUILD';

/** Refuses an `astro build` that `npm run build` did not start. Add it to the config's integrations. */
export function stagedBuildOnly(): AstroIntegration {
	return {
		name: 'hourglass:staged-build',
		hooks: {
			'astro:config:setup': ({ command }) => {
				if (command === 'build' && process.env[STAGED] !== '1') {
					throw new Error('Build the hub with `npm run build`: it also indexes search and swaps the finished site into place.');
				}
			},
		},
	};
}

/** Logs like Astro does (`12:04:31 [label] message`), so the benchmark times these steps from the same log. */
function log(label: string, message: string): void {
	console.log(`${new Date().toTimeString().slice(0, 8)} [${label}] ${message}`);
}

/** The output folder a command line asks for (`--outDir dir` or `--outDir=dir`; Astro's default `dist`), and the other arguments. */
function outputOf(args: readonly string[]): { outDir: string; rest: string[] } {
	const rest: string[] = [];
	let outDir = 'dist';
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--outDir' && i + 1 < args.length) outDir = args[++i]!;
		else if (arg.startsWith('--outDir=')) outDir = arg.slice('--outDir='.length);
		else rest.push(arg);
	}
	return { outDir: path.resolve(outDir), rest };
}

function astroBuild(args: readonly string[]): Promise<number> {
	// Astro exports no path to its command line; its package.json names it.
	const astro = fileURLToPath(new URL('bin/astro.mjs', import.meta.resolve('astro/package.json')));
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [astro, 'build', ...args], { stdio: 'inherit', env: { ...process.env, [STAGED]: '1' } });
		child.on('error', reject);
		child.on('close', (code) => {
			resolve(code ?? 1);
		});
	});
}

/** Builds, indexes and publishes the site; `args` are `astro build`'s. Returns the exit code. */
export async function buildSite(args: readonly string[]): Promise<number> {
	const { outDir, rest } = outputOf(args);
	const staging = `${outDir}.next`;
	const previous = `${outDir}.previous`;
	const discardStaging = () => {
		rmSync(staging, { recursive: true, force: true });
	};
	// What a build that was killed outright left behind.
	discardStaging();
	process.once('exit', discardStaging);
	const removed = fs.rm(previous, { recursive: true, force: true });
	// Awaited at the swap, which needs it gone: a failure meanwhile is not an unhandled one.
	removed.catch(() => undefined);
	const published = readPublished(outDir);
	const code = await astroBuild([...rest, '--outDir', staging]);
	if (code !== 0) return code;
	try {
		const search = await indexSearch(staging, loadSettings().language, await published);
		const [read, wrote] = [search.readMs, search.writeMs].map(Math.round);
		log(
			'hourglass:search',
			search.pagefind
				? `read ${search.pages} pages for the search index in ${read} ms, wrote it in ${wrote} ms (fragments of ${search.reused} unchanged pages reused)`
				: `compared ${search.pages} pages in ${read} ms: nothing searchable changed, the published search index is kept (${wrote} ms)`,
		);
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		return 1;
	}
	await removed;
	await fs.rename(outDir, previous).catch((error: unknown) => {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	});
	await fs.rename(staging, outDir);
	process.off('exit', discardStaging);
	log('hourglass:output', `site written to ${path.relative(process.cwd(), outDir) || '.'}`);
	return 0;
}
