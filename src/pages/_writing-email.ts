/**
 * Shared by the endpoints beside paper and case-study pages (`email.html`, `email.txt`): each
 * published entry as the email `npm run send` sends, composed once per entry and build.
 */
import type { APIContext } from 'astro';
import { renderWritingHtml, renderWritingText } from '../lib/email/writing';
import { renderEntryHtml } from '../lib/entry-html';
import { listedOf, loadHub } from '../lib/hub';
import { writingEmailModel, type WritingItem } from '../lib/writing-email';

export interface Props {
	item: WritingItem;
}

/** Only listed entries: drafts, scheduled and archived entries are never sent. */
export const writingEmailPaths = (kind: WritingItem['kind']) => async () => {
	const hub = await loadHub();
	return listedOf(hub, kind).map((item) => ({ params: { id: item.id }, props: { item } }));
};

const composed = new Map<string, Promise<{ html: string; text: string }>>();

async function compose(item: WritingItem, site: URL, base: string) {
	const hub = await loadHub();
	const bodyHtml = await renderEntryHtml(item.entry, { site, base, path: item.path });
	const model = writingEmailModel(hub, item, { site, base, bodyHtml });
	return { html: renderWritingHtml(model), text: renderWritingText(model) };
}

/** The entry's email, for the endpoint answering `context`. */
export function writingEmail(context: APIContext<Props>): Promise<{ html: string; text: string }> {
	const { item } = context.props;
	// `site` is set in astro.config.mjs: email links must be absolute.
	const site = context.site!;
	const base = import.meta.env.BASE_URL;
	if (import.meta.env.DEV) return compose(item, site, base);
	const key = `${item.kind}/${item.id} ${site.href} ${base}`;
	let email = composed.get(key);
	if (!email) {
		email = compose(item, site, base);
		composed.set(key, email);
	}
	return email;
}

export const htmlResponse = async (context: APIContext<Props>) =>
	new Response((await writingEmail(context)).html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });

export const textResponse = async (context: APIContext<Props>) =>
	new Response((await writingEmail(context)).text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
