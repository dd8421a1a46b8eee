/**
 * Papers and case studies as emails: the model `src/outputs/email/writing.ts` composes from, and where
 * the build writes the two parts. `npm run send` reads those files, so only what the build
 * published can be sent. Pure: the hub comes in as an argument.
 */
import { accentHex } from '../content/brand';
import { emailReplies, type EmailLogo } from './email/model';
import type { EmailWriting } from './email/writing';
import { kindLabel } from '../content/kinds';
import { absoluteUrl, paths } from '../content/paths';
import type { CaseStudyItem, Hub, PaperItem } from '../hub/hub';

export type WritingItem = PaperItem | CaseStudyItem;

export function writingEmailModel(
	hub: Pick<Hub, 'settings' | 'locale' | 'segments'>,
	item: WritingItem,
	context: { site: URL | string; base: string; bodyHtml: string; logo?: EmailLogo | undefined },
): EmailWriting {
	const url = (path: string) => absoluteUrl(context.site, context.base, path);
	const names = new Map(hub.segments.map((segment) => [segment.id, segment.data.name]));
	return {
		locale: hub.locale.formatsOf(item.entry.data.lang),
		language: item.entry.data.lang ?? hub.locale.language,
		hubTitle: hub.settings.title,
		kind: kindLabel(hub.locale, item.kind),
		title: item.title,
		date: item.date,
		summary: item.summary,
		businessValue: item.businessValue,
		bodyHtml: context.bodyHtml,
		author: { name: item.author.data.name, role: item.author.data.role },
		segments: item.segments.map((id) => names.get(id) ?? id),
		url: url(item.path),
		homeUrl: url(paths.home()),
		subscribeUrl: url(paths.subscribe()),
		editors: hub.settings.editors,
		accent: accentHex(hub.settings.accent),
		logo: context.logo,
		replies: emailReplies(hub.locale, hub.settings.editors.email, {
			entry: `${item.kind}/${item.id}`,
			title: item.title,
			writerEmail: item.author.data.email,
			segment: item.segments[0] === undefined ? undefined : { id: item.segments[0], name: names.get(item.segments[0]) ?? item.segments[0] },
		}),
	};
}
