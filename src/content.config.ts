import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { authorSchema } from './schemas/author';
import { caseStudySchema } from './schemas/case-study';
import { metricSchema } from './schemas/metric';
import { newsletterSchema } from './schemas/newsletter';
import { paperSchema } from './schemas/paper';
import { segmentSchema } from './schemas/segment';
import { topicSchema } from './schemas/topic';
import { contentDir } from './lib/content-dir';

const root = contentDir();
const from = (folder: string, pattern: string) => glob({ pattern, base: `${root}/${folder}` });

export const collections = {
	papers: defineCollection({ loader: from('papers', '**/*.mdx'), schema: paperSchema }),
	'case-studies': defineCollection({ loader: from('case-studies', '**/*.mdx'), schema: caseStudySchema }),
	metrics: defineCollection({ loader: from('metrics', '**/*.{yaml,yml}'), schema: metricSchema }),
	newsletters: defineCollection({ loader: from('newsletters', '**/*.mdx'), schema: newsletterSchema }),
	segments: defineCollection({ loader: from('segments', '**/*.{yaml,yml}'), schema: segmentSchema }),
	authors: defineCollection({ loader: from('authors', '**/*.{yaml,yml}'), schema: authorSchema }),
	topics: defineCollection({ loader: file(`${root}/topics.yaml`), schema: topicSchema }),
};
