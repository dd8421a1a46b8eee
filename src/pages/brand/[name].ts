import fs from 'node:fs';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { brandCss } from '../../content/brand';
import { contentDir } from '../../content/content-dir';
import { loadHub } from '../../hub/hub';
import { emailLogoFile } from '../../outputs/email-logo';

/**
 * The accent stylesheet, and the logo when hub.yaml names one (it lives in the content folder,
 * outside `public/`): as SVG for pages, and as PNG for email, which mail programs show.
 */
export async function getStaticPaths() {
	const { settings } = await loadHub();
	// There is a PNG exactly when hub.yaml names a logo.
	const png = await emailLogoFile(settings);
	return ['accent.css', ...(png ? ['logo.svg', png.name] : [])].map((name) => ({ params: { name } }));
}

export const GET: APIRoute = async ({ params }) => {
	const { settings } = await loadHub();
	if (params.name === 'logo.svg' && settings.logo) {
		return new Response(fs.readFileSync(path.resolve(contentDir(), settings.logo)), { headers: { 'content-type': 'image/svg+xml' } });
	}
	const png = await emailLogoFile(settings);
	if (png && params.name === png.name) return new Response(png.png, { headers: { 'content-type': 'image/png' } });
	return new Response(brandCss(settings), { headers: { 'content-type': 'text/css; charset=utf-8' } });
};
