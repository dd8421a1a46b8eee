/** The paper as the HTML part of the email `npm run send` sends. */
import type { APIRoute } from 'astro';
import { htmlResponse, writingEmailPaths, type Props } from '../../_writing-email';

export const getStaticPaths = writingEmailPaths('paper');
export const GET: APIRoute<Props> = htmlResponse;
