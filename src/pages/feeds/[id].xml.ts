import type { APIRoute, GetStaticPaths } from 'astro';
import { assertDistinctFeeds, type Feed } from '../../outputs/feeds';
import { loadHub } from '../../hub/hub';
import { feedPaths, feedResponse } from './_feed';

/** One feed per segment: exactly the entries addressed to it. */
export const getStaticPaths = (async () => {
	const hub = await loadHub();
	assertDistinctFeeds(hub);
	return feedPaths(hub, 'segment');
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ feed: Feed }> = (context) => feedResponse(context.props.feed, context);
