/**
 * What the home page answers, "what has IT done for us lately?", as functions of the hub: the
 * lead story, what was published in the last 30 days, the campaigns that moved on, and the
 * metrics that need attention.
 */
import { readingIn, type ReadingItem } from './counts';
import type { StageId } from '../content/stages';
import { movedTo } from './campaigns';
import {
	liveCampaigns,
	type CampaignItem,
	type CaseStudyItem,
	type Hub,
	type MetricItem,
	type NewsletterItem,
	type PaperItem,
} from './hub';
import { metricStatus, type MetricStatus } from './metrics';

export type Lead =
	| { kind: 'newsletter'; item: NewsletterItem; highlights: (PaperItem | CaseStudyItem)[] }
	| { kind: 'writing'; item: PaperItem | CaseStudyItem };

/**
 * The latest newsletter issue, with the writing it features (its metrics are left to the
 * "needs attention" list, so no metric shows twice); without an issue, the newest featured case
 * study or paper, or else the newest of either.
 */
export function leadStory(hub: Hub): Lead | undefined {
	const reading = readingIn(hub, { scope: 'all', id: 'all' });
	const issue = reading.find((item): item is NewsletterItem => item.kind === 'newsletter');
	if (issue) {
		const writing = new Map<string, PaperItem | CaseStudyItem>(
			[...hub.papers, ...hub.caseStudies].map((item) => [`${item.entry.collection}/${item.id}`, item]),
		);
		const highlights = issue.entry.data.items.flatMap((ref) => {
			const target = 'paper' in ref ? ref.paper : 'caseStudy' in ref ? ref.caseStudy : undefined;
			const item = target && writing.get(`${target.collection}/${target.id}`);
			return item ? [item] : [];
		});
		return { kind: 'newsletter', item: issue, highlights };
	}
	const writing = reading.filter((item): item is PaperItem | CaseStudyItem => item.kind === 'paper' || item.kind === 'case-study');
	const featured = writing.find((item) => item.kind === 'case-study' && item.entry.data.featured);
	const item = featured ?? writing[0];
	return item && { kind: 'writing', item };
}

export const RECENT_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

export interface RecentGroup {
	kind: ReadingItem['kind'];
	items: ReadingItem[];
}

/** Papers, case studies and issues published in the last `days` before the build, by kind, newest first. */
export function publishedRecently(hub: Hub, exclude: readonly ReadingItem[] = [], days = RECENT_DAYS): RecentGroup[] {
	const since = hub.now.getTime() - days * DAY;
	const recent = readingIn(hub, { scope: 'all', id: 'all' }).filter((item) => item.date.getTime() > since && !exclude.includes(item));
	const kinds: ReadingItem['kind'][] = ['newsletter', 'paper', 'case-study'];
	return kinds.map((kind) => ({ kind, items: recent.filter((item) => item.kind === kind) })).filter((group) => group.items.length > 0);
}

export interface AttentionMetric {
	metric: MetricItem;
	status: Extract<MetricStatus, 'off-target' | 'at-risk'>;
}

/** Listed metrics off target or at risk, each once: off target first, then by title. */
export function needingAttention(hub: Hub): AttentionMetric[] {
	const order = { 'off-target': 0, 'at-risk': 1 } as const;
	return hub.listed
		.filter((item): item is MetricItem => item.kind === 'metric')
		.flatMap((metric) => {
			const status = metricStatus(metric.entry.data, hub.settings.atRiskTolerance);
			return status === 'off-target' || status === 'at-risk' ? [{ metric, status }] : [];
		})
		.sort((a, b) => order[a.status] - order[b.status] || a.metric.title.localeCompare(b.metric.title));
}

/** Live campaigns that reached a new stage in the last `days` before the build, with the stage reached. */
export function campaignsMoved(hub: Hub, days = RECENT_DAYS): { campaign: CampaignItem; reached: StageId | 'complete' }[] {
	return liveCampaigns(hub).flatMap((campaign) => {
		const reached = movedTo(campaign.entry.data, hub.now, days);
		return reached ? [{ campaign, reached }] : [];
	});
}
