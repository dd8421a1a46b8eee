import fs from 'node:fs';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { brandCss } from '../../content/brand';
import { contentDir } from '../../content/content-dir';
import { loadHub } from '../../hub/hub';

/** The accent stylesheet, and the logo when hub.yaml names one (it lives in the content folder, outside `public/`). */
export async function getStaticPaths() {
	const { settings } = await loadHub();
	return [{ params: { name: 'accent.css' } }, ...(settings.logo ? [{ params: { name: 'logo.svg' } }] : [])];
}

export const GET: APIRoute = async ({ params }) => {
	const { settings } = await loadHub();
	if (params.name === 'logo.svg' && settings.logo) {
		return new Response(fs.readFileSync(path.resolve(contentDir(), settings.logo)), { headers: { 'content-type': 'image/svg+xml' } });
	}
	return new Response(brandCss(settings), { headers: { 'content-type': 'text/css; charset=utf-8' } });
};
