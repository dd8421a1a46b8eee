import type { APIRoute } from 'astro';
import { feedsOf } from '../../outputs/feeds';
import { loadHub } from '../../hub/hub';
import { feedResponse } from './_feed';

/** Every published paper, case study and newsletter issue. */
export const GET: APIRoute = async (context) => {
	const all = feedsOf(await loadHub()).find((feed) => feed.scope === 'all')!;
	return feedResponse(all, context);
};
