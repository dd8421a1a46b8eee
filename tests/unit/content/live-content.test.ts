/**
 * What the preview's loaders publish (src/content/live-content.ts): a collection once a change of
 * one of its files has been handled, never half-way, and a change counted only when an entry did change.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import {
	codeChanged,
	contentChanged,
	contentVersion,
	liveEntries,
	onContentChange,
	publishCollection,
	publishingWatcher,
	readByLoader,
} from '../../../src/content/live-content';

type Watcher = NonNullable<LoaderContext['watcher']>;

/** A store as a loader holds it: Astro makes a new object for every entry it stores. */
function store() {
	const entries = new Map<string, { id: string; data: { title: string } }>();
	return {
		values: () => [...entries.values()],
		set: (id: string, title: string) => entries.set(id, { id, data: { title } }),
		delete: (id: string) => entries.delete(id),
	};
}

const titles = () => (liveEntries('papers') ?? []).map((entry) => (entry.data as { title: string }).title);

describe('the content the preview reads', () => {
	it('counts a published collection as a change only when an entry changed, and names its collection', () => {
		const papers = store();
		papers.set('cloud', 'Cloud');
		publishCollection('papers', papers);
		const version = contentVersion();
		expect(liveEntries('papers')).toEqual([{ id: 'cloud', data: { title: 'Cloud' }, collection: 'papers' }]);

		publishCollection('papers', papers);
		expect(contentVersion()).toBe(version);

		papers.set('cloud', 'Cloud, edited');
		publishCollection('papers', papers);
		expect(contentVersion()).toBe(version + 1);
		expect(titles()).toEqual(['Cloud, edited']);
	});

	it("publishes once the loader's handler of a change has finished, for its own files only", async () => {
		const papers = store();
		const published: string[][] = [];
		const stop = onContentChange(() => published.push(titles()));
		const emitter = new EventEmitter();
		const watcher = publishingWatcher(
			'papers',
			emitter as unknown as Watcher,
			(file) => file.startsWith('/hub/papers/'),
			() => {
				publishCollection('papers', papers);
			},
		);
		// A handler that stores in two steps, as the file loader clears its collection and then stores
		// each item; Astro's loaders register async handlers with the watcher, as here.
		const handler = async (file: string) => {
			if (!file.endsWith('.mdx')) return;
			papers.delete('tills');
			await Promise.resolve();
			papers.set('tills', 'New tills');
		};
		watcher.on('change', handler as (file: string) => void);
		papers.set('tills', 'Tills');
		publishCollection('papers', papers);
		published.length = 0;

		emitter.emit('change', '/hub/papers/tills.mdx');
		await new Promise((resolve) => setTimeout(resolve, 10));
		emitter.emit('change', '/hub/hub.yaml');
		await new Promise((resolve) => setTimeout(resolve, 10));
		stop();
		expect(published).toEqual([['New tills']]);
		expect(readByLoader('/hub/papers/tills.mdx')).toBe(true);
		expect(readByLoader('/hub/hub.yaml')).toBe(false);
	});

	it('tells every listener of a change of the content until it stops listening, and none of a change of the code', () => {
		let heard = 0;
		const stop = onContentChange(() => heard++);
		const version = contentVersion();
		contentChanged();
		codeChanged();
		expect(contentVersion()).toBe(version + 2);
		stop();
		contentChanged();
		expect(heard).toBe(1);
	});
});
