/**
 * Shared by the endpoints beside paper and case-study pages (`email.html`, `email.txt`): each
 * published entry as the email `npm run send` sends.
 */
import type { APIContext } from 'astro';
import { perBuild } from '../hub/memo';
import { listedOf, loadHub, type Hub } from '../hub/hub';
import { withKeys } from '../hub/route-key';
import { renderWritingHtml, renderWritingText, type EmailWriting } from '../outputs/email/writing';
import { emailLogo } from '../outputs/email-logo';
import { entryHtml } from '../outputs/entry-html';
import { writingEmailModel, type WritingItem } from '../outputs/writing-email';

export interface Props {
	item: WritingItem;
}

/**
 * What the entry's email is composed from (the model is all `renderWritingHtml` and
 * `renderWritingText` read), worked out once per entry and build. `site` is set in
 * astro.config.mjs: email links must be absolute.
 */
function emailModel(hub: Hub, item: WritingItem): Promise<EmailWriting> {
	const site = import.meta.env.SITE;
	const base = import.meta.env.BASE_URL;
	return perBuild(`writing-email-model ${item.kind}/${item.id} ${site} ${base}`, async () => {
		const bodyHtml = entryHtml(hub, item.entry, { site, base, path: item.path });
		const logo = await emailLogo(hub.settings, site, base);
		return writingEmailModel(hub, item, { site, base, bodyHtml, logo });
	});
}

/**
 * Only listed entries: drafts, scheduled and archived entries are never sent. Each path's
 * `cacheKey` is a digest of what its email's model is made from (`src/hub/route-key.ts`: the entry
 * whole and the rest of the hub, with the site, the base and the logo): with Astro's incremental
 * build, an email whose inputs are unchanged is copied from the last build instead of composed
 * again (inlining its CSS is most of the cost), and a rebuild works out no model it does not use.
 * Astro composes it again when an input, the code that renders it or the packages change.
 */
export const writingEmailPaths = (kind: WritingItem['kind']) => async () => {
	const hub = await loadHub();
	const site = import.meta.env.SITE;
	const base = import.meta.env.BASE_URL;
	const logo = await emailLogo(hub.settings, site, base);
	return withKeys(
		hub,
		listedOf(hub, kind).map((item) => ({ params: { id: item.id }, props: { item }, shows: { whole: [item], also: { site, base, logo } } })),
	);
};

/*
 * Each endpoint composes only its own part. Keeping both parts of every email until the build ends
 * held about 18 kB per entry: at 10,000 papers, a few hundred megabytes of Astro's peak.
 */
const model = async (context: APIContext<Props>) => emailModel(await loadHub(), context.props.item);

export const htmlResponse = async (context: APIContext<Props>) =>
	new Response(renderWritingHtml(await model(context)), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });

export const textResponse = async (context: APIContext<Props>) =>
	new Response(renderWritingText(await model(context)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
