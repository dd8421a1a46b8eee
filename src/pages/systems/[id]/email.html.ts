/** The system as the HTML part of the email `npm run send -- system <id>` sends. */
import type { APIRoute } from 'astro';
import { htmlResponse, systemEmailPaths, type Props } from '../../_system-email';

export const getStaticPaths = systemEmailPaths;
export const GET: APIRoute<Props> = htmlResponse;
