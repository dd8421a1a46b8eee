import { defineCollection } from 'astro:content';
import { COLLECTIONS } from './content/kinds';
import { hubCollection, topicsCollection } from './content/loader';

/**
 * The collections of the hub's one table of kinds, read by the hub's loader: MDX bodies are
 * rendered once, here, and problems are reported file:line:col (src/content/loader.ts). An entry
 * is named after its file, wherever it sits in its folder.
 */
export const collections = {
	papers: defineCollection({ loader: hubCollection('papers'), schema: COLLECTIONS.papers.schema }),
	'case-studies': defineCollection({ loader: hubCollection('case-studies'), schema: COLLECTIONS['case-studies'].schema }),
	metrics: defineCollection({ loader: hubCollection('metrics'), schema: COLLECTIONS.metrics.schema }),
	newsletters: defineCollection({ loader: hubCollection('newsletters'), schema: COLLECTIONS.newsletters.schema }),
	campaigns: defineCollection({ loader: hubCollection('campaigns'), schema: COLLECTIONS.campaigns.schema }),
	testimonials: defineCollection({ loader: hubCollection('testimonials'), schema: COLLECTIONS.testimonials.schema }),
	systems: defineCollection({ loader: hubCollection('systems'), schema: COLLECTIONS.systems.schema }),
	segments: defineCollection({ loader: hubCollection('segments'), schema: COLLECTIONS.segments.schema }),
	authors: defineCollection({ loader: hubCollection('authors'), schema: COLLECTIONS.authors.schema }),
	topics: defineCollection({ loader: topicsCollection(), schema: COLLECTIONS.topics.schema }),
};
