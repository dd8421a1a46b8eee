/**
 * The writers' preview (`astro dev`) reads the hub's entries from Astro's content layer in memory,
 * as the loaders hold them, instead of from the data store file Astro writes for `getCollection()`.
 *
 * Astro saves its whole data store (3.6 MB at 1,000 papers) half a second after the last change,
 * and the dev server then parses it again as a module before `getCollection()` sees the edit: a
 * saved paper took 0.8 s on an idle machine, and up to 3.8 s on a busy one, to show. Here the
 * loaders (src/content/loader.ts) publish each collection once it has been synced, or once their
 * watcher has handled an edit of one of its files; the preview's integration
 * (src/integrations/preview-mode.ts) counts changes to the files the hub reads itself (hub.yaml,
 * contacts, inbox, ledger) and, on every change, clears the dev server's cache of
 * `getStaticPaths()` and reloads the browser.
 *
 * Astro loads the loaders, the integrations and the pages as separate instances of these modules
 * in one process, so what they share lives on `globalThis`.
 */
import type { CollectionEntry, CollectionKey } from 'astro:content';
import type { LoaderContext } from 'astro/loaders';

interface LiveContent {
	/** Each collection's entries, as `getCollection()` would give them once Astro has saved its store. */
	collections: Map<string, readonly object[]>;
	/** The loader's own entry objects they were made from. */
	sources: Map<string, readonly object[]>;
	/** Goes up with every change the hub must show: a collection published again, a file the hub reads itself. */
	version: number;
	listeners: Set<() => void>;
	/** Which files each collection's loader reads, and publishes itself. */
	owners: Map<string, (file: string) => boolean>;
}

const KEY = Symbol.for('hourglass.live-content');

function live(): LiveContent {
	const shared = globalThis as { [KEY]?: LiveContent };
	return (shared[KEY] ??= { collections: new Map(), sources: new Map(), version: 0, listeners: new Set(), owners: new Map() });
}

/** Something the hub shows has changed: the preview works the hub out again on the next request. */
export function contentChanged(): void {
	const state = live();
	state.version++;
	for (const listener of state.listeners) listener();
}

/**
 * The code has changed: what the code before it worked out from the content is worked out again,
 * and Vite updates the browser itself (a style sheet without reloading the page).
 */
export function codeChanged(): void {
	live().version++;
}

/**
 * Publishes what a loader holds for its collection. Astro's `getCollection()` adds the collection's
 * name and resolves `image()` fields of the data, which the hub's schemas do not have (images in
 * bodies are the loader's own, src/content/render/images.ts).
 */
export function publishCollection(collection: string, store: Pick<LoaderContext['store'], 'values'>): void {
	const state = live();
	const entries = store.values();
	const published = state.sources.get(collection);
	// Astro stores a new object for every changed entry; the watcher reports some saves twice.
	if (published?.length === entries.length && entries.every((entry, at) => entry === published[at])) return;
	state.sources.set(collection, entries);
	state.collections.set(
		collection,
		entries.map((entry) => ({ ...entry, collection })),
	);
	contentChanged();
}

/** The entries of a collection as its loader last published them; undefined outside the preview. */
export function liveEntries<C extends CollectionKey>(collection: C): CollectionEntry<C>[] | undefined {
	const entries = live().collections.get(collection) as CollectionEntry<C>[] | undefined;
	return entries && [...entries];
}

/** A number that changes whenever something the hub shows has changed. */
export const contentVersion = (): number => live().version;

/** Calls `listener` after every change; returns what stops it. */
export function onContentChange(listener: () => void): () => void {
	const { listeners } = live();
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/**
 * The watcher Astro gives a loader under `astro dev`, which publishes `collection` once the
 * loader's own handler of a change to one of its files (`owns`) has finished: never half-way
 * through a re-sync (the file loader clears its collection before it stores the file's items again).
 */
export function publishingWatcher(
	collection: string,
	watcher: NonNullable<LoaderContext['watcher']>,
	owns: (file: string) => boolean,
	publish: () => void,
): NonNullable<LoaderContext['watcher']> {
	live().owners.set(collection, owns);
	return new Proxy(watcher, {
		get(target, property) {
			if (property === 'on') {
				return (event: string, listener: (file: string, ...rest: unknown[]) => unknown) =>
					target.on(event, (file: string, ...rest: unknown[]) => {
						// A handler that fails keeps Astro's own report of it (an unhandled rejection, as before).
						void Promise.resolve(listener(file, ...rest)).finally(() => {
							if (owns(file)) publish();
						});
					});
			}
			const value: unknown = Reflect.get(target, property);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}

/** Whether a loader reads `file` (and so publishes its change itself, once stored). */
export const readByLoader = (file: string): boolean => [...live().owners.values()].some((owns) => owns(file));
