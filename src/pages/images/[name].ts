/**
 * Images stored beside entries, under their content-hashed names (src/content/render/images.ts).
 * Only entries that have a page bring theirs: a draft's image never reaches the site.
 */
import fs from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { entryImages, loadHub } from '../../hub/hub';

export const getStaticPaths = (async () => {
	const hub = await loadHub();
	return entryImages(hub).map((image) => ({ params: { name: image.name }, props: { source: image.source } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ source: string }> = async ({ props }) => new Response(await fs.readFile(props.source));
