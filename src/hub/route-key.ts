/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a route whose
 * `getStaticPaths()` gives a `cacheKey` is copied from the last build when the key and the code of
 * the route and its components are unchanged (Astro hashes the code itself, and clears the cache
 * when the config or the lockfile change). So a key must cover every piece of content the page
 * shows, or a rebuild publishes stale text.
 *
 * The bulk of a hub is its papers and case studies; everything else is small, shown on many pages,
 * and folded whole into every key: every other file of the content folder (settings, audiences,
 * topics, authors, metrics, issues, campaigns, testimonials, the logo, and whatever a new kind of
 * content adds), with what the time of the build makes of it (publication, campaign progress, who
 * follows each audience). A page then names the papers and case studies it shows: in full (its own
 * entry, the entries of a feed) or as a card or link (lists, related reading, citations). Editing
 * a paper's title re-renders its page and the pages that list or link it; editing any other file
 * re-renders every keyed page.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { followersOf } from '../checks/contacts';
import { contentDir } from '../content/content-dir';
import { hubContacts, type AnyItem, type Hub, type SystemItem } from './hub';
import { perBuild } from './memo';

/** What a route shows of the papers and case studies (other kinds are in every key anyway). */
export interface Shows {
	/** Entries shown whole, body included: the page's own entry, a feed's entries. */
	whole?: readonly AnyItem[];
	/** Entries shown as a card or a link: title, summary, dates, audiences, reading time… */
	listed?: readonly AnyItem[];
	/** Anything else the route's output depends on, such as a feed's campaign activities. */
	also?: unknown;
}

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * An item as lists and links can show it: every field of the item and its entry's data, but not
 * its body (`rendered`) nor the file digest, which change with every word of the body. The reading
 * time and word count are fields of the item, so a longer body still changes this.
 */
const withoutBody = (key: string, value: unknown) => (key === 'rendered' || key === 'digest' ? undefined : value);

/** What has a page of its own: the kinds of entry, and systems. */
type Item = AnyItem | SystemItem;

const listedDigests = new WeakMap<Item, string>();
const wholeDigests = new WeakMap<Item, string>();

function listedDigest(item: Item): string {
	let known = listedDigests.get(item);
	if (known === undefined) {
		known = digest(JSON.stringify(item, withoutBody));
		listedDigests.set(item, known);
	}
	return known;
}

function wholeDigest(item: Item): string {
	let known = wholeDigests.get(item);
	if (known === undefined) {
		const { html = '', metadata } = item.entry.rendered ?? {};
		// The HTML straight into the hash: quoting it as JSON took most of the time at 10,000 papers.
		known = createHash('sha256')
			.update(`${listedDigest(item)}\n${JSON.stringify(metadata ?? null)}\n`)
			.update(html)
			.digest('base64url');
		wholeDigests.set(item, known);
	}
	return known;
}

/** The hub's fields a key leaves to `Shows` (the papers and case studies), or that change every build (`now`). */
const NAMED_FIELDS = new Set(['papers', 'caseStudies', 'listed', 'metricUsages', 'now']);

/** The folders whose entries a page names one by one (`Shows`); every other file is in every key. */
const NAMED_FOLDERS = new Set(['papers', 'case-studies']);

/** Every file of the content folder but the papers and case studies, by name and content. */
function otherFiles(): string {
	const root = contentDir();
	const hash = createHash('sha256');
	const files = fs
		.readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
		.filter((file) => !NAMED_FOLDERS.has(file.split(path.sep)[0]!))
		.sort();
	for (const file of files)
		hash
			.update(`${file}\n`)
			.update(fs.readFileSync(path.join(root, file)))
			.update('\n');
	return hash.digest('base64url');
}

/** Everything every page may show besides papers and case studies, once per build. */
function sharedDigest(hub: Hub): Promise<string> {
	return perBuild('route-key shared', async () => {
		const contacts = await hubContacts();
		// Who follows each audience decides the "N colleagues get them" counts; digested, never stored.
		const followers = hub.segments.map((segment) =>
			followersOf(contacts, [segment.id], hub.now)
				.map((contact) => contacts.indexOf(contact))
				.join(','),
		);
		// The model as the build's time made it (publication, progress, restore order…), but for the
		// papers and case studies, which each key names itself; `now` itself changes with every build.
		const rest = Object.fromEntries(Object.entries(hub).filter(([field]) => !NAMED_FIELDS.has(field)));
		const model = JSON.stringify(rest, (key: string, value: unknown) =>
			value instanceof Map || value instanceof Set ? [...value] : withoutBody(key, value),
		);
		// Bodies as rendered: a changed renderer changes them without changing a file.
		const bodies = [...hub.metrics, ...hub.newsletters, ...hub.campaigns, ...hub.systems].map(wholeDigest);
		// The site's one stylesheet, which every page links: its name changes with any component's styles,
		// which Astro's hash of a route's own code misses (src/integrations/site-stylesheet.ts sets it).
		const stylesheets = process.env.HOURGLASS_BUILD_STYLESHEETS ?? '';
		return digest(JSON.stringify({ files: otherFiles(), model, followers, bodies, stylesheets }));
	});
}

/**
 * The `cacheKey` of a route that shows `shows`: a digest of the hub-wide part and of each paper
 * or case study it shows, in order (an order or a membership that changes changes the key).
 */
export async function routeKey(hub: Hub, shows: Shows): Promise<string> {
	return digest(
		JSON.stringify([
			await sharedDigest(hub),
			(shows.whole ?? []).map((item) => `${item.kind}/${item.id} ${wholeDigest(item)}`),
			(shows.listed ?? []).map((item) => `${item.kind}/${item.id} ${listedDigest(item)}`),
			shows.also ?? null,
		]),
	);
}

/**
 * `getStaticPaths()` results with what each path `shows` turned into its `cacheKey`. The preview
 * renders every request afresh and needs no key.
 */
export const withKeys = <P extends { shows: Shows }>(hub: Hub, list: readonly P[]): Promise<(Omit<P, 'shows'> & { cacheKey?: string })[]> =>
	Promise.all(list.map(async ({ shows, ...rest }) => (hub.preview ? rest : { ...rest, cacheKey: await routeKey(hub, shows) })));
