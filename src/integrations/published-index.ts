/**
 * The search index published last, for `indexSearch` to reuse (src/integrations/search.ts). `npm run
 * build` runs this file in a process of its own while Astro builds (`readPublished`): reading ten
 * thousand fragments in the build's own process left it 50 MB larger, beside Astro's peak and later
 * Pagefind's. Only Node's own modules here, so that Node runs the file as it is.
 *
 * `node published-index.ts <site>` prints `{ entry, fragments }`: the published `pagefind-entry.json`
 * and `[url, file]` for each fragment named as Pagefind names it when no other fragment's digest
 * begins alike; nothing when the site has no index.
 */
import { createHash } from 'node:crypto';
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

if (import.meta.main) {
	const published = await publishedFragments(process.argv[2]!);
	if (published) process.stdout.write(JSON.stringify(published));
}
