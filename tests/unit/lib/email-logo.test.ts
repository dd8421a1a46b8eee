import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { logoPng } from '../../../src/outputs/email/logo';

const svg = (width: number, height: number, fill = '#0b5cad') =>
	Buffer.from(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="${fill}"/></svg>`,
	);

describe('logoPng', () => {
	it.each([
		{ logo: 'a square mark', size: [48, 48], shown: [40, 40] },
		{ logo: 'a wordmark five times as wide as tall', size: [500, 100], shown: [200, 40] },
		{ logo: 'a wordmark ten times as wide, kept within the masthead', size: [1000, 100], shown: [200, 20] },
		{ logo: 'a tall badge', size: [30, 120], shown: [10, 40] },
	])('shows $logo at its own proportions, drawn at twice that size', async ({ size: [width, height], shown }) => {
		const logo = await logoPng(svg(width!, height!));
		expect([logo.width, logo.height]).toEqual(shown);
		const png = await sharp(logo.png).metadata();
		expect(png.format).toBe('png');
		expect([png.width, png.height]).toEqual(shown.map((n) => n * 2));
	});

	it('draws the SVG edge to edge in its colours', async () => {
		const { channels } = await sharp((await logoPng(svg(48, 48, '#0b5cad'))).png).stats();
		expect(channels.map((channel) => [channel.min, channel.max])).toEqual([
			[11, 11],
			[92, 92],
			[173, 173],
			[255, 255],
		]);
	});

	it('names the file by its content: another logo, another name', async () => {
		const [blue, again, red] = await Promise.all([logoPng(svg(48, 48)), logoPng(svg(48, 48)), logoPng(svg(48, 48, '#b00020'))]);
		expect(blue.name).toMatch(/^logo\.[0-9a-f]{8}\.png$/);
		expect(again.name).toBe(blue.name);
		expect(red.name).not.toBe(blue.name);
	});
});
