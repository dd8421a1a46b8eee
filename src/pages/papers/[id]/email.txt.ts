/** The paper as the plain-text part of the email `npm run send` sends. */
import type { APIRoute } from 'astro';
import { textResponse, writingEmailPaths, type Props } from '../../_writing-email';

export const getStaticPaths = writingEmailPaths('paper');
export const GET: APIRoute<Props> = textResponse;
