/**
 * A position paper or case study as an email: a paper is the length of an email, so the whole
 * piece goes out, in the same frame, styles and plain-text form as an issue.
 */
import { formatDate } from '../../content/format';
import { escapeHtml as escape, TEXT_RULE } from '../../content/email-files';
import { BACKGROUND, renderEmailFrame } from './html';
import { emailSafeIntro, introText } from './intro';
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

const kindLine = (writing: EmailWriting) => `${writing.kind} · ${formatDate(writing.date)}`;
const byline = (writing: EmailWriting) => `By ${writing.author.name}, ${writing.author.role}.`;
/** The footer's note in both parts; each part writes the editors' address its own way after it. */
const footerNote = (writing: EmailWriting) =>
	`You get this because you asked for what ${writing.hubTitle} writes for ${writing.segments.join(' and ')}. Reply to this email and ${writing.author.name} reads it; to stop or change what you get, write to`;

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
<h2>Why it matters to the business</h2>
<p dir="auto">${escape(writing.businessValue)}</p>
</td></tr></table></td></tr>
<tr><td class="content">
${emailSafeIntro(writing.bodyHtml)}
<p class="byline">${escape(byline(writing))}</p>
</td></tr>`,
		footer: { note: footerNote(writing), link: { url: writing.url, label: 'Read it on the hub' } },
	});
}

export function renderWritingText(writing: EmailWriting): string {
	return (
		[
			writing.title,
			kindLine(writing),
			`Read it on the hub: ${writing.url}`,
			TEXT_RULE,
			writing.summary,
			`Why it matters to the business: ${writing.businessValue}`,
			TEXT_RULE,
			introText(writing.bodyHtml),
			byline(writing),
			TEXT_RULE,
			...repliesText(writing.replies),
			`${footerNote(writing)} ${writing.editors.name} <${writing.editors.email}>.`,
			`Subscribe or pass it on: ${writing.subscribeUrl}`,
		].join('\n\n') + '\n'
	);
}
