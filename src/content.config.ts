import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import type { z } from 'astro/zod';
import { authorSchema } from './schemas/author';
import { caseStudySchema } from './schemas/case-study';
import { metricSchema } from './schemas/metric';
import { newsletterSchema } from './schemas/newsletter';
import { paperSchema } from './schemas/paper';
import { segmentSchema } from './schemas/segment';
import { topicSchema } from './schemas/topic';
import { contentDir } from './lib/content-dir';
import { reportSchemaProblems } from './lib/schema-loader';

const root = contentDir();
// Schema failures are reported through the hub's formatter (file:line, field, expected, found).
const from = (folder: string, pattern: string, schema: z.ZodType) =>
	reportSchemaProblems(glob({ pattern, base: `${root}/${folder}` }), schema);

export const collections = {
	papers: defineCollection({ loader: from('papers', '**/*.mdx', paperSchema), schema: paperSchema }),
	'case-studies': defineCollection({ loader: from('case-studies', '**/*.mdx', caseStudySchema), schema: caseStudySchema }),
	metrics: defineCollection({ loader: from('metrics', '**/*.{yaml,yml}', metricSchema), schema: metricSchema }),
	newsletters: defineCollection({ loader: from('newsletters', '**/*.mdx', newsletterSchema), schema: newsletterSchema }),
	segments: defineCollection({ loader: from('segments', '**/*.{yaml,yml}', segmentSchema), schema: segmentSchema }),
	authors: defineCollection({ loader: from('authors', '**/*.{yaml,yml}', authorSchema), schema: authorSchema }),
	topics: defineCollection({ loader: reportSchemaProblems(file(`${root}/topics.yaml`), topicSchema), schema: topicSchema }),
};
