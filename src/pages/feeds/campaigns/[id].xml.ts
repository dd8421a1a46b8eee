import type { APIRoute, GetStaticPaths } from 'astro';
import { feedsOf, type Feed } from '../../../outputs/feeds';
import { loadHub } from '../../../hub/hub';
import { feedResponse } from '../_feed';

/** One feed per published campaign: its papers, case studies and issues, and each activity as it is done. */
export const getStaticPaths = (async () => {
	const hub = await loadHub();
	return feedsOf(hub)
		.filter((feed) => feed.scope === 'campaign')
		.map((feed) => ({ params: { id: feed.id }, props: { feed } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ feed: Feed }> = (context) => feedResponse(context.props.feed, context);
