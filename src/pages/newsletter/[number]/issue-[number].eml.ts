/** The issue as a draft message: opened in Outlook, it is ready to address and send. */
import type { APIRoute } from 'astro';
import { issueEmail, type Props } from './_issue-email';

export { getStaticPaths } from './_issue-email';

export const GET: APIRoute<Props> = async (context) =>
	new Response((await issueEmail(context)).eml, { headers: { 'Content-Type': 'message/rfc822' } });
