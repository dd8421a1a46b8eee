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
import { collectionPattern, contentDir, type FileCollection } from './lib/content-dir';
import { idFromFile } from './lib/integrity';
import { reportSchemaProblems } from './lib/schema-loader';

const root = contentDir();

/**
 * An entry is named after its file (`idFromFile`), wherever it sits in its folder: ids become URLs,
 * and the hub's id checks (unsafe names, two files with one name) see exactly what Astro sees.
 * Schema failures are reported through the hub's formatter (file:line, field, expected, found).
 */
const collection = <S extends z.ZodType>(name: FileCollection, schema: S) =>
	defineCollection({
		loader: reportSchemaProblems(
			glob({ pattern: collectionPattern(name), base: `${root}/${name}`, generateId: ({ entry }) => idFromFile(entry) }),
			schema,
		),
		schema,
	});

export const collections = {
	papers: collection('papers', paperSchema),
	'case-studies': collection('case-studies', caseStudySchema),
	metrics: collection('metrics', metricSchema),
	newsletters: collection('newsletters', newsletterSchema),
	segments: collection('segments', segmentSchema),
	authors: collection('authors', authorSchema),
	topics: defineCollection({ loader: reportSchemaProblems(file(`${root}/topics.yaml`), topicSchema), schema: topicSchema }),
};
