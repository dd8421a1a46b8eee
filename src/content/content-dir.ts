import path from 'node:path';

/**
 * Where the hub's writing lives. `HOURGLASS_CONTENT` lets tests and the benchmark build other hubs
 * with the same code; writers never need it.
 */
export function contentDir(cwd: string = process.cwd()): string {
	return path.resolve(cwd, process.env.HOURGLASS_CONTENT ?? 'content');
}

/** The id the hub gives a file: its name without the extension. */
export const idFromFile = (file: string): string => path.basename(file).replace(/\.[^.]+$/, '');
