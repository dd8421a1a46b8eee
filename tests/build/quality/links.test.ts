import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../helpers/build-hub';
import { checkLinks, formatBrokenLinks } from '../../helpers/link-check';
import { rebaseLink } from '../../../src/content/paths';

const SITE = 'https://intranet.example';

describe('internal links and assets', () => {
	it('all resolve, and no page or stylesheet loads a file from another origin, in the example hub built at /', async () => {
		const broken = await checkLinks({ dist: inject('exampleDist'), base: '/', site: SITE });
		expect(formatBrokenLinks(broken)).toBe('');
	});

	it('all resolve, and nothing loads from another origin, in the example hub built under --base /it/', async () => {
		const broken = await checkLinks({ dist: inject('exampleItDist'), base: '/it/', site: SITE });
		expect(formatBrokenLinks(broken)).toBe('');
	});

	it('reports dead pages, assets, srcset images, CSS url()s, fragments and absolute links to the hub, with the page they are on', async () => {
		const broken = await checkLinks({ dist: path.join(ROOT, 'tests/fixtures/broken'), base: '/', site: SITE });
		const onDeadLinkPage = broken.filter((link) => link.page === 'dead-link/index.html');
		expect(onDeadLinkPage.map(({ url, reason }) => ({ url, reason }))).toEqual(
			expect.arrayContaining([
				{ url: '/missing.css', reason: 'no such file' },
				{ url: '../no-such-page/', reason: 'no such file' },
				{ url: '../clean/#no-such-section', reason: 'no element with id "no-such-section"' },
				{ url: '../chart-2x.svg', reason: 'no such file' },
				{ url: 'https://intranet.example/papers/gone/', reason: 'no such file' },
			]),
		);
		expect(onDeadLinkPage).toHaveLength(5);
		expect(broken).toContainEqual({ page: 'dead-link/dead.css', url: 'missing.png', reason: 'no such file' });
		expect(broken.filter((link) => link.page === 'clean/index.html')).toEqual([]);
	});

	it('reports a file loaded from another origin, but not a link a reader follows there', async () => {
		const broken = await checkLinks({ dist: path.join(ROOT, 'tests/fixtures/broken'), base: '/', site: SITE });
		expect(broken.filter((link) => link.page === 'outside-font/index.html')).toEqual([
			{
				page: 'outside-font/index.html',
				url: 'https://fonts.googleapis.com/css2?family=Inter&display=swap',
				reason: 'loaded from https://fonts.googleapis.com, outside the site',
			},
		]);
		expect(broken.map((link) => link.url)).not.toContain('https://example.org/');
	});

	it('reports a link that escapes the base, as a hard-coded root link would under /it/', async () => {
		const broken = await checkLinks({ dist: path.join(ROOT, 'tests/fixtures/broken'), base: '/broken/', site: SITE });
		expect(broken).toContainEqual({ page: 'dead-link/index.html', url: '/missing.css', reason: 'outside the base /broken/' });
	});
});

describe('rebaseLink (links writers put in MDX)', () => {
	it('gives root-relative hub routes the base, once, and leaves other links alone', () => {
		expect(rebaseLink('/papers/x/', '/it/')).toBe('/it/papers/x/');
		expect(rebaseLink('/it/papers/x/', '/it/')).toBe('/it/papers/x/');
		expect(rebaseLink('/papers/x/', '/')).toBe('/papers/x/');
		for (const other of ['../x/', '#part', '//cdn.example/x', 'https://example.org/', 'mailto:it@example.org']) {
			expect(rebaseLink(other, '/it/')).toBe(other);
		}
	});
});
