import path from 'node:path';

/**
 * Where the hub's writing lives. `HOURGLASS_CONTENT` lets tests and the benchmark build other hubs
 * with the same code; writers never need it.
 */
export function contentDir(cwd: string = process.cwd()): string {
	return path.resolve(cwd, process.env.HOURGLASS_CONTENT ?? 'content');
}

/**
 * The folders under the content root that hold one entry per file, and the extensions each reads
 * (the first is what `npm run new` writes). Astro's loaders (src/content.config.ts), the hub's id
 * checks (src/hub/hub.ts) and the linter (src/tools/lint/kinds.ts) all read this, so they always see
 * the same files. Topics live in one file, `topics.yaml`.
 */
export const COLLECTION_EXTENSIONS = {
	papers: ['.mdx'],
	'case-studies': ['.mdx'],
	metrics: ['.yaml', '.yml'],
	newsletters: ['.mdx'],
	segments: ['.yaml', '.yml'],
	authors: ['.yaml', '.yml'],
} as const;

export type FileCollection = keyof typeof COLLECTION_EXTENSIONS;

/** The glob of a collection's files under its folder: every file with one of its extensions, at any depth. */
export function collectionPattern(name: FileCollection): string {
	const extensions: readonly string[] = COLLECTION_EXTENSIONS[name].map((extension) => extension.slice(1));
	return extensions.length === 1 ? `**/*.${extensions[0]}` : `**/*.{${extensions.join(',')}}`;
}
