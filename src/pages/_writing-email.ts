/**
 * Shared by the endpoints beside paper and case-study pages (`email.html`, `email.txt`): each
 * published entry as the email `npm run send` sends, composed once per entry and build.
 */
import { createHash } from 'node:crypto';
import type { APIContext } from 'astro';
import { perBuild } from '../hub/memo';
import { listedOf, loadHub, type Hub } from '../hub/hub';
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
 * `cacheKey` is a digest of its email's model: with Astro's incremental build, an email whose
 * model is unchanged is copied from the last build instead of composed again (inlining its CSS is
 * most of the cost). Astro composes it again when the model, the code that renders it or the
 * packages change.
 */
export const writingEmailPaths = (kind: WritingItem['kind']) => async () => {
	const hub = await loadHub();
	return Promise.all(
		listedOf(hub, kind).map(async (item) => ({
			params: { id: item.id },
			props: { item },
			cacheKey: createHash('sha256')
				.update(JSON.stringify(await emailModel(hub, item)))
				.digest('hex'),
		})),
	);
};

/** The entry's email, for the endpoint answering `context`: composed once per entry and build. */
export function writingEmail(context: APIContext<Props>): Promise<{ html: string; text: string }> {
	const { item } = context.props;
	return perBuild(`writing-email ${item.kind}/${item.id} ${import.meta.env.SITE} ${import.meta.env.BASE_URL}`, async () => {
		const model = await emailModel(await loadHub(), item);
		return { html: renderWritingHtml(model), text: renderWritingText(model) };
	});
}

export const htmlResponse = async (context: APIContext<Props>) =>
	new Response((await writingEmail(context)).html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });

export const textResponse = async (context: APIContext<Props>) =>
	new Response((await writingEmail(context)).text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
