import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import type { z } from 'astro/zod';
import { authorSchema } from './content/schemas/author';
import { caseStudySchema } from './content/schemas/case-study';
import { metricSchema } from './content/schemas/metric';
import { newsletterSchema } from './content/schemas/newsletter';
import { paperSchema } from './content/schemas/paper';
import { segmentSchema } from './content/schemas/segment';
import { topicSchema } from './content/schemas/topic';
import { collectionPattern, contentDir, type FileCollection } from './content/content-dir';
import { idFromFile } from './checks/integrity';
import { reportSchemaProblems } from './content/schema-loader';

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
