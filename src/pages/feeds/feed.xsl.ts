/**
 * The stylesheet that shows a feed as a page in a browser (src/outputs/feed.xsl), in the hub's
 * language: its words come from the dictionary, and a feed's RFC 822 dates are written with the
 * months' short names of the language.
 */
import template from '../../outputs/feed.xsl?raw';
import { loadHub } from '../../hub/hub';
import { feedStylesheet } from '../../outputs/feeds';

export const GET = async (): Promise<Response> =>
	new Response(feedStylesheet(template, (await loadHub()).locale), { headers: { 'Content-Type': 'application/xslt+xml' } });
