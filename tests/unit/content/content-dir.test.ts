import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../../src/content/content-dir';

describe('how a problem names a file', () => {
	const cwd = path.resolve('/srv/hourglass');

	it('is relative to where the command runs, for a hub inside that folder', () => {
		expect(displayPath(path.join(cwd, 'content/papers/cloud.mdx'), cwd)).toBe(path.join('content', 'papers', 'cloud.mdx'));
	});

	it('is whole for a hub outside it, never a climb of ../..', () => {
		const outside = path.resolve('/tmp/hub/papers/cloud.mdx');
		expect(displayPath(outside, cwd)).toBe(outside);
	});
});
