import type { APIRoute, GetStaticPaths } from 'astro';
import { assertDistinctFeeds, feedsOf, type Feed } from '../../outputs/feeds';
import { loadHub } from '../../hub/hub';
import { feedResponse } from './_feed';

/** One feed per segment: exactly the entries addressed to it. */
export const getStaticPaths = (async () => {
	const hub = await loadHub();
	assertDistinctFeeds(hub);
	return feedsOf(hub)
		.filter((feed) => feed.scope === 'segment')
		.map((feed) => ({ params: { id: feed.id }, props: { feed } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ feed: Feed }> = (context) => feedResponse(context.props.feed, context);
