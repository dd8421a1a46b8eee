import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { listFiles, ROOT } from '../../helpers/build-hub';
import { formatHtmlErrors, htmlErrors, validateHtml, type HtmlError } from '../../helpers/gates/html-validity';
import { htmlPages, isEmail } from '../../browser/quality/pages';

const BROKEN = path.join(ROOT, 'tests/fixtures/broken');
const FIXTURES = ['invalid-html/index.html', 'clean/index.html'].map((page) => path.join(BROKEN, page));
/** `mso-hide` keeps an email's preheader out of Outlook's body; the checker does not know Microsoft's properties. */
const OUTLOOK_CSS = /^CSS: “mso-[a-z-]+”: Property “mso-[a-z-]+” doesn't exist\.$/;

describe('valid HTML (Nu Html Checker)', () => {
	const dist = inject('exampleDist');
	let pages: string[] = [];
	let emails: string[] = [];
	let errors: HtmlError[] = [];
	let checked = new Set<string>();
	const errorsIn = (files: readonly string[]) => errors.filter((error) => files.some((file) => error.file === path.join(dist, file)));

	beforeAll(async () => {
		pages = await htmlPages(dist);
		emails = (await listFiles(dist)).filter((file) => file.endsWith('.html') && isEmail(file));
		const files = [...pages, ...emails].map((file) => path.join(dist, file));
		checked = new Set([...files, ...FIXTURES]);
		const started = performance.now();
		// One Java run for the hub, its emails and the broken fixtures: the JVM takes seconds to start.
		errors = await validateHtml([...files, ...FIXTURES]);
		console.info(`vnu checked ${files.length + FIXTURES.length} files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	});

	it('reports every error against a file it was given', () => {
		expect(errors.filter((error) => !checked.has(error.file))).toEqual([]);
	});

	it('finds no error on any page of the example hub', () => {
		expect(pages.length).toBeGreaterThan(20);
		expect(formatHtmlErrors(errorsIn(pages), dist)).toBe('');
	});

	it('finds no error in the newsletter emails but the Outlook-only CSS they need', () => {
		expect(emails.length).toBeGreaterThan(0);
		expect(
			formatHtmlErrors(
				errorsIn(emails).filter((error) => !OUTLOOK_CSS.test(error.message)),
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

	it('fails when the checker reports a problem of its own, which names no file', () => {
		const page = { type: 'error', url: 'file:///dist/index.html', lastLine: 3, message: 'Stray end tag “p”.' } as const;
		expect(htmlErrors([page])).toEqual([{ file: '/dist/index.html', line: 3, message: 'Stray end tag “p”.', extract: undefined }]);
		expect(() => htmlErrors([page, { type: 'non-document-error', subType: 'internal', message: 'Oops.' }])).toThrow(
			'The Nu Html Checker failed: Oops.',
		);
	});
});
