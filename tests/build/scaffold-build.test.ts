import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { readHub } from '../../src/tools/lint/entry';
import { checkSchemas } from '../../src/tools/lint/schema';
import { newEntry } from '../../src/tools/scaffold-cli';
import { buildHub, copyFixture, listFiles, ROOT } from '../helpers/build-hub';

describe('scaffolded entries in a build', () => {
	it('builds a hub with one new draft of every kind, campaigns included, and publishes none of them', async () => {
		const content = await copyFixture('tests/fixtures/basic/content', 'scaffold-build-content');
		process.env.HOURGLASS_CONTENT = content;
		process.env.HOURGLASS_NOW = '2026-06-15';
		const io = { out: () => undefined, err: () => undefined, gitEmail: () => undefined };
		try {
			expect(
				await newEntry(['paper', 'Scaffoldpaperword moves to the cloud', '-s', 'executives', '-t', 'cloud', '-a', 'ada-lovelace'], io),
			).toBe(0);
			expect(
				await newEntry(['case-study', 'Scaffoldcaseword in finance', '-s', 'finance', '-a', 'ada-lovelace', '--department', 'Finance'], io),
			).toBe(0);
			expect(await newEntry(['metric', 'Scaffoldmetricword orders', '-s', 'executives', '--unit', '%'], io)).toBe(0);
			expect(await newEntry(['newsletter', 'Scaffoldissueword summer'], io)).toBe(0);
			expect(await newEntry(['campaign', 'Scaffoldcampaignword for sales', '-s', 'executives', '-a', 'ada-lovelace'], io)).toBe(0);
		} finally {
			delete process.env.HOURGLASS_CONTENT;
			delete process.env.HOURGLASS_NOW;
		}
		const { problems } = await checkSchemas(readHub(content), new Date('2026-06-15'));
		expect(problems.map((p) => p.problem)).toEqual([]);

		const build = await buildHub({ name: 'scaffold-build', content: path.relative(ROOT, content), now: '2026-06-15' });
		expect(build.code, build.output).toBe(0);
		const files = await listFiles(build.dist);
		expect(files.some((file) => file.includes('scaffold'))).toBe(false);
		const pages = files.filter((file) => file.endsWith('.html') || file.endsWith('.xml'));
		for (const page of pages) {
			const text = fs.readFileSync(path.join(build.dist, page), 'utf8');
			const words = page.endsWith('.html') ? parse(text).textContent : text;
			expect(words, page).not.toMatch(/Scaffold(paper|case|metric|issue|campaign)word/);
		}
	});
});
