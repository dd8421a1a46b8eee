/**
 * The hub's logo in email: Outlook and Gmail show no SVG, so every email the build writes shows
 * the logo as a PNG on the hub, by absolute URL, drawn at twice the size it is shown at.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { listFiles, ROOT } from '../helpers/build-hub';
import { fixtureHub } from '../helpers/shared-build';

const SITE = 'https://intranet.example';

/** The masthead picture of an email, as the built HTML gives it. */
function mastheadImage(html: string) {
	const images = parse(html).querySelectorAll('.masthead img');
	return images.map((img) => ({
		src: img.getAttribute('src') ?? '',
		alt: img.getAttribute('alt'),
		width: Number(img.getAttribute('width')),
		height: Number(img.getAttribute('height')),
	}));
}

const builds = [
	{ name: 'at /', dist: () => inject('exampleDist'), root: `${SITE}/` },
	{ name: 'under /it/', dist: () => inject('exampleItDist'), root: `${SITE}/it/` },
];

describe.each(builds)('the example hub’s emails, built $name', ({ dist: distOf, root }) => {
	let dist: string;
	let emails: string[];
	let hubTitle: string;
	let svgRatio: number;
	beforeAll(async () => {
		dist = distOf();
		emails = (await listFiles(dist)).filter((file) => file.endsWith('email.html'));
		const settings = parseYaml(await fs.readFile(path.join(ROOT, 'content/hub.yaml'), 'utf8')) as { title: string; logo: string };
		hubTitle = settings.title;
		const svg = await sharp(path.join(ROOT, 'content', settings.logo)).metadata();
		svgRatio = svg.width / svg.height;
	});

	it('show the logo in every issue, paper and case study email: a PNG on the hub at twice its shown size, alt text the hub’s name', async () => {
		expect(emails.filter((file) => file.startsWith('newsletter/')).length).toBeGreaterThan(0);
		expect(emails.filter((file) => file.startsWith('papers/')).length).toBeGreaterThan(10);
		expect(emails.filter((file) => file.startsWith('case-studies/')).length).toBeGreaterThan(0);
		const sources = new Set<string>();
		for (const email of emails) {
			const images = mastheadImage(await fs.readFile(path.join(dist, email), 'utf8'));
			expect(images, email).toHaveLength(1);
			const [image] = images;
			expect(image!.alt, email).toBe(hubTitle);
			expect(image!.src, email).toMatch(new RegExp(`^${root.replace(/[/.]/g, '\\$&')}brand/logo\\.[0-9a-f]{8}\\.png$`));
			sources.add(image!.src);
			const png = await fs.readFile(path.join(dist, image!.src.slice(root.length)));
			const { format, width, height } = await sharp(png).metadata();
			expect(format).toBe('png');
			expect({ width, height }, email).toEqual({ width: image!.width * 2, height: image!.height * 2 });
			expect(image!.width / image!.height).toBeCloseTo(svgRatio, 1);
		}
		expect([...sources]).toHaveLength(1);
	});

	it('draws the logo itself into the PNG, not an empty picture', async () => {
		const src = mastheadImage(await fs.readFile(path.join(dist, emails[0]!), 'utf8'))[0]!.src;
		const { channels } = await sharp(path.join(dist, src.slice(root.length))).stats();
		// The example logo is a white arrow on a dark blue tile: red runs from the tile's 11 to white's 255.
		expect(channels[0]!.max - channels[0]!.min).toBeGreaterThan(200);
		expect(channels[3]!.max, 'opaque pixels').toBe(255);
	});

	it('keeps the logo in the .eml message Outlook opens', async () => {
		const eml = (await listFiles(dist)).find((file) => file.endsWith('.eml'))!;
		const mail = await simpleParser(await fs.readFile(path.join(dist, eml)));
		expect(mastheadImage(typeof mail.html === 'string' ? mail.html : '').map((image) => image.alt)).toEqual([hubTitle]);
	});
});

describe('a hub without a logo', () => {
	it('writes its emails without a picture, and no PNG', async () => {
		const build = await fixtureHub({ content: 'tests/fixtures/basic/content', now: '2026-06-15' });
		expect(build.code, build.output).toBe(0);
		const files = await listFiles(build.dist);
		const emails = files.filter((file) => file.endsWith('email.html'));
		expect(emails.length).toBeGreaterThan(1);
		for (const email of emails) expect(mastheadImage(await fs.readFile(path.join(build.dist, email), 'utf8')), email).toEqual([]);
		expect(files.filter((file) => file.endsWith('.png'))).toEqual([]);
	});
});
