/**
 * Components writers may use in MDX without importing them. Pages and feeds pass this same map
 * to `<Content components={…}>`, so an entry renders the same everywhere. The hub checks every
 * use of the metric components while loading (`metricUsages` in src/hub/metrics.ts).
 */
import Metric from './metrics/Metric.astro';
import MetricValue from './metrics/MetricValue.astro';
import MdxLink from './MdxLink.astro';

// typescript-eslint cannot type `.astro` imports in a `.ts` file (only Astro's language server can).
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
export const mdxComponents = { a: MdxLink, Metric, MetricValue };
