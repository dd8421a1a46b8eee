import type { APIRoute, GetStaticPaths } from 'astro';
import type { Feed } from '../../../outputs/feeds';
import { loadHub } from '../../../hub/hub';
import { feedPaths, feedResponse } from '../_feed';

/** One feed per topic. */
export const getStaticPaths = (async () => {
	const hub = await loadHub();
	return feedPaths(hub, 'topic');
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ feed: Feed }> = (context) => feedResponse(context.props.feed, context);
