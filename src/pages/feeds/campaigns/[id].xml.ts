import type { APIRoute, GetStaticPaths } from 'astro';
import type { Feed } from '../../../outputs/feeds';
import { loadHub } from '../../../hub/hub';
import { feedPaths, feedResponse } from '../_feed';

/** One feed per published campaign: its papers, case studies and issues, and each activity as it is done. */
export const getStaticPaths = (async () => {
	const hub = await loadHub();
	return feedPaths(hub, 'campaign');
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ feed: Feed }> = (context) => feedResponse(context.props.feed, context);
