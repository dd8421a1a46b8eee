/**
 * The hub's logo as email can show it. Outlook (which draws mail with Word) and Gmail show no SVG,
 * so the build draws the SVG logo as a PNG, and the masthead shows it by absolute URL like any
 * picture a mail program fetches. No file system here: the SVG comes in as bytes.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';

/**
 * The box the logo is shown in, in CSS pixels: as tall as the masthead's two lines of text, and
 * wide enough for a wordmark without crowding the hub's name.
 */
const BOX = { width: 200, height: 40 };

/** Drawn at twice the size it is shown at, so it stays sharp on high-density screens and phones. */
export const LOGO_SCALE = 2;

export interface LogoPng {
	/** `logo.3f2a9c1e.png`: named by its content, so servers may cache it for good and a changed logo gets a new URL. */
	name: string;
	/** Plain bytes (not a Node Buffer), which a Response takes as its body. */
	png: Uint8Array<ArrayBuffer>;
	/** The size the email shows it at, in CSS pixels; the PNG is `LOGO_SCALE` times that. */
	width: number;
	height: number;
}

/** The SVG drawn as a PNG that fits `BOX` at `LOGO_SCALE`, keeping its proportions. */
export async function logoPng(svg: Buffer): Promise<LogoPng> {
	// The SVG's own size (its width and height, or its viewBox) at 72 dpi, sharp's unit for vector input.
	const own = await sharp(svg).metadata();
	const fit = Math.min(BOX.width / own.width, BOX.height / own.height);
	const width = Math.max(1, Math.round(own.width * fit));
	const height = Math.max(1, Math.round(own.height * fit));
	// Drawn at the density that gives the PNG's size directly, rather than scaling a small bitmap up.
	const png = new Uint8Array(
		await sharp(svg, { density: 72 * fit * LOGO_SCALE })
			.resize({ width: width * LOGO_SCALE, height: height * LOGO_SCALE, fit: 'fill' })
			.png()
			.toBuffer(),
	);
	const hash = createHash('sha256').update(png).digest('hex').slice(0, 8);
	return { name: `logo.${hash}.png`, png, width, height };
}
