import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectionPattern, inCollection } from '../../../src/content/kinds';

let dir: string;
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hourglass-kinds-'));
});
afterEach(() => {
	fs.rmSync(dir, { recursive: true, force: true });
});

describe("a collection's files", () => {
	it('are the same listed with inCollection as globbed with collectionPattern', () => {
		const files = [
			'cloud.mdx',
			'nested/tills.mdx',
			'notes.md',
			'cloud.mdx~',
			'.cloud.mdx.swp',
			'.#cloud.mdx',
			'.drafts/hidden.mdx',
			'ann.yaml',
			'bob.yml',
			'nested/.hidden/carl.yaml',
		];
		for (const file of files) {
			fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
			fs.writeFileSync(path.join(dir, file), '');
		}
		const listed = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
		for (const collection of ['papers', 'authors'] as const) {
			const globbed = fs.globSync(collectionPattern(collection), { cwd: dir }).sort();
			expect(listed.filter((file) => inCollection(collection, file)).sort()).toEqual(globbed);
		}
		expect(fs.globSync(collectionPattern('papers'), { cwd: dir }).sort()).toEqual(['cloud.mdx', path.join('nested', 'tills.mdx')]);
	});
});
