import path from 'node:path';

/**
 * Where the hub's writing lives. `HOURGLASS_CONTENT` lets tests and the benchmark build other hubs
 * with the same code; writers never need it.
 */
export function contentDir(cwd: string = process.cwd()): string {
	return path.resolve(cwd, process.env.HOURGLASS_CONTENT ?? 'content');
}

/**
 * How a problem names a file: relative to where the command runs, as editors and terminals link
 * it, or whole when the hub lives outside that folder (`HOURGLASS_CONTENT=/srv/hub`), where a
 * path of `../../..` would say nothing.
 */
export function displayPath(absolute: string, cwd: string = process.cwd()): string {
	const relative = path.relative(cwd, absolute);
	return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}

/** The id the hub gives a file: its name without the extension. */
export const idFromFile = (file: string): string => path.basename(file).replace(/\.[^.]+$/, '');
