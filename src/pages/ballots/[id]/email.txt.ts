/** An open ballot as the plain-text part of the email `npm run send -- ballot <segment>` sends. */
import type { APIRoute } from 'astro';
import { ballotEmailPaths, textResponse, type Props } from '../../_ballot-email';

export const getStaticPaths = ballotEmailPaths;
export const GET: APIRoute<Props> = textResponse;
