import type { APIRoute } from 'astro';
import { opmlDocument } from '../../outputs/feeds';
import { loadHub } from '../../hub/hub';
import { siteUrls } from './_feed';

/** Every feed in one file, for one-click import into Outlook and feed readers. */
export const GET: APIRoute = async (context) =>
	new Response(opmlDocument(await loadHub(), siteUrls(context)), {
		headers: { 'Content-Type': 'text/x-opml; charset=utf-8' },
	});
