/**
 * Images stored beside an entry (`![Till queue](./queue.png)`). Astro no longer handles them once
 * the hub renders MDX itself, so the renderer gives each a content-hashed name (a changed picture
 * gets a new URL, so caches can keep images forever) with its width and height (no layout shift),
 * and the site serves the images of published entries only (src/pages/images/[name].ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { withBase } from '../paths';

export interface EntryImage {
	/** Absolute path of the file beside the entry. */
	source: string;
	/** `queue.3f2a9c1e.png` */
	name: string;
	/** Where the site serves it, base included. */
	url: string;
	width: number | undefined;
	height: number | undefined;
}

/** The route images are served from, relative to the base. */
export const IMAGES_ROUTE = 'images/';

const resolve = (entryPath: string, src: string) => path.resolve(path.dirname(entryPath), decodeURI(src.split(/[?#]/)[0]!));

export const localImage = {
	exists: (entryPath: string, src: string): boolean => fs.existsSync(resolve(entryPath, src)),
	describe(entryPath: string, src: string, base: string): EntryImage {
		const source = resolve(entryPath, src);
		const bytes = fs.readFileSync(source);
		const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
		const extension = path.extname(source).toLowerCase();
		const name = `${path.basename(source, path.extname(source))}.${hash}${extension}`;
		let size: { width?: number; height?: number } = {};
		try {
			size = imageSize(bytes);
		} catch {
			// A format image-size does not know still ships, without dimensions.
		}
		return { source, name, url: withBase(base, IMAGES_ROUTE + name), width: size.width, height: size.height };
	},
};
