/**
 * Shared by the endpoints beside paper and case-study pages (`email.html`, `email.txt`): each
 * published entry as the email `npm run send` sends, composed once per entry and build.
 */
import type { APIContext } from 'astro';
import { perBuild } from '../hub/memo';
import { listedOf, loadHub } from '../hub/hub';
import { renderWritingHtml, renderWritingText } from '../outputs/email/writing';
import { emailLogo } from '../outputs/email-logo';
import { entryHtml } from '../outputs/entry-html';
import { writingEmailModel, type WritingItem } from '../outputs/writing-email';

export interface Props {
	item: WritingItem;
}

/** Only listed entries: drafts, scheduled and archived entries are never sent. */
export const writingEmailPaths = (kind: WritingItem['kind']) => async () => {
	const hub = await loadHub();
	return listedOf(hub, kind).map((item) => ({ params: { id: item.id }, props: { item } }));
};

/** The entry's email, for the endpoint answering `context`: composed once per entry and build. */
export function writingEmail(context: APIContext<Props>): Promise<{ html: string; text: string }> {
	const { item } = context.props;
	// `site` is set in astro.config.mjs: email links must be absolute.
	const site = context.site!;
	const base = import.meta.env.BASE_URL;
	return perBuild(`writing-email ${item.kind}/${item.id} ${site.href} ${base}`, async () => {
		const hub = await loadHub();
		const bodyHtml = entryHtml(hub, item.entry, { site, base, path: item.path });
		const logo = await emailLogo(hub.settings, site, base);
		const model = writingEmailModel(hub, item, { site, base, bodyHtml, logo });
		return { html: renderWritingHtml(model), text: renderWritingText(model) };
	});
}

export const htmlResponse = async (context: APIContext<Props>) =>
	new Response((await writingEmail(context)).html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });

export const textResponse = async (context: APIContext<Props>) =>
	new Response((await writingEmail(context)).text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
