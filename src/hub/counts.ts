/**
 * What an audience (segment), a topic or the whole hub offers to read, and so how much: the one
 * answer the home page, the audience and topic pages, /subscribe/ and the feeds all give. Reading
 * is papers, case studies and newsletter issues; metrics are measures and campaigns are programmes
 * of work, and each is shown as such.
 */
import type { Locale } from '../content/i18n';
import { forSegment, forTopic, type AnyItem, type CampaignItem, type Hub, type MetricItem } from './hub';

export type ReadingItem = Exclude<AnyItem, MetricItem | CampaignItem>;

/** The whole hub, one audience or one topic: the same scopes the feeds have. */
export interface Scope {
	scope: 'all' | 'segment' | 'topic';
	/** `all`, or the segment or topic id. */
	id: string;
}

const listedIn = (hub: Hub, { scope, id }: Scope): AnyItem[] =>
	scope === 'segment' ? forSegment(hub, id) : scope === 'topic' ? forTopic(hub, id) : hub.listed;

const isReading = (item: AnyItem): item is ReadingItem => item.kind !== 'metric' && item.kind !== 'campaign';
const isMetric = (item: AnyItem): item is MetricItem => item.kind === 'metric';

/** Listed papers, case studies and issues in a scope, newest first. */
export const readingIn = (hub: Hub, scope: Scope): ReadingItem[] => listedIn(hub, scope).filter(isReading);

/** How many there are: the number every page shows for the scope. */
export const readingCount = (hub: Hub, scope: Scope): number => readingIn(hub, scope).length;

/** Listed metrics in a scope, by title. */
export const metricsIn = (hub: Hub, scope: Scope): MetricItem[] =>
	listedIn(hub, scope)
		.filter(isMetric)
		.sort((a, b) => a.title.localeCompare(b.title));

/** "1 paper, case study or issue", "12 papers, case studies and issues": what a count counts, said once. */
export const readingCountLabel = (locale: Locale, count: number): string => locale.t('count.reading', { count });
