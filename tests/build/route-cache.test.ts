/**
 * Astro's incremental build with the hub's route keys (`src/hub/route-key.ts`): a rebuild renders
 * again exactly the routes whose output changes, copies every other keyed route from the last
 * build, and publishes the same bytes a cold build of the same content does, search index included
 * (written over the published fragments of the pages that did not change: src/integrations/search.ts).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHub, copyFixture, isolatedProject, listFiles, ROOT, TMP, type BuildResult } from '../helpers/build-hub';

const NOW = '2026-06-15';
const PAPER = 'papers/cloud-savings.mdx';
const OLD_TITLE = 'Cloud savings: what moving saves us';
const NEW_TITLE = 'Cloud savings: what moving to hosted storage saves us';

/** Output files of the routes Astro rendered and of those it copied from the last build, from its log. */
function routes(build: BuildResult): { rendered: Set<string>; restored: Set<string> } {
	const rendered = new Set<string>();
	const restored = new Set<string>();
	for (const line of build.output.split('\n')) {
		const match = /[├└]─ \/(\S+) \((restored|cached|\+[^)]*)\)/.exec(line);
		if (match) (match[2] === 'restored' || match[2] === 'cached' ? restored : rendered).add(match[1]!);
	}
	return { rendered, restored };
}

async function mentioning(dist: string, files: Iterable<string>, text: string): Promise<Set<string>> {
	const hits = await Promise.all(
		[...files].map(async (file) => ((await fs.readFile(path.join(dist, file), 'utf8')).includes(text) ? file : '')),
	);
	return new Set(hits.filter(Boolean));
}

describe('a rebuild after one edit', () => {
	let content: string;
	let project: string;
	let first: BuildResult;
	let unchanged: BuildResult;
	let edited: BuildResult;
	/** The first build's output, kept: each build replaces `dist/`. */
	let before: string;
	/** The search index of the rebuild with nothing changed. */
	let keptIndex: string;
	beforeAll(async () => {
		content = await copyFixture('tests/fixtures/basic/content', 'route-cache-hub');
		project = await isolatedProject(path.join(TMP, 'route-cache'));
		// A rebuild keeps the published `dist/`, as a writer's checkout does: the search index reuses its fragments.
		const build = (keepDist = true) =>
			buildHub({ name: 'route-cache', project, content: path.relative(ROOT, content), now: NOW, keepDist });
		first = await build(false);
		expect(first.code, first.output).toBe(0);
		before = path.join(TMP, 'route-cache-before');
		await fs.rm(before, { recursive: true, force: true });
		await fs.cp(first.dist, before, { recursive: true });
		unchanged = await build();
		expect(unchanged.code, unchanged.output).toBe(0);
		keptIndex = path.join(TMP, 'route-cache-unchanged-index');
		await fs.rm(keptIndex, { recursive: true, force: true });
		await fs.cp(path.join(unchanged.dist, 'pagefind'), keptIndex, { recursive: true });
		const file = path.join(content, PAPER);
		const text = await fs.readFile(file, 'utf8');
		expect(text).toContain(OLD_TITLE);
		await fs.writeFile(file, text.replace(OLD_TITLE, NEW_TITLE));
		edited = await build();
		expect(edited.code, edited.output).toBe(0);
	});

	it('copies every keyed route when nothing changed', () => {
		const { rendered, restored } = routes(unchanged);
		// Pages with a route of their own (the home page, the indexes) have no key and are always rendered.
		expect(rendered).toEqual(routes(first).rendered.difference(routes(first).restored).difference(restored));
		expect(restored.size).toBeGreaterThan(rendered.size);
		expect(restored).toContain('papers/cloud-savings/index.html');
	});

	it('keeps the published search index when nothing searchable changed, without running Pagefind', async () => {
		expect(unchanged.output).toMatch(/nothing searchable changed, the published search index is kept/);
		const files = await listFiles(path.join(before, 'pagefind'));
		expect(await listFiles(keptIndex)).toEqual(files);
		for (const file of files) {
			const [a, b] = await Promise.all([fs.readFile(path.join(before, 'pagefind', file)), fs.readFile(path.join(keptIndex, file))]);
			expect(a.equals(b), file).toBe(true);
		}
	});

	it('renders again the page whose title changed and every page, feed and email that shows it, and no other', async () => {
		const alwaysRendered = routes(unchanged).rendered;
		const { rendered, restored } = routes(edited);
		const keyed = new Set([...rendered, ...restored]).difference(alwaysRendered);
		const showedOld = await mentioning(before, keyed, OLD_TITLE);
		const showsNew = await mentioning(edited.dist, keyed, NEW_TITLE);
		expect(showsNew).toEqual(showedOld);
		// Its page and emails, the pages of its audiences, topic and author, its feeds, other papers' related reading.
		expect([...showsNew]).toEqual(
			expect.arrayContaining([
				'papers/cloud-savings/index.html',
				'papers/cloud-savings/email.html',
				'segments/finance/index.html',
				'topics/cloud/index.html',
				'authors/ada-lovelace/index.html',
				'feeds/finance.xml',
			]),
		);
		expect(rendered.intersection(keyed)).toEqual(showsNew);
		expect(restored.size).toBeGreaterThan(0);
	});

	it('publishes the same bytes as a cold build of the same content', async () => {
		const cold = await buildHub({ name: 'route-cache-cold', content: path.relative(ROOT, content), now: NOW });
		expect(cold.code, cold.output).toBe(0);
		const files = await listFiles(cold.dist);
		expect(await listFiles(edited.dist)).toEqual(files);
		const differing: string[] = [];
		for (const file of files) {
			const [a, b] = await Promise.all([fs.readFile(path.join(cold.dist, file)), fs.readFile(path.join(edited.dist, file))]);
			if (!a.equals(b)) differing.push(file);
		}
		expect(differing).toEqual([]);
		// Pagefind wrote the fragments of the edited pages only; a cold build has none to reuse.
		const reused = (build: BuildResult) => Number(/fragments of (\d+) unchanged pages reused/.exec(build.output)?.[1]);
		expect(reused(cold)).toBe(0);
		const fragments = (await fs.readdir(path.join(cold.dist, 'pagefind/fragment'))).length;
		expect(reused(edited)).toBeGreaterThan(0);
		expect(reused(edited)).toBeLessThan(fragments);
	});
});
