/**
 * Turns a feed of the hub into an RSS response. Shared by the feed routes beside it; what the feed
 * says is decided in `src/outputs/feeds.ts`, the entry bodies come from `entryHtml`.
 */
import type { APIContext } from 'astro';
import { entryHtml } from '../../outputs/entry-html';
import {
	activityItems,
	ATOM_NAMESPACE,
	assertDistinctFeeds,
	channelExtras,
	feedItem,
	feedItems,
	feedsOf,
	feedXml,
	issueHtml,
	itemLink,
	lastChanged,
	systemFeedItems,
	type Feed,
	type FeedItem,
	type SiteUrls,
} from '../../outputs/feeds';
import { loadHub, type Hub } from '../../hub/hub';
import { withKeys } from '../../hub/route-key';
import { issueEntries } from '../../outputs/newsletters';
import { absoluteUrl, withBase } from '../../content/paths';

/**
 * The paths of the feed routes beside this file, keyed (`src/hub/route-key.ts`) by the entries each
 * feed carries in full, with the entries an issue features. A feed with no entries is dated by the
 * build, so it is written again on every build.
 */
export function feedPaths(hub: Hub, scope: Feed['scope']) {
	return withKeys(
		hub,
		feedsOf(hub)
			.filter((feed) => feed.scope === scope)
			.map((feed) => {
				const entries = feedItems(hub, feed);
				const featured = entries.flatMap((item) =>
					item.kind === 'newsletter' ? issueEntries(hub, item).map(({ item: entry }) => entry) : [],
				);
				return {
					params: { id: feed.id },
					props: { feed },
					shows: { whole: entries, listed: featured, also: entries.length === 0 ? hub.now : null },
				};
			}),
	);
}

/** The site's URLs as this build serves them (`--site`, `--base`). */
export function siteUrls(context: APIContext): SiteUrls {
	if (!context.site) throw new Error('Feeds need absolute links: set `site` in astro.config.mjs or pass --site.');
	return { site: context.site, base: import.meta.env.BASE_URL };
}

function fullContent(item: FeedItem, hub: Hub, urls: SiteUrls): string {
	const body = entryHtml(hub, item.entry, { ...urls, path: item.path });
	if (item.kind !== 'newsletter') return body;
	const featured = issueEntries(hub, item).map(({ item: entry, blurb }) => ({
		title: entry.title,
		summary: blurb,
		url: itemLink(entry, urls),
	}));
	return issueHtml(hub.locale, body, featured);
}

export async function feedResponse(feed: Feed, context: APIContext): Promise<Response> {
	const hub = await loadHub();
	assertDistinctFeeds(hub);
	const urls = siteUrls(context);
	const entries = feedItems(hub, feed);
	const campaign = feed.scope === 'campaign' ? hub.campaigns.find((c) => c.id === feed.id) : undefined;
	const activities = [...(campaign ? activityItems(campaign, hub, urls) : []), ...systemFeedItems(hub, feed, urls)];
	const items = [...entries.map((item) => feedItem(item, hub, urls, fullContent(item, hub, urls))), ...activities].sort(
		(a, b) => (b.pubDate?.valueOf() ?? 0) - (a.pubDate?.valueOf() ?? 0),
	);
	const xml = await feedXml({
		title: feed.title,
		description: feed.description,
		site: absoluteUrl(urls.site, urls.base, feed.pagePath),
		items,
		xmlns: { atom: ATOM_NAMESPACE },
		stylesheet: withBase(urls.base, 'feeds/feed.xsl'),
		customData: channelExtras({
			language: hub.settings.language,
			lastBuildDate: lastChanged([...entries, ...activities.map((activity) => ({ date: activity.pubDate }))], hub.now),
			self: absoluteUrl(urls.site, urls.base, feed.path),
		}),
	});
	return new Response(xml, { headers: { 'Content-Type': 'application/xml' } });
}
