/**
 * Newsletter issues beyond what the hub loads: the items of an issue as readers see them, which
 * issues featured an entry, the files an issue is sent as, and the plain model its email is
 * composed from. Pure: the hub comes in as an argument.
 */
import { accentHex } from '../content/brand';
import type { Locale } from '../content/i18n';
import type { EmailDetail, EmailIssue, EmailItem, EmailLogo } from './email';
import { emailReplies } from './email/model';
import { kindLabel } from '../content/kinds';
import type { CampaignItem, CaseStudyItem, Hub, MetricItem, NewsletterItem, PaperItem } from '../hub/hub';
import { progressAsOf, stageSummary } from '../hub/campaigns';
import { describeMetric, figuresAsOf } from '../hub/metrics';
import { absoluteUrl, paths } from '../content/paths';
import { itemRef } from '../content/schemas/newsletter';
import { locateProblems } from '../content/locate';
import { assertNoProblems, type Problem } from '../content/problems';
import { findReferences, unreadProblem } from '../checks/references';

/** What an issue can feature. */
export type FeaturedItem = PaperItem | CaseStudyItem | MetricItem | CampaignItem;

export interface IssueEntry {
	item: FeaturedItem;
	/** The issue's one-line blurb for the item, or the item's own summary. */
	blurb: string;
}

const key = (collection: string, id: string) => `${collection}/${id}`;

/** Named after the issue, so two downloaded issues do not overwrite each other. */
export const emlName = (number: number): string => `issue-${number}.eml`;

/** Files beside an issue's page that editors send it with; routes relative to the base. */
export const issueFiles = {
	html: (number: number) => `${paths.newsletter(number)}email.html`,
	text: (number: number) => `${paths.newsletter(number)}email.txt`,
	eml: (number: number) => `${paths.newsletter(number)}${emlName(number)}`,
} as const;

type ItemsHub = Pick<Hub, 'papers' | 'caseStudies' | 'metrics' | 'campaigns'>;
const itemsCache = new WeakMap<ItemsHub, Map<string, FeaturedItem>>();

/** Every item an issue may feature, by collection and id: once per hub, not once per issue page, feed and email. */
function itemsByKey(hub: ItemsHub): Map<string, FeaturedItem> {
	let byKey = itemsCache.get(hub);
	if (!byKey) {
		byKey = new Map(
			[...hub.papers, ...hub.caseStudies, ...hub.metrics, ...hub.campaigns].map((item) => [key(item.entry.collection, item.id), item]),
		);
		itemsCache.set(hub, byKey);
	}
	return byKey;
}

/**
 * The items of an issue in the editor's order. `loadHub()` has already failed the build on a
 * missing or unpublished item; only the preview can lack one, whose file broke after it loaded:
 * then the issue (its page, feed item and email) reports every such item, never a shorter issue.
 */
export function issueEntries(hub: ItemsHub, issue: NewsletterItem): IssueEntry[] {
	const byKey = itemsByKey(hub);
	const file = issue.entry.filePath ?? issue.id;
	const unread: Problem[] = [];
	const entries = issue.entry.data.items.flatMap((ref, index) => {
		const target = itemRef(ref);
		const item = byKey.get(key(target.collection, target.id));
		if (item) return [{ item, blurb: ref.blurb ?? item.summary }];
		unread.push(unreadProblem({ file, field: findReferences(ref, `items[${index}]`)[0]?.field ?? `items[${index}]` }, target));
		return [];
	});
	assertNoProblems(locateProblems(unread));
	return entries;
}

const featuredCache = new WeakMap<readonly NewsletterItem[], Map<string, NewsletterItem[]>>();

/**
 * The issues that featured an entry, newest first. Worked out once per hub (every paper page
 * asks), from the issues that have a page.
 */
export function featuredIn(hub: Pick<Hub, 'newsletters'>, item: Pick<FeaturedItem, 'id' | 'entry'>): NewsletterItem[] {
	let index = featuredCache.get(hub.newsletters);
	if (!index) {
		index = new Map();
		for (const issue of hub.newsletters) {
			const keys = new Set(issue.entry.data.items.map((ref) => key(itemRef(ref).collection, itemRef(ref).id)));
			for (const k of keys) index.set(k, [...(index.get(k) ?? []), issue]);
		}
		featuredCache.set(hub.newsletters, index);
	}
	return index.get(key(item.entry.collection, item.id)) ?? [];
}

export interface IssueEmailContext {
	/** The site's origin, `context.site`. */
	site: URL | string;
	/** The site's base path, `import.meta.env.BASE_URL`. */
	base: string;
	/** The editor's intro as sanitised HTML with absolute links (`entryHtml`). */
	introHtml: string;
	/** The hub's logo as email shows it (`emailLogo`), when hub.yaml names one. */
	logo?: EmailLogo | undefined;
}

/**
 * What an issue says under an item beside its blurb, on the issue page and in the email alike:
 * the business value of a paper or case study; for a metric, its translation and where it stood.
 * A metric without a blurb of its own is blurbed with its translation, which is then not repeated.
 */
export function itemDetails(locale: Locale, { item, blurb }: IssueEntry, issueDate: Date, atRiskTolerance: number): EmailDetail[] {
	const why = { label: locale.t('issue.whyItMatters'), text: item.kind === 'metric' ? '' : item.businessValue };
	if (item.kind === 'campaign') {
		// As with metrics, the campaign as it stood when the issue went out.
		const progress = progressAsOf(item.entry.data, issueDate);
		const done = locale.t('list.activitiesDone', { done: progress.done, total: progress.total });
		return [
			why,
			{ label: locale.t('issue.whereItStands'), text: locale.t('issue.campaignStanding', { stage: stageSummary(locale, progress), done }) },
		];
	}
	if (item.kind !== 'metric') return [why];
	const data = item.entry.data;
	// An issue reports the figures as they were when it went out: rebuilding it later changes nothing.
	const standing = { label: locale.t('issue.whereItStands'), text: describeMetric(locale, figuresAsOf(data, issueDate), atRiskTolerance) };
	return blurb === data.translation ? [standing] : [{ label: locale.t('issue.whatItMeans'), text: data.translation }, standing];
}

/** The plain model `composeIssueEmail()` turns into the HTML, text and .eml files. */
export function issueEmailModel(
	hub: Pick<Hub, 'settings' | 'locale' | 'papers' | 'caseStudies' | 'metrics' | 'campaigns'> & Partial<Pick<Hub, 'segments'>>,
	issue: NewsletterItem,
	context: IssueEmailContext,
): EmailIssue {
	const segment = issue.segments[0];
	const url = (path: string) => absoluteUrl(context.site, context.base, path);
	const items: EmailItem[] = issueEntries(hub, issue).map((entry) => ({
		kind: kindLabel(hub.locale, entry.item.kind),
		title: entry.item.title,
		url: url(entry.item.path),
		blurb: entry.blurb,
		details: itemDetails(hub.locale, entry, issue.date, hub.settings.atRiskTolerance),
	}));
	return {
		locale: hub.locale.formatsOf(issue.entry.data.lang),
		language: issue.entry.data.lang ?? hub.locale.language,
		hubTitle: hub.settings.title,
		number: issue.number,
		title: issue.title,
		date: issue.date,
		summary: issue.summary,
		introHtml: context.introHtml,
		items,
		url: url(issue.path),
		archiveUrl: url(paths.newsletters()),
		subscribeUrl: url(paths.subscribe()),
		editors: hub.settings.editors,
		accent: accentHex(hub.settings.accent),
		logo: context.logo,
		replies: emailReplies(hub.locale, hub.settings.editors.email, {
			entry: `issue/${issue.number}`,
			title: issue.title,
			segment: segment === undefined ? undefined : { id: segment, name: hub.segments?.find((s) => s.id === segment)?.data.name ?? segment },
		}),
	};
}
