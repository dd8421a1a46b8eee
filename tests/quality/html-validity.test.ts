import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../helpers/build-hub';
import { formatHtmlErrors, validateHtml, type HtmlError } from '../helpers/gates/html-validity';
import { htmlPages } from './pages';

const BROKEN = path.join(ROOT, 'tests/fixtures/broken');
const FIXTURES = ['invalid-html/index.html', 'clean/index.html'].map((page) => path.join(BROKEN, page));

describe('valid HTML (Nu Html Checker)', () => {
	const dist = inject('exampleDist');
	let pages: string[] = [];
	let errors: HtmlError[] = [];

	beforeAll(async () => {
		pages = await htmlPages(dist);
		const started = performance.now();
		// One Java run for the hub and the broken fixtures: the JVM takes seconds to start.
		errors = await validateHtml([...pages.map((page) => path.join(dist, page)), ...FIXTURES]);
		console.info(`vnu checked ${pages.length + FIXTURES.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	});

	it('finds no error on any page of the example hub', () => {
		expect(pages.length).toBeGreaterThan(20);
		expect(
			formatHtmlErrors(
				errors.filter((error) => error.file.startsWith(dist)),
				dist,
			),
		).toBe('');
	});

	it('fails a page with a duplicate id and a list item outside a list, and passes a clean one', () => {
		const fixtureErrors = errors.filter((error) => error.file.startsWith(BROKEN));
		expect(fixtureErrors.map((error) => path.relative(BROKEN, error.file))).not.toContain('clean/index.html');
		expect(fixtureErrors.map((error) => error.message)).toEqual(
			expect.arrayContaining([expect.stringContaining('Duplicate ID'), expect.stringContaining('“li” not allowed')]),
		);
	});
});
