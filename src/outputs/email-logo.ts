/**
 * The logo every email shows: drawn once per build from the SVG `logo` in hub.yaml, served beside
 * the SVG (src/pages/brand/[name].ts) and named by absolute URL in the email, which readers open
 * outside the hub.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { contentDir } from '../content/content-dir';
import { absoluteUrl, paths } from '../content/paths';
import type { Settings } from '../content/schemas/settings';
import { perBuild } from '../hub/memo';
import { logoPng, type LogoPng } from './email/logo';
import type { EmailLogo } from './email/model';

/** The PNG of the hub's logo, or none when hub.yaml names no logo. */
export function emailLogoFile(settings: Pick<Settings, 'logo'>): Promise<LogoPng | undefined> {
	if (settings.logo === undefined) return Promise.resolve(undefined);
	const svg = path.resolve(contentDir(), settings.logo);
	return perBuild(`email-logo ${svg}`, async () => logoPng(await fs.readFile(svg)));
}

/** The logo as the email shows it, or none when hub.yaml names no logo. */
export async function emailLogo(settings: Pick<Settings, 'logo'>, site: URL | string, base: string): Promise<EmailLogo | undefined> {
	const file = await emailLogoFile(settings);
	return file && { url: absoluteUrl(site, base, paths.logoPng(file.name)), width: file.width, height: file.height };
}
