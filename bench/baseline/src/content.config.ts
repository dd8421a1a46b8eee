import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';

// The benchmark points this at the generated hub's papers folder.
const papers = process.env.BENCH_PAPERS;
if (!papers) throw new Error('BENCH_PAPERS must name the folder of generated papers');

export const collections = {
	posts: defineCollection({
		loader: glob({ pattern: '**/*.mdx', base: papers }),
		schema: z.object({ title: z.string(), summary: z.string(), published: z.coerce.date(), draft: z.boolean().default(false) }),
	}),
};
