/** The issue as an HTML email, for mail programs other than Outlook or to paste into a mailing tool. */
import type { APIRoute } from 'astro';
import { issueEmail, type Props } from './_issue-email';

export { getStaticPaths } from './_issue-email';

export const GET: APIRoute<Props> = async (context) =>
	new Response((await issueEmail(context)).html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
