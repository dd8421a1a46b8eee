/** The system as the plain-text part of the email `npm run send -- system <id>` sends. */
import type { APIRoute } from 'astro';
import { systemEmailPaths, textResponse, type Props } from '../../_system-email';

export const getStaticPaths = systemEmailPaths;
export const GET: APIRoute<Props> = textResponse;
