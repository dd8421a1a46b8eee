/**
 * `npm run deploy -- <folder>`: puts a built site into a web server's folder so that no reader ever
 * sees half of it. The folder holds releases and two symbolic links:
 *
 *     <folder>/current  -> releases/<id>   the web server's root (or alias) points here
 *     <folder>/previous -> releases/<id>   what `--rollback` goes back to
 *     <folder>/releases/<id>/              one complete site each
 *
 * A new site is copied in full beside the old one, then `current` is replaced by `rename()` of a new
 * link over it: one atomic step of the file system, so every request resolves either the old site
 * or the new one, never a missing or half-copied one. (Swapping two directories takes two renames,
 * with a moment between them when the site is missing.)
 *
 * A page fetched just before the swap asks for its styles and scripts just after it. Astro and
 * Pagefind name those files by their content, so the new release also gets the previous one's
 * asset files it lacks (hard links, no copies): the old page still finds its own files, and no
 * name ever means two contents.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './cli.ts';

/** Folders whose files are named by their content (Astro's bundles, Pagefind's index, the email logo). */
export const ASSET_FOLDERS = ['_astro', 'pagefind', 'brand'] as const;

const CURRENT = 'current';
const PREVIOUS = 'previous';
const RELEASES = 'releases';
const LOCK = '.deploy.lock';

/** A mistake the operator can fix; the message says what was expected and what was found. */
export class DeployError extends UsageError {}

export interface DeployOptions {
	/** The built site, normally `dist/`. */
	from: string;
	/** The web server's folder (it serves `<to>/current`). */
	to: string;
	/** The release's id; default: the time, e.g. `20261207T053000123Z`. */
	id?: string;
}

export interface DeployResult {
	/** The release now served, as `releases/<id>`. */
	current: string;
	/** The release `--rollback` would go back to, if any. */
	previous: string | undefined;
	/** Asset files of the previous release kept for pages fetched before the swap. */
	carried: number;
}

/** What a release records beside itself: which of its files came from the release before it. */
interface Manifest {
	carried: string[];
}

const exists = (file: string) =>
	fs.lstat(file).then(
		() => true,
		() => false,
	);

/** Every file under a folder, relative to it, with `/` separators. */
async function filesUnder(dir: string): Promise<string[]> {
	if (!(await exists(dir))) return [];
	const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** The release a link points at (`releases/<id>`), or undefined when there is no link. */
async function linkTarget(folder: string, name: string): Promise<string | undefined> {
	try {
		return await fs.readlink(path.join(folder, name));
	} catch {
		return undefined;
	}
}

/** Points `name` at `target` in one step: a new link beside it, renamed over it. */
async function swapLink(folder: string, name: string, target: string): Promise<void> {
	const temporary = path.join(folder, `.${name}.${process.pid}.tmp`);
	await fs.rm(temporary, { force: true });
	await fs.symlink(target, temporary);
	await fs.rename(temporary, path.join(folder, name));
}

/** A folder the command may use: new, empty, or one it made (never a web root full of someone's files). */
async function checkFolder(folder: string): Promise<void> {
	if (!(await exists(folder))) return;
	const stat = await fs.stat(folder);
	if (!stat.isDirectory()) throw new DeployError(`${folder}: expected a folder for the site; found a file`);
	for (const link of [CURRENT, PREVIOUS]) {
		const stat = await fs.lstat(path.join(folder, link)).catch(() => undefined);
		if (stat && !stat.isSymbolicLink()) {
			throw new DeployError(
				`${path.join(folder, link)}: expected the link npm run deploy makes; found a ${stat.isDirectory() ? 'folder' : 'file'}`,
			);
		}
	}
	const present = (await fs.readdir(folder)).filter((name) => name !== LOCK);
	const ours = [CURRENT, PREVIOUS, RELEASES];
	const foreign = present.filter((name) => !ours.includes(name) && !name.startsWith(`.${CURRENT}.`) && !name.startsWith(`.${PREVIOUS}.`));
	if (foreign.length > 0) {
		throw new DeployError(
			`${folder}: expected an empty folder or one npm run deploy made (current, previous, releases/); found ${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', …' : ''}. Deploy into a new folder and point the web server at <folder>/current`,
		);
	}
}

/** Holds the folder's lock while `work` runs, so that two deploys never interleave. */
async function withLock<T>(folder: string, work: () => Promise<T>): Promise<T> {
	const lock = path.join(folder, LOCK);
	await fs.mkdir(folder, { recursive: true });
	try {
		await fs.writeFile(lock, `${process.pid}\n`, { flag: 'wx' });
	} catch {
		const holder = Number.parseInt(await fs.readFile(lock, 'utf8').catch(() => ''), 10);
		if (Number.isInteger(holder) && isRunning(holder)) {
			throw new DeployError(`${folder}: another deploy (process ${holder}) is running; expected it to finish first`);
		}
		// Left by a deploy that died: nothing was swapped after its last rename, so taking over is safe.
		await fs.writeFile(lock, `${process.pid}\n`);
	}
	try {
		return await work();
	} finally {
		await fs.rm(lock, { force: true });
	}
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

const releaseId = (now: Date) => now.toISOString().replace(/[-:.]/g, '');

async function readManifest(folder: string, release: string): Promise<Manifest> {
	try {
		return JSON.parse(await fs.readFile(path.join(folder, `${release}.json`), 'utf8')) as Manifest;
	} catch {
		return { carried: [] };
	}
}

/**
 * Links into `release` the asset files of `from` it lacks, except those `from` had itself carried:
 * a page stays whole across one swap, and old assets do not pile up release after release.
 */
async function carryAssets(folder: string, from: string | undefined, release: string): Promise<string[]> {
	if (!from) return [];
	const own = new Set((await readManifest(folder, from)).carried);
	const carried: string[] = [];
	for (const assets of ASSET_FOLDERS) {
		for (const file of await filesUnder(path.join(folder, from, assets))) {
			const relative = `${assets}/${file}`;
			const target = path.join(folder, release, relative);
			if (own.has(relative) || (await exists(target))) continue;
			await fs.mkdir(path.dirname(target), { recursive: true });
			await linkOrCopy(path.join(folder, from, relative), target);
			carried.push(relative);
		}
	}
	return carried;
}

async function linkOrCopy(source: string, target: string): Promise<void> {
	try {
		await fs.link(source, target);
	} catch {
		await fs.copyFile(source, target);
	}
}

/**
 * Makes a release from a site: copied (or linked) into a hidden folder first, then renamed into
 * `releases/`, so a release that exists is always complete.
 */
async function stageRelease(
	folder: string,
	id: string,
	fill: (staging: string) => Promise<void>,
	carryFrom: string | undefined,
): Promise<{ release: string; carried: string[] }> {
	const releases = path.join(folder, RELEASES);
	await fs.mkdir(releases, { recursive: true });
	let name = id;
	for (let n = 2; await exists(path.join(releases, name)); n++) name = `${id}-${n}`;
	const release = `${RELEASES}/${name}`;
	const staging = path.join(releases, `.${name}.partial`);
	await fs.rm(staging, { recursive: true, force: true });
	await fill(staging);
	await fs.rename(staging, path.join(folder, release));
	const carried = await carryAssets(folder, carryFrom, release);
	await fs.writeFile(path.join(folder, `${release}.json`), `${JSON.stringify({ carried } satisfies Manifest, null, '\t')}\n`);
	return { release, carried };
}

/** Removes every release neither link points at, and what a deploy that died left half-made. */
async function prune(folder: string): Promise<void> {
	const keep = new Set([await linkTarget(folder, CURRENT), await linkTarget(folder, PREVIOUS)]);
	const releases = path.join(folder, RELEASES);
	for (const name of await fs.readdir(releases)) {
		const release = `${RELEASES}/${name.replace(/\.json$/, '')}`;
		if (!keep.has(release)) await fs.rm(path.join(releases, name), { recursive: true, force: true });
	}
	for (const name of await fs.readdir(folder)) {
		if (/^\.(current|previous)\.\d+\.tmp$/.test(name)) await fs.rm(path.join(folder, name), { force: true });
	}
}

/** Makes `release` current and the one it replaces previous, then drops the rest. */
async function publish(folder: string, release: string, replaced: string | undefined): Promise<string | undefined> {
	if (replaced) await swapLink(folder, PREVIOUS, replaced);
	await swapLink(folder, CURRENT, release);
	await prune(folder);
	return linkTarget(folder, PREVIOUS);
}

/** Copies a built site into the folder and swaps it in; the site it replaces is kept for `rollback`. */
export async function deploy(options: DeployOptions): Promise<DeployResult> {
	const from = path.resolve(options.from);
	const folder = path.resolve(options.to);
	if (!(await exists(path.join(from, 'index.html')))) {
		throw new DeployError(`${options.from}: expected a built site (index.html); found none. Run npm run build first`);
	}
	if (folder === from || folder.startsWith(`${from}${path.sep}`) || from.startsWith(`${folder}${path.sep}`)) {
		throw new DeployError(`${options.to}: expected a folder apart from the built site ${options.from}; found one inside the other`);
	}
	await checkFolder(folder);
	return withLock(folder, async () => {
		const replaced = await linkTarget(folder, CURRENT);
		const { release, carried } = await stageRelease(
			folder,
			options.id ?? releaseId(new Date()),
			(staging) => fs.cp(from, staging, { recursive: true }),
			replaced,
		);
		const previous = await publish(folder, release, replaced);
		return { current: release, previous, carried: carried.length };
	});
}

/**
 * Goes back to the previous site. It is served as a new release made of links to the previous one's
 * files plus the assets of the one being left (pages fetched from it still find theirs), and the
 * release being left becomes `previous`, so a second rollback undoes the first.
 */
export async function rollback(options: Pick<DeployOptions, 'to' | 'id'>): Promise<DeployResult> {
	const folder = path.resolve(options.to);
	await checkFolder(folder);
	return withLock(folder, async () => {
		const replaced = await linkTarget(folder, CURRENT);
		const back = await linkTarget(folder, PREVIOUS);
		if (!replaced || !back || !(await exists(path.join(folder, back)))) {
			throw new DeployError(
				`${options.to}: expected a previous site to go back to; found ${replaced ? 'only the current one' : 'no site deployed'}`,
			);
		}
		const { carried: previouslyCarried } = await readManifest(folder, back);
		const { release, carried } = await stageRelease(
			folder,
			options.id ?? releaseId(new Date()),
			async (staging) => {
				for (const file of await filesUnder(path.join(folder, back))) {
					// The files it carried from its own predecessor were for pages long gone.
					if (previouslyCarried.includes(file)) continue;
					await fs.mkdir(path.dirname(path.join(staging, file)), { recursive: true });
					await linkOrCopy(path.join(folder, back, file), path.join(staging, file));
				}
			},
			replaced,
		);
		const previous = await publish(folder, release, replaced);
		return { current: release, previous, carried: carried.length };
	});
}
