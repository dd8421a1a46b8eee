import { parseFeed } from '@rowanmanning/feed-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHub, copyFixture, listFiles } from '../helpers/build-hub';

const NOW = '2026-06-15';

/** Every item guid of every feed of a built hub, by feed file. */
async function guidsByFeed(dist: string): Promise<Record<string, (string | null)[]>> {
	const files = (await listFiles(path.join(dist, 'feeds'))).filter((file) => file.endsWith('.xml'));
	const entries = await Promise.all(
		files.map(
			async (file) => [file, parseFeed(await fs.readFile(path.join(dist, 'feeds', file), 'utf8')).items.map((item) => item.id)] as const,
		),
	);
	return Object.fromEntries(entries);
}

describe('feeds of the fixture hub, before and after a writer edits an entry', () => {
	it('keeps every guid when a body and title change, and gives a segment with no entries a valid empty feed', async () => {
		const content = await copyFixture('tests/fixtures/basic/content', 'feeds-edit-content');
		await fs.writeFile(
			path.join(content, 'segments/warehouse.yaml'),
			'name: Warehouse\naudience: Colleagues at the distribution centre, who have nothing written for them yet.\ncares: [stock]\n',
		);
		const before = await buildHub({ name: 'feeds-edit-before', content, now: NOW });
		expect(before.code, before.output).toBe(0);

		const paper = path.join(content, 'papers/cloud-savings.mdx');
		const source = await fs.readFile(paper, 'utf8');
		await fs.writeFile(
			paper,
			source
				.replace('Cloud savings: what moving saves us', 'Cloud savings, revised')
				.replace('## What changes', 'A new paragraph, Obsidiane, added after review.\n\n## What changes'),
		);
		const after = await buildHub({ name: 'feeds-edit-after', content, now: NOW });
		expect(after.code, after.output).toBe(0);

		const edited = parseFeed(await fs.readFile(path.join(after.dist, 'feeds/all.xml'), 'utf8')).items.find(
			(item) => item.title === 'Cloud savings, revised',
		);
		expect(edited?.content).toContain('Obsidiane');
		const guids = await guidsByFeed(before.dist);
		expect(Object.keys(guids)).toContain('warehouse.xml');
		expect(guids['all.xml']).toContain(edited?.id);
		expect(await guidsByFeed(after.dist)).toEqual(guids);

		const emptyXml = await fs.readFile(path.join(before.dist, 'feeds/warehouse.xml'), 'utf8');
		expect(SyntaxValidator.validate(emptyXml)).toBe(true);
		const empty = parseFeed(emptyXml);
		expect(empty.items).toEqual([]);
		expect(empty.title).toBe('Fixture Hub: Warehouse');
		expect(empty.description).toBe('Colleagues at the distribution centre, who have nothing written for them yet.');
	});
});

describe('a topic id that is not safe in a URL', () => {
	it('fails the build naming content/topics.yaml and the id', async () => {
		const content = await copyFixture('tests/fixtures/basic/content', 'feeds-bad-topic-content');
		const topics = path.join(content, 'topics.yaml');
		await fs.appendFile(topics, '- id: Big Data!\n  name: Big data\n  description: Large amounts of data and what we do with them.\n');
		const build = await buildHub({ name: 'feeds-bad-topic', content, now: NOW });
		expect(build.code).not.toBe(0);
		expect(build.output).toMatch(/content\/topics\.yaml id: expected a name of lower-case letters.*; found "Big Data!"/);
	});
});
