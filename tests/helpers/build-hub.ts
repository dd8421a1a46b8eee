import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const TMP = path.join(ROOT, 'tests/.tmp');
/** `npm run build`'s script: Astro, then the search index, then the swap into `dist/`. */
export const BUILD_SCRIPT = 'scripts/build.ts';

/**
 * Variables of the test process a writer's shell does not have. Vitest sets NODE_ENV=test and
 * copies Vite's `import.meta.env` into process.env (BASE_URL=/, SITE, DEV=1…); Astro's server code
 * reads `import.meta.env` from process.env, so they would override `--base`. HOURGLASS_NOW is set
 * per build.
 */
const NOT_INHERITED = new Set(['NODE_ENV', 'BASE_URL', 'SITE', 'ASSETS_PREFIX', 'MODE', 'DEV', 'PROD', 'SSR', 'HOURGLASS_NOW']);

/** The environment a writer's shell gives a command: the test process's, less what Vitest added. */
export const writerEnv = (): NodeJS.ProcessEnv =>
	Object.fromEntries(Object.entries(process.env).filter(([name]) => !NOT_INHERITED.has(name)));

/**
 * The longest a build may run before it is killed as hung. The example hub builds in about a minute
 * on a quiet 2-core machine and a fixture hub in well under one; under a load average of 10 a build
 * takes several times longer. Tests themselves have no timeout (vitest.config.ts): this is the bound.
 */
export const BUILD_LIMIT_MS = 20 * 60_000;

/** What a hub's build reads from the project; everything else stays behind. */
const PROJECT_FILES = ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/**
 * Astro writes generated modules (`.astro/content-modules.mjs`) into the project root, so two
 * builds of different content from one root overwrite each other's. Each build gets its own copy of
 * the project (node_modules linked), which also keeps tests clear of a writer's `astro dev`. The
 * benchmark builds its hubs the same way.
 */
export async function isolatedProject(work: string): Promise<string> {
	const project = path.join(work, 'project');
	await fs.rm(project, { recursive: true, force: true });
	await fs.mkdir(project, { recursive: true });
	await Promise.all(PROJECT_FILES.map((file) => fs.cp(path.join(ROOT, file), path.join(project, file), { recursive: true })));
	await fs.symlink(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
	return project;
}

export interface BuildOptions {
	/** Folder name under `tests/.tmp/`; builds with different names can run side by side. */
	name: string;
	/** Content folder, relative to the project root. Default: the example hub in `content/`. */
	content?: string;
	/**
	 * Build the project's own `content/` as a writer does, without `HOURGLASS_CONTENT` (for a
	 * `project` whose `content/` is a hub of its own).
	 */
	ownContent?: boolean;
	/** `--base`, e.g. `/it/`. Default: `/`. */
	base?: string;
	/** `--site`. Default: the config's `https://intranet.example`. */
	site?: string;
	/** Pins the publication rule's "now" (HOURGLASS_NOW). */
	now?: string;
	/** Extra environment for the build, e.g. a NODE_ENV a CI system might set. */
	env?: Record<string, string>;
	/** Keep what an earlier build of this name left in `dist/` (to test that a failure keeps it). */
	keepDist?: boolean;
	/**
	 * Build in the project copy an earlier build made (`BuildResult.project`), with the content cache
	 * a writer's checkout has (no `HOURGLASS_CACHE_DIR`): to test what one checkout keeps between builds.
	 */
	project?: string;
}

export interface BuildResult {
	/** The built site. */
	dist: string;
	/** Exit code of `npm run build`. */
	code: number;
	/** stdout and stderr together, for asserting on error messages. */
	output: string;
	/** The project copy the build ran in. */
	project: string;
}

/** Runs a real build of a hub (`npm run build`'s script), in a child process, as a writer's CI would. */
export async function buildHub(options: BuildOptions): Promise<BuildResult> {
	const work = path.join(TMP, options.name);
	const dist = path.join(work, 'dist');
	if (!options.keepDist) await fs.rm(options.project ? dist : work, { recursive: true, force: true });
	await fs.mkdir(work, { recursive: true });
	const project = options.project ?? (await isolatedProject(work));
	const args = [BUILD_SCRIPT, '--outDir', dist];
	if (options.base) args.push('--base', options.base);
	if (options.site) args.push('--site', options.site);
	const env: NodeJS.ProcessEnv = {
		...Object.fromEntries(Object.entries(writerEnv()).filter(([name]) => !(options.ownContent && name === 'HOURGLASS_CONTENT'))),
		...(options.ownContent ? {} : { HOURGLASS_CONTENT: path.resolve(ROOT, options.content ?? 'content') }),
		...(options.project ? {} : { HOURGLASS_CACHE_DIR: path.join(work, 'cache') }),
		ASTRO_TELEMETRY_DISABLED: '1',
		NO_COLOR: '1',
		...(options.now ? { HOURGLASS_NOW: options.now } : {}),
		...options.env,
	};
	const { code, output, hung } = await runBuild(args, { cwd: project, env });
	const killed = hung ? `\nbuild killed after ${BUILD_LIMIT_MS / 60_000} minutes (BUILD_LIMIT_MS)` : '';
	return { dist, code, output: output + killed, project };
}

/**
 * Runs the build script in a process group of its own: a hung build is killed together with the
 * `astro build` it started, which would otherwise outlive it.
 */
function runBuild(
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number; output: string; hung: boolean }> {
	return new Promise((resolve, reject) => {
		let hung = false;
		let output = '';
		const child = spawn(process.execPath, args, { ...options, detached: true });
		const collect = (chunk: Buffer) => {
			output += chunk.toString('utf8');
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		const limit = setTimeout(() => {
			hung = true;
			process.kill(-child.pid!, 'SIGKILL');
		}, BUILD_LIMIT_MS);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(limit);
			resolve({ code: code ?? 1, output, hung });
		});
	});
}

/** Every file under a folder, relative to it, with `/` separators. */
export async function listFiles(dir: string): Promise<string[]> {
	const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
		.sort();
}

/** Copies a fixture hub to a scratch folder so a test can break one file of it. */
export async function copyFixture(from: string, name: string): Promise<string> {
	const target = path.join(TMP, name, 'content');
	await fs.rm(path.dirname(target), { recursive: true, force: true });
	await fs.cp(path.resolve(ROOT, from), target, { recursive: true });
	return target;
}
