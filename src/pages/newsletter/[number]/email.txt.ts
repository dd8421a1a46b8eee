/** The issue as plain text, every link written out. */
import type { APIRoute } from 'astro';
import { issueEmail, type Props } from './_issue-email';

export { getStaticPaths } from './_issue-email';

export const GET: APIRoute<Props> = async (context) =>
	new Response((await issueEmail(context)).text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
