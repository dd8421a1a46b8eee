/** The case-study as the plain-text part of the email `npm run send` sends. */
import type { APIRoute } from 'astro';
import { textResponse, writingEmailPaths, type Props } from '../../_writing-email';

export const getStaticPaths = writingEmailPaths('case-study');
export const GET: APIRoute<Props> = textResponse;
