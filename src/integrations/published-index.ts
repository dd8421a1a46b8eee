/**
 * The search index published last, for `indexSearch` to reuse (src/integrations/search.ts). `npm run
 * build` runs this file in a process of its own while Astro builds (`readPublished`): reading ten
 * thousand fragments in the build's own process left it 50 MB larger, beside Astro's peak and later
 * Pagefind's. Only Node's own modules here, so that Node runs the file as it is.
 *
 * `node published-index.ts fragments <site>` prints `{ entry, fragments }`: the published
 * `pagefind-entry.json` and `[url, file]` for each fragment named as Pagefind names it when no other
 * fragment's digest begins alike; nothing when the site has no index. `node published-index.ts
 * compare <published> <next>` prints how the pages differ (`PageChanges`): comparing tens of
 * thousands of pages grew the build's process by 100 MB, beside Pagefind's peak.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface PublishedFragments {
	entry: string;
	fragments: [url: string, file: string][];
}

/** A fragment's JSON: gzipped, behind Pagefind's signature. */
export async function fragmentJson(file: string): Promise<Buffer> {
	return gunzipSync(await fs.readFile(file)).subarray('pagefind_dcd'.length);
}

/**
 * A published fragment's URL, if its file is named `<language>_` and the first seven digits of the
 * SHA-1 of its JSON (`full_hash` in pagefind/src/utils.rs: each byte in hexadecimal, without
 * leading zeros).
 */
async function fragmentUrl(file: string): Promise<string | undefined> {
	const name = /_([0-9a-f]{7})\.pf_fragment$/.exec(path.basename(file))?.[1];
	if (!name) return undefined;
	const json = await fragmentJson(file);
	const digest = [...createHash('sha1').update(json).digest()].map((byte) => byte.toString(16)).join('');
	if (!digest.startsWith(name)) return undefined;
	// Pagefind writes the URL first (`PageFragmentData` in pagefind/src/fragments/mod.rs).
	const url = /^\{"url":("(?:[^"\\]|\\.)*")/.exec(json.toString('utf8', 0, 4096))?.[1];
	return url === undefined ? undefined : (JSON.parse(url) as string);
}

async function publishedFragments(site: string): Promise<PublishedFragments | undefined> {
	const folder = path.join(site, 'pagefind');
	const entry = await fs.readFile(path.join(folder, 'pagefind-entry.json'), 'utf8').catch(() => undefined);
	if (entry === undefined) return undefined;
	const fragments: PublishedFragments['fragments'] = [];
	for (const file of await fs.readdir(path.join(folder, 'fragment'))) {
		// A file that does not read as a fragment is left to Pagefind, as is one named otherwise.
		const url = await fragmentUrl(path.join(folder, 'fragment', file)).catch(() => undefined);
		if (url !== undefined) fragments.push([url, file]);
	}
	return { entry, fragments };
}

/** How the pages of `next` differ from those of `last`. */
export interface PageChanges {
	/** Pages in `next`. */
	pages: number;
	/** Pages with the same bytes in both. */
	unchanged: string[];
	/** Whether a page that differs, or is in only one of them, has anything marked for search. */
	searchable: boolean;
}

/** Every folder's `index.html`: the pages Pagefind reads (see `indexSearch`). */
async function pagesIn(dir: string): Promise<string[]> {
	return (await fs.readdir(dir, { recursive: true })).filter((file) => path.basename(file) === 'index.html');
}

export async function comparePages(last: string, next: string): Promise<PageChanges> {
	const [before, after] = await Promise.all([pagesIn(last), pagesIn(next)]);
	const changes: PageChanges = { pages: after.length, unchanged: [], searchable: false };
	// One page at a time, synchronously, into two buffers kept for the next: tens of thousands of
	// pages read into buffers of their own, through the thread pool, took seconds and left hundreds
	// of megabytes for the collector beside Pagefind's peak. Pagefind works in its own process meanwhile.
	const buffers = [Buffer.alloc(1 << 20), Buffer.alloc(1 << 20)];
	const read = (file: string, slot: number): Buffer | undefined => {
		let fd: number;
		try {
			fd = openSync(file, 'r');
		} catch {
			return undefined;
		}
		try {
			const { size } = fstatSync(fd);
			if (size > buffers[slot]!.length) buffers[slot] = Buffer.alloc(size);
			return buffers[slot]!.subarray(0, readSync(fd, buffers[slot]!, 0, size, 0));
		} finally {
			closeSync(fd);
		}
	};
	for (const page of new Set([...before, ...after])) {
		const old = read(path.join(last, page), 0);
		const now = read(path.join(next, page), 1);
		if (old && now && old.equals(now)) changes.unchanged.push(page);
		else if ([old, now].some((bytes) => bytes?.includes(SEARCH_BODY))) changes.searchable = true;
	}
	return changes;
}

/** The attribute without which Pagefind indexes nothing of a page, as soon as any page has it. */
const SEARCH_BODY = 'data-pagefind-body';

if (import.meta.main) {
	const [mode, ...dirs] = process.argv.slice(2) as [string, string, string];
	const result = mode === 'compare' ? await comparePages(dirs[0], dirs[1]) : await publishedFragments(dirs[0]);
	if (result) process.stdout.write(JSON.stringify(result));
}
