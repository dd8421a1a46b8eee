import { describe, expect, it } from 'vitest';
import { paper, runRule } from './helpers';

describe('image-alt', () => {
	it('passes images with a description', () => {
		expect(
			runRule('image-alt', paper('![Queue length fell from twelve to four](queue.png)\n\n<img src="a.png" alt="The new till screen" />')),
		).toEqual([]);
	});

	it('reports a Markdown image without alt text at the image', () => {
		expect(runRule('image-alt', paper('Some text ![](chart.png) here.'))).toMatchObject([
			{ line: 10, column: 11, end: '10:25', message: 'The image has no alt text' },
		]);
	});

	it('reports alt text that is only a file name', () => {
		expect(runRule('image-alt', paper('![IMG_0042.jpg](IMG_0042.jpg)'))).toMatchObject([
			{ line: 10, column: 1, message: 'The alt text "IMG_0042.jpg" is a file name' },
		]);
	});

	it('reports a component image without an alt attribute', () => {
		expect(runRule('image-alt', paper('Text.\n\n<img src="a.png" />'))).toMatchObject([
			{ line: 12, column: 1, message: '<img> has no alt attribute' },
		]);
	});

	it('accepts alt="" as decorative unless told not to', () => {
		const source = paper('<img src="border.png" alt="" />');
		expect(runRule('image-alt', source)).toEqual([]);
		expect(runRule('image-alt', source, { options: { allowDecorative: false } })).toMatchObject([
			{ line: 10, column: 1, message: '<img> has empty alt text' },
		]);
	});
});
