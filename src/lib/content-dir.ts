import path from 'node:path';

/**
 * Where the hub's writing lives. `HOURGLASS_CONTENT` lets tests and the benchmark build other hubs
 * with the same code; writers never need it.
 */
export function contentDir(cwd: string = process.cwd()): string {
	return path.resolve(cwd, process.env.HOURGLASS_CONTENT ?? 'content');
}

/**
 * The folders under the content root that hold one entry per file, and the files each reads.
 * Astro's loaders (src/content.config.ts) and the hub's id checks (src/lib/hub.ts) both read this,
 * so they always see the same files. Topics live in one file, `topics.yaml`.
 */
export const COLLECTION_FILES = {
	papers: '**/*.mdx',
	'case-studies': '**/*.mdx',
	metrics: '**/*.{yaml,yml}',
	newsletters: '**/*.mdx',
	segments: '**/*.{yaml,yml}',
	authors: '**/*.{yaml,yml}',
} as const;
