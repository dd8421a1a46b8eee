/**
 * An entry's stored HTML (rendered once at content sync) holds a placeholder for each metric a
 * writer cited with `<Metric>` or `<MetricValue>`: the metric's figures change every month, the
 * entry's HTML does not. Pages fill the placeholders with the metric components; feeds and email
 * fill them with words, since charts do not travel.
 */
import { METRIC_PLACEHOLDER, type MetricDisplay } from '../content/render/render-mdx';

export type BodyPart = { html: string } | { metric: string; show: MetricDisplay };

/** The renderer writes every placeholder the same way, so this reads exactly what it wrote. */
const PLACEHOLDER = new RegExp(`<${METRIC_PLACEHOLDER} data-metric="([^"]*)" data-show="(card|value)"></${METRIC_PLACEHOLDER}>`, 'g');

/** The HTML cut at each metric placeholder, for a page to put a component in each gap. */
export function bodyParts(html: string): BodyPart[] {
	const parts: BodyPart[] = [];
	let last = 0;
	for (const match of html.matchAll(PLACEHOLDER)) {
		if (match.index > last) parts.push({ html: html.slice(last, match.index) });
		parts.push({ metric: match[1]!, show: match[2] as MetricDisplay });
		last = match.index + match[0].length;
	}
	if (last < html.length) parts.push({ html: html.slice(last) });
	return parts;
}

/** The HTML with each placeholder replaced by what `fill` writes for that metric. */
export const fillMetrics = (html: string, fill: (id: string, show: MetricDisplay) => string): string =>
	html.replace(PLACEHOLDER, (_match, id: string, show: MetricDisplay) => fill(id, show));
