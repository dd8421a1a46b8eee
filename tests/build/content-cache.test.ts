/**
 * The content cache (MDX rendered at sync, kept between builds) and the emails Astro's incremental
 * build copies from the last build must never show stale text: not when one checkout builds hubs
 * from several content folders (`HOURGLASS_CONTENT`), not when an entry or the hub's settings
 * change, not when the renderer or the email's code changes. These builds share one project copy
 * and its default cache, as a writer's checkout would.
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

/** Replaces every `from` in a file, which must hold it: an edit that changes nothing would prove nothing. */
async function rewrite(file: string, from: string, to: string): Promise<void> {
	const text = await fs.readFile(file, 'utf8');
	expect(text).toContain(from);
	await fs.writeFile(file, text.replaceAll(from, to));
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

		await rewrite(path.join(project, 'src/content/render/code.ts'), '`hl-${colourName(value)}`', '`hx-${colourName(value)}`');
		const after = await build(heron);
		expect(after.code, after.output).toBe(0);
		expect(await page()).toMatch(/class="hx-[0-9a-f]{6}/);
		expect(await page()).not.toMatch(/class="hl-[0-9a-f]{6}/);
	});

	it('composes again the emails whose entry, settings or code changed, and copies the others', async () => {
		const content = await hub('cache-hub-email', 'Egret drills start in May');
		const emails = async (dist: string) => {
			const read = (file: string) => fs.readFile(path.join(dist, file), 'utf8');
			return {
				drill: (await read('papers/phishing-drill/email.html')) + (await read('papers/phishing-drill/email.txt')),
				other: (await read('papers/cloud-savings/email.html')) + (await read('papers/cloud-savings/email.txt')),
			};
		};
		const first = await build(content);
		expect(first.code, first.output).toBe(0);
		expect((await emails(first.dist)).drill).toContain('Egret drills start in May');

		await rewrite(path.join(content, PAPER), 'Egret drills start in May', 'Egret drills start in August');
		const edited = await build(content);
		expect(edited.code, edited.output).toBe(0);
		const afterEdit = await emails(edited.dist);
		expect(afterEdit.drill).toContain('Egret drills start in August');
		expect(afterEdit.drill).not.toContain('in May');
		// The paper nobody edited came from the last build.
		expect(edited.output).toMatch(/cloud-savings\/email\.html \(restored\)/);

		await rewrite(path.join(content, 'hub.yaml'), 'title: Fixture Hub', 'title: Renamed Hub');
		const renamed = await build(content);
		expect(renamed.code, renamed.output).toBe(0);
		for (const email of Object.values(await emails(renamed.dist))) {
			expect(email).toContain('Renamed Hub');
			expect(email).not.toContain('Fixture Hub');
		}

		// The email's words live in the dictionary: a changed message is changed code for every email.
		await rewrite(
			path.join(project, 'src/content/i18n/en.ts'),
			"'entry.whyItMatters': 'Why it matters to the business'",
			"'entry.whyItMatters': 'What the business gains'",
		);
		const recoded = await build(content);
		expect(recoded.code, recoded.output).toBe(0);
		for (const email of Object.values(await emails(recoded.dist))) {
			expect(email).toContain('What the business gains');
			expect(email).not.toContain('Why it matters');
		}
	});
});
