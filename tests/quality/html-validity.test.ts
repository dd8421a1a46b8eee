import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../helpers/build-hub';
import { formatHtmlErrors, validateHtml } from '../helpers/gates/html-validity';
import { htmlPages } from './pages';

const BROKEN = path.join(ROOT, 'tests/fixtures/broken');

describe('valid HTML (Nu Html Checker)', () => {
	it('finds no error on any page of the example hub', async () => {
		const dist = inject('exampleDist');
		const pages = await htmlPages(dist);
		expect(pages.length).toBeGreaterThan(20);
		const started = performance.now();
		const errors = await validateHtml(pages.map((page) => path.join(dist, page)));
		console.info(`vnu checked ${pages.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
		expect(formatHtmlErrors(errors, dist)).toBe('');
	});

	it('fails a page with a duplicate id and a list item outside a list, and passes a clean one', async () => {
		const errors = await validateHtml([path.join(BROKEN, 'invalid-html/index.html'), path.join(BROKEN, 'clean/index.html')]);
		expect(errors.map((error) => path.relative(BROKEN, error.file))).not.toContain('clean/index.html');
		expect(errors.map((error) => error.message)).toEqual(
			expect.arrayContaining([expect.stringContaining('Duplicate ID'), expect.stringContaining('“li” not allowed')]),
		);
	});
});
