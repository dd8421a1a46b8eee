/**
 * A position paper or case study as an email: a paper is the length of an email, so the whole
 * piece goes out, in the same frame, styles and plain-text form as an issue.
 */
import { escapeHtml as escape, TEXT_RULE } from '../../content/email-files';
import { BACKGROUND, renderEmailFrame } from './html';
import { emailSafeIntro, safeHtmlText } from './intro';
import { repliesText, type EmailHub } from './model';

export interface EmailWriting extends EmailHub {
	/** "Position paper" or "Case study". */
	kind: string;
	title: string;
	/** Publication date. */
	date: Date;
	summary: string;
	businessValue: string;
	/** The body as sanitised HTML with absolute links (`renderEntryHtml`). */
	bodyHtml: string;
	author: { name: string; role: string };
	/** Names of the segments it is written for, e.g. ["Executives", "Finance"]. */
	segments: string[];
	/** Absolute URLs of its page and the hub's home. */
	url: string;
	homeUrl: string;
}

const kindLine = ({ locale, kind, date }: EmailWriting) => `${kind} · ${locale.date(date)}`;
const byline = ({ locale, author }: EmailWriting) => `${locale.t('entry.byline', { author: author.name, role: author.role })}.`;
/** The footer's note in both parts; each part writes the editors' address its own way after it. */
const footerNote = ({ locale, hubTitle, segments, author }: EmailWriting) =>
	locale.t('email.writingFooter', { hub: hubTitle, segments: locale.list(segments), author: author.name });

/**
 * The body as email takes it, worked out once per model: an entry's two parts (HTML and text) are
 * composed from one model, and sanitising the body was a fifth of composing each. The build keeps
 * every model to the end, so the safe body is let go once both parts have it: at 10,000 papers it
 * would otherwise hold another copy of every body.
 */
const safeBodies = new WeakMap<EmailWriting, { html: string; parts: number }>();
function safeBody(writing: EmailWriting): string {
	const known = safeBodies.get(writing) ?? { html: emailSafeIntro(writing.bodyHtml), parts: 0 };
	if (++known.parts === 2) safeBodies.delete(writing);
	else safeBodies.set(writing, known);
	return known.html;
}

export function renderWritingHtml(writing: EmailWriting): string {
	return renderEmailFrame(writing, {
		subject: writing.title,
		preheader: writing.summary,
		masthead: { url: writing.homeUrl, line: kindLine(writing) },
		url: writing.url,
		rows: `<tr><td class="content">
<h1 dir="auto">${escape(writing.title)}</h1>
<p class="lede" dir="auto">${escape(writing.summary)}</p>
</td></tr>
<tr><td class="content"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td class="value" bgcolor="${BACKGROUND.panel}">
<h2>${escape(writing.locale.t('entry.whyItMatters'))}</h2>
<p dir="auto">${escape(writing.businessValue)}</p>
</td></tr></table></td></tr>
<tr><td class="content">
${safeBody(writing)}
<p class="byline">${escape(byline(writing))}</p>
</td></tr>`,
		footer: { note: footerNote(writing), link: { url: writing.url, label: writing.locale.t('email.readOnHub') } },
	});
}

export function renderWritingText(writing: EmailWriting): string {
	const { locale } = writing;
	return (
		[
			writing.title,
			kindLine(writing),
			`${locale.t('email.readOnHub')}: ${writing.url}`,
			TEXT_RULE,
			writing.summary,
			`${locale.t('entry.whyItMatters')}: ${writing.businessValue}`,
			TEXT_RULE,
			safeHtmlText(safeBody(writing)),
			byline(writing),
			TEXT_RULE,
			...repliesText(locale, writing.replies),
			`${footerNote(writing)} ${writing.editors.name} <${writing.editors.email}>.`,
			`${locale.t('email.subscribe')}: ${writing.subscribeUrl}`,
		].join('\n\n') + '\n'
	);
}
