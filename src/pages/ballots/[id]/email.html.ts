/** An open ballot as the HTML part of the email `npm run send -- ballot <segment>` sends. */
import type { APIRoute } from 'astro';
import { ballotEmailPaths, htmlResponse, type Props } from '../../_ballot-email';

export const getStaticPaths = ballotEmailPaths;
export const GET: APIRoute<Props> = htmlResponse;
