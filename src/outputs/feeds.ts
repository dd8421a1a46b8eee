/**
 * What the RSS feeds and the OPML subscription list say, as functions of the hub. Routes in
 * `src/pages/feeds/` only hand these to @astrojs/rss, so everything a reader sees is tested here.
 *
 * Readers remember items by their guid: change it and every item shows up unread again. An item's
 * guid is its permalink (@astrojs/rss writes `<guid isPermaLink="true">` from the link), and the
 * link comes from the entry's kind and id through `paths` only, never from its title, body or dates.
 */
import { getRssString, type RSSFeedItem, type RSSOptions } from '@astrojs/rss';
import XMLBuilder from 'fast-xml-builder';
import { kindLabel } from '../content/kinds';
import { absoluteUrl, paths } from '../content/paths';
import { assertNoProblems, phrase, quote, type Problem } from '../content/problems';
import { readingIn, type ReadingItem } from '../hub/counts';
import {
	filedUnder,
	listedOf,
	listedSystems,
	newestFirst,
	systemsFor,
	type AnyItem,
	type CampaignItem,
	type Hub,
	type SystemItem,
} from '../hub/hub';
import { formatDuration } from '../content/duration';
import { tierName } from '../content/tiers';
import { systemBodyHtml } from './system-email';
import { activityStatusLabel, stageLabel } from '../content/stages';
import type { Locale, MessageKey } from '../content/i18n';

/** Where the site is served, from the endpoint context and `import.meta.env.BASE_URL`. */
export interface SiteUrls {
	site: URL | string;
	base: string;
}

/** One feed the hub offers: everything, a segment's or a topic's. */
export interface Feed {
	scope: 'all' | 'segment' | 'topic' | 'campaign';
	/** `all`, or the segment, topic or campaign id. */
	id: string;
	title: string;
	/** Who the feed is for (a segment's audience), what it covers (a topic) or the hub's tagline. */
	description: string;
	/** Route of the feed, relative to the base. */
	path: string;
	/** Route of the page the feed mirrors, relative to the base. */
	pagePath: string;
}

/** Papers, case studies and newsletter issues: metrics change too often to be feed items, and each campaign has a feed of its own. */
export type FeedItem = ReadingItem;

type HubNames = Pick<Hub, 'settings' | 'locale' | 'segments' | 'topics' | 'listed'>;

/** Every feed of the hub: everything first, then segments in their order, then topics by name, then campaigns. */
export function feedsOf(hub: HubNames): Feed[] {
	const { title, tagline } = hub.settings;
	const scoped = (name: string) => hub.locale.t('feed.scoped', { hub: title, name });
	return [
		{
			scope: 'all',
			id: 'all',
			title: hub.locale.t('site.feedEverything', { hub: title }),
			description: tagline,
			path: paths.feedAll(),
			pagePath: paths.home(),
		},
		...hub.segments.map((segment): Feed => ({
			scope: 'segment',
			id: segment.id,
			title: scoped(segment.data.name),
			description: segment.data.audience,
			path: paths.feedSegment(segment.id),
			pagePath: paths.segment(segment.id),
		})),
		...hub.topics.map((topic): Feed => ({
			scope: 'topic',
			id: topic.id,
			title: scoped(topic.data.name),
			description: topic.data.description,
			path: paths.feedTopic(topic.id),
			pagePath: paths.topic(topic.id),
		})),
		...listedOf(hub, 'campaign').map((campaign): Feed => ({
			scope: 'campaign',
			id: campaign.id,
			title: scoped(campaign.title),
			description: campaign.summary,
			path: paths.feedCampaign(campaign.id),
			pagePath: paths.campaign(campaign.id),
		})),
	];
}

/**
 * Segment feeds share `/feeds/` with the all-content feed, so a segment called `all` would
 * silently replace it. The hub checks ids are URL-safe; this checks they leave the feeds distinct.
 */
export function feedNameProblems(hub: Pick<Hub, 'segments'>): Problem[] {
	return hub.segments
		.filter((segment) => paths.feedSegment(segment.id) === paths.feedAll())
		.map((segment) => ({
			file: segment.filePath ?? `segments/${segment.id}`,
			field: 'id',
			expected: phrase('problem.segment.feedAll', { name: quote(segment.id), feed: paths.feedAll() }),
			found: quote(segment.id),
		}));
}

/** The entries of a feed, newest first, from the hub's one publication rule, at most `feedLimit` of them. */
export function feedItems(hub: Hub, feed: Pick<Feed, 'scope' | 'id'>): FeedItem[] {
	// The same entries the pages count (src/hub/counts.ts), so a feed never disagrees with its page.
	const items =
		feed.scope === 'campaign'
			? [...filedUnder(hub, feed.id).values()].flat().sort(newestFirst)
			: readingIn(hub, { scope: feed.scope, id: feed.id });
	return hub.settings.feedLimit > 0 ? items.slice(0, hub.settings.feedLimit) : items;
}

const name = (list: readonly { id: string; data: { name: string } }[], id: string) => list.find((e) => e.id === id)?.data.name ?? id;

/** Readers file items by category: what kind of entry it is, who it is for, what it is about. */
export function itemCategories(item: AnyItem, hub: Pick<Hub, 'locale' | 'segments' | 'topics'>): string[] {
	return [
		kindLabel(hub.locale, item.kind),
		...item.segments.map((id) => name(hub.segments, id)),
		...item.topics.map((id) => name(hub.topics, id)),
	];
}

/** RSS `author` is `email (Name)`: the writer, or for an issue the editors. */
export function itemAuthor(item: FeedItem, hub: Pick<Hub, 'settings'>): string {
	const { name, email } = item.kind === 'newsletter' ? hub.settings.editors : item.author.data;
	return `${email} (${name})`;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The summary and, for papers and case studies, why it matters to the business. Readers treat a
 * description as HTML, so the text is escaped: a summary with `<` or `&` reads as written.
 */
export function itemDescription(locale: Locale, item: FeedItem): string {
	const summary = `<p>${escapeHtml(item.summary)}</p>`;
	if (item.kind === 'newsletter') return summary;
	return `${summary}<p><strong>${escapeHtml(locale.t('entry.whyItMatters'))}:</strong> ${escapeHtml(item.businessValue)}</p>`;
}

/** The absolute address of an entry's page: its link and, as a permalink, its guid. */
export const itemLink = (item: Pick<AnyItem, 'path'>, urls: SiteUrls): string => absoluteUrl(urls.site, urls.base, item.path);

/** An RSS item for @astrojs/rss; `content` is the full body as HTML (`entryHtml`). */
export function feedItem(item: FeedItem, hub: HubNames, urls: SiteUrls, content: string): RSSFeedItem {
	return {
		title: item.title,
		link: itemLink(item, urls),
		pubDate: item.date,
		description: itemDescription(hub.locale, item),
		content,
		categories: itemCategories(item, hub),
		author: itemAuthor(item, hub),
	};
}

/**
 * A campaign's activities that are done, as feed items, newest first: each links to its place on the
 * campaign's page (its anchor is made from its stage and date, never its title), so the link is a
 * stable guid that no entry shares. Each says what a reader in a mail client needs without opening
 * the page: the stage's goal, the activity's status and date, whom it is for, and the summary and
 * business value of the entry that reports on it. Planned activities wait until they are done.
 */
export function activityItems(
	campaign: CampaignItem,
	hub: Pick<Hub, 'now' | 'segments' | 'locale'>,
	urls: SiteUrls,
): (RSSFeedItem & { pubDate: Date })[] {
	const { locale } = hub;
	const strong = (key: MessageKey) => `<strong>${escapeHtml(locale.t(key))}</strong>`;
	return campaign.progress.stages
		.flatMap((stage) => stage.activities.map((activity) => ({ stage, activity })))
		.filter(({ activity }) => activity.status === 'done' && activity.date.getTime() <= hub.now.getTime())
		.sort((a, b) => b.activity.date.getTime() - a.activity.date.getTime())
		.map(({ stage, activity }) => {
			const link = absoluteUrl(urls.site, urls.base, `${campaign.path}#${activity.anchor}`);
			const audiences = activity.segments.map((id) => name(hub.segments, id));
			const stageName = stageLabel(locale, stage.id);
			const happened = locale.t('feed.activity', {
				status: `<strong>${escapeHtml(activityStatusLabel(locale, activity.status))}</strong>`,
				date: escapeHtml(locale.date(activity.date)),
				stage: escapeHtml(stageName),
				campaign: `<a href="${escapeHtml(link)}">${escapeHtml(campaign.title)}</a>`,
			});
			const reported = (entry: FeedItem) => `<a href="${escapeHtml(itemLink(entry, urls))}">${escapeHtml(entry.title)}</a>`;
			const html = [
				`<p>${happened}</p>`,
				`<p>${strong('feed.activityGoal')} ${escapeHtml(stage.goal)}</p>`,
				audiences.length > 0 ? `<p>${strong('feed.activityFor')} ${escapeHtml(audiences.join(', '))}</p>` : '',
				activity.entry
					? `<p><strong>${locale.t('feed.reportedIn', { entry: reported(activity.entry) })}</strong></p>` +
						itemDescription(locale, activity.entry)
					: '',
			].join('');
			return {
				title: locale.t('feed.activityTitle', { stage: stageName, title: activity.title }),
				link,
				pubDate: activity.date,
				description: html,
				content: html,
				categories: [stageName, ...audiences],
			};
		});
}

/**
 * What the systems list says to the audiences that depend on it: a system joining the list (on its
 * `published` day) and each later change of its restore tier (on the change's date, once it has
 * come), newest first. A change dated before the system joined is history, shown on its page only.
 * Incidents are never feed items. Each links to the system's page, a change to its place there, so
 * the link is a stable guid no entry shares. The all-content feed has every listed system's; topic
 * and campaign feeds have none.
 */
export function systemFeedItems(
	hub: Pick<Hub, 'systems' | 'preview' | 'now' | 'segments' | 'locale'>,
	feed: Pick<Feed, 'scope' | 'id'>,
	urls: SiteUrls,
): (RSSFeedItem & { pubDate: Date })[] {
	const systems = feed.scope === 'segment' ? systemsFor(hub, feed.id) : feed.scope === 'all' ? listedSystems(hub) : [];
	const names = new Map(hub.segments.map((segment) => [segment.id, segment.data.name]));
	const { locale } = hub;
	const categories = (system: SystemItem) => [locale.t('kind.system'), ...system.segments.map((id) => names.get(id) ?? id)];
	const url = (path: string) => absoluteUrl(urls.site, urls.base, path);
	const link = (system: SystemItem, anchor = '') => url(`${system.path}${anchor}`);
	const waits = (system: SystemItem) =>
		`<ul>${system.dependents.map((d) => `<li>${escapeHtml(locale.t('systems.canWait', { who: d.name, wait: formatDuration(locale, d.wait), stops: d.stops }))}</li>`).join('')}</ul>`;
	return systems
		.flatMap((system) => [
			{
				title: locale.t('system.feedListed', { system: system.name }),
				link: link(system),
				pubDate: system.date,
				description: `<p>${escapeHtml(system.does)}</p><p>${escapeHtml(tierName(locale, system.tier))}.</p>${waits(system)}`,
				content: `<p>${escapeHtml(system.does)}</p>${systemBodyHtml(locale, system, url, { incidents: false })}`,
				categories: categories(system),
			},
			...system.changes
				.filter((change) => change.date.getTime() > system.date.getTime() && change.date.getTime() <= hub.now.getTime())
				.map((change) => ({
					title: locale.t('system.feedTierChanged', { system: system.name, tier: change.to }),
					link: link(system, `#${change.anchor}`),
					pubDate: change.date,
					description: `<p>${escapeHtml(locale.t('system.feedFromTier', { from: change.from, tier: tierName(locale, change.to) }))}</p><p>${escapeHtml(change.why)}</p>${waits(system)}`,
					content: `<p>${escapeHtml(change.why)}</p>${systemBodyHtml(hub.locale, system, url, { incidents: false })}`,
					categories: categories(system),
				})),
		])
		.sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.link.localeCompare(b.link));
}

/**
 * Writes `&` and `<` in a text as hexadecimal references. RSS leaves open whether a title is plain
 * text or HTML: a reader that takes `&lt;Hub&gt;` for markup drops it, while `&#x3C;` is read as
 * text by every reader (the RSS Best Practices Profile; the W3C validator warns otherwise).
 */
const hexReferences = (text: string) => text.replace(/&amp;/g, '&#x26;').replace(/&lt;/g, '&#x3C;');

const rewriteText = (xml: string, elements: RegExp) =>
	xml.replace(elements, (_, name: string, text: string) => `<${name}>${hexReferences(text)}</${name}>`);

/**
 * A feed as @astrojs/rss writes it, with the plain-text elements' `&` and `<` as hexadecimal
 * references: titles, categories and authors everywhere, and the channel's description. An item's
 * description is HTML, escaped as HTML, and stays as it is.
 */
export async function feedXml(options: RSSOptions): Promise<string> {
	const xml = await getRssString(options);
	const firstItem = xml.includes('<item>') ? xml.indexOf('<item>') : xml.length;
	return (
		rewriteText(xml.slice(0, firstItem), /<(title|description)>([^<]*)<\/\1>/g) +
		rewriteText(xml.slice(firstItem), /<(title|category|author)>([^<]*)<\/\1>/g)
	);
}

/** An issue's full content: the editor's intro and the list of what is in it, with links. */
export function issueHtml(locale: Locale, intro: string, featured: readonly { title: string; summary: string; url: string }[]): string {
	const list = featured.map(
		({ title, summary, url }) => `<li><a href="${escapeHtml(url)}">${escapeHtml(title)}</a>: ${escapeHtml(summary)}</li>`,
	);
	return `${intro}<h2>${escapeHtml(locale.t('newsletter.inThisIssue'))}</h2><ul>${list.join('')}</ul>`;
}

const xml = new XMLBuilder({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	suppressEmptyNode: true,
	format: true,
});

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

/** When a feed last changed: its newest entry (or edit), so rebuilding unchanged content changes nothing. */
export function lastChanged(items: readonly Pick<FeedItem, 'date' | 'updated'>[], fallback: Date): Date {
	const times = items.flatMap((item) => [item.date, item.updated ?? item.date]).map((date) => date.getTime());
	return times.length > 0 ? new Date(Math.max(...times)) : fallback;
}

/**
 * Channel elements @astrojs/rss has no option for: language, lastBuildDate and the
 * `atom:link rel="self"` validators and some readers want (needs `xmlns: { atom: ATOM_NAMESPACE }`).
 */
export function channelExtras({ language, lastBuildDate, self }: { language: string; lastBuildDate: Date; self: string }): string {
	return xml.build({
		language,
		lastBuildDate: lastBuildDate.toUTCString(),
		'atom:link': {
			'@_href': self,
			'@_rel': 'self',
			'@_type': 'application/rss+xml',
		},
	});
}

export interface Outline {
	text: string;
	title: string;
	type: 'rss';
	xmlUrl: string;
	htmlUrl: string;
	description: string;
	language: string;
}

/** OPML groups: the all-content feed on its own, then a folder of segments and one of topics. */
export function opmlOutlines(hub: HubNames, urls: SiteUrls): { text: string; feeds: Outline[] }[] {
	const outline = (feed: Feed): Outline => ({
		text: feed.title,
		title: feed.title,
		type: 'rss',
		xmlUrl: absoluteUrl(urls.site, urls.base, feed.path),
		htmlUrl: absoluteUrl(urls.site, urls.base, feed.pagePath),
		description: feed.description,
		language: hub.settings.language,
	});
	const feeds = feedsOf(hub);
	return [
		{ text: '', feeds: feeds.filter((f) => f.scope === 'all').map(outline) },
		{
			text: hub.locale.t('nav.audiences'),
			feeds: feeds.filter((f) => f.scope === 'segment').map(outline),
		},
		{
			text: hub.locale.t('nav.topics'),
			feeds: feeds.filter((f) => f.scope === 'topic').map(outline),
		},
		{
			text: hub.locale.t('nav.campaigns'),
			feeds: feeds.filter((f) => f.scope === 'campaign').map(outline),
		},
	].filter((group) => group.text === '' || group.feeds.length > 0);
}

/**
 * OPML 2.0 listing every feed, for one-click import into Outlook, Thunderbird and phone readers.
 * No `dateCreated`: the same content gives the same file on every build.
 */
export function opmlDocument(hub: HubNames, urls: SiteUrls): string {
	const attributes = (o: Outline) => Object.fromEntries(Object.entries(o).map(([key, value]) => [`@_${key}`, value]));
	const body = opmlOutlines(hub, urls).flatMap((group) =>
		group.text === ''
			? group.feeds.map(attributes)
			: [
					{
						'@_text': group.text,
						'@_title': group.text,
						outline: group.feeds.map(attributes),
					},
				],
	);
	return xml.build({
		'?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
		opml: {
			'@_version': '2.0',
			head: {
				title: hub.locale.t('feed.opmlTitle', { hub: hub.settings.title }),
				ownerName: hub.settings.editors.name,
				ownerEmail: hub.settings.editors.email,
				docs: 'http://opml.org/spec2.opml',
			},
			body: { outline: body },
		},
	});
}

const escapeXml = (text: string) => escapeHtml(text).replace(/'/g, '&apos;');

/** RFC 822's month names, as a feed's `pubDate` writes them. */
const RFC822_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The feed stylesheet (`src/outputs/feed.xsl`) with the hub's words: `{t:key}` becomes the
 * message `key` (the feed's title fills `{title}` through XSLT), `{months}` the month names and
 * `{date}` the order of day, month and year in the hub's language.
 */
export function feedStylesheet(template: string, locale: Locale): string {
	const xsl = (name: string) => `<xsl:value-of select="${name}"/>`;
	const months = RFC822_MONTHS.map((month, i) => {
		const name = new Intl.DateTimeFormat(locale.language, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, i, 1)));
		return `<xsl:when test="substring($rfc822, 9, 3) = '${month}'">${escapeXml(name)}</xsl:when>`;
	}).join('');
	const date = locale
		.parts('feedPage.date')
		.map((part) => (typeof part === 'string' ? escapeXml(part) : xsl(`$${part.slot}`)))
		.join('');
	return template
		.replace(/\{t:([\w.]+)\}/g, (_, key: string) =>
			locale
				.parts(key as MessageKey)
				.map((part) => (typeof part === 'string' ? escapeXml(part) : xsl('/rss/channel/title')))
				.join(''),
		)
		.replace('{months}', months)
		.replace('{date}', date);
}

/** Fails the build on segment names that would collide with another feed. */
export function assertDistinctFeeds(hub: Pick<Hub, 'segments'>): void {
	assertNoProblems(feedNameProblems(hub));
}
