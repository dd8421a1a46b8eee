import type { APIRoute } from 'astro';
import { feedsOf } from '../../lib/feeds';
import { loadHub } from '../../lib/hub';
import { feedResponse } from './_feed';

/** Every published paper, case study and newsletter issue. */
export const GET: APIRoute = async (context) => {
	const all = feedsOf(await loadHub()).find((feed) => feed.scope === 'all')!;
	return feedResponse(all, context);
};
