// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// The benchmark's yardstick: what a plain Astro blog needs to build the same posts. Packages resolve
// from the repository's node_modules (two folders up), so the versions match the hub's.
export default defineConfig({
	site: 'https://baseline.example',
	cacheDir: process.env.BENCH_CACHE_DIR ?? './node_modules/.astro',
	build: { format: 'directory' },
	integrations: [mdx()],
});
