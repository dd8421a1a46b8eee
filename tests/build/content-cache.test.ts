/**
 * The content cache (MDX rendered at sync, kept between builds) must never show stale HTML: not
 * when one checkout builds hubs from several content folders (`HOURGLASS_CONTENT`), not when the
 * renderer changes. These builds share one project copy and its default cache, as a writer's
 * checkout would.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHub, copyFixture, isolatedProject, listFiles, ROOT, TMP } from '../helpers/build-hub';

const NOW = '2026-06-15';
const PAPER = 'papers/phishing-drill.mdx';

async function hub(name: string, words: string): Promise<string> {
	const content = await copyFixture('tests/fixtures/basic/content', name);
	const file = path.join(content, PAPER);
	const text = await fs.readFile(file, 'utf8');
	await fs.writeFile(file, text.replace('Practice makes perfect', `${words}. Practice makes perfect`) + '\n```yaml\nstore: leeds\n```\n');
	return content;
}

/** Every text file of a built site that mentions `word`. */
async function filesWith(dist: string, word: string): Promise<string[]> {
	const files = (await listFiles(dist)).filter((file) => /\.(html|xml|txt|eml|json)$/.test(file));
	const hits = await Promise.all(
		files.map(async (file) => ((await fs.readFile(path.join(dist, file), 'utf8')).includes(word) ? file : '')),
	);
	return hits.filter(Boolean);
}

describe('one checkout, several content folders and a changed renderer', () => {
	let project: string;
	let kestrel: string;
	let heron: string;
	beforeAll(async () => {
		project = await isolatedProject(path.join(TMP, 'cache-checkout'));
		kestrel = await hub('cache-hub-kestrel', 'Kestrel drills start in June');
		heron = await hub('cache-hub-heron', 'Heron drills start in July');
	});
	const build = (content: string) => buildHub({ name: 'cache-checkout', project, content: path.relative(ROOT, content), now: NOW });

	it('shows no text of another folder whose entries have the same names, even after that folder is gone', async () => {
		const first = await build(kestrel);
		expect(first.code, first.output).toBe(0);
		expect(await filesWith(first.dist, 'Kestrel drills')).toContain('papers/phishing-drill/index.html');

		const second = await build(heron);
		expect(second.code, second.output).toBe(0);
		expect(await filesWith(second.dist, 'Heron drills')).toEqual(
			expect.arrayContaining(['papers/phishing-drill/index.html', 'feeds/all.xml']),
		);
		expect(await filesWith(second.dist, 'Kestrel')).toEqual([]);

		await fs.rm(path.dirname(kestrel), { recursive: true, force: true });
		const again = await build(heron);
		expect(again.code, again.output).toBe(0);
		expect(await filesWith(again.dist, 'Kestrel')).toEqual([]);
		expect(await filesWith(again.dist, 'Heron drills')).toContain('papers/phishing-drill/index.html');
	});

	it('renders every entry again when the renderer changes', async () => {
		const before = await build(heron);
		expect(before.code, before.output).toBe(0);
		const page = () => fs.readFile(path.join(before.dist, 'papers/phishing-drill/index.html'), 'utf8');
		expect(await page()).toMatch(/class="hl-[0-9a-f]{6}/);

		const code = path.join(project, 'src/content/render/code.ts');
		const source = await fs.readFile(code, 'utf8');
		expect(source).toContain('`hl-${colourName(value)}`');
		await fs.writeFile(code, source.replace('`hl-${colourName(value)}`', '`hx-${colourName(value)}`'));
		const after = await build(heron);
		expect(after.code, after.output).toBe(0);
		expect(await page()).toMatch(/class="hx-[0-9a-f]{6}/);
		expect(await page()).not.toMatch(/class="hl-[0-9a-f]{6}/);
	});
});
