/**
 * The plain model an issue email is composed from. Everything here is ready to print: dates
 * are dates, every URL is absolute, and the intro is sanitised HTML whose links are absolute,
 * because a reader opens the email outside the hub.
 */
import type { Locale } from '../../content/i18n';
import type { EntryRef } from '../../content/hub-tags';
import { questionLink, usefulLinks, type SegmentName } from '../../content/mailto';

/** A labelled line under an item, e.g. "Why it matters: …". */
export interface EmailDetail {
	label: string;
	text: string;
}

export interface EmailItem {
	/** What the item is, for the reader: "Position paper", "Case study", "Metric". */
	kind: string;
	title: string;
	/** Absolute URL of the item's page on the hub. */
	url: string;
	/** The issue's blurb for the item, or the item's own summary. */
	blurb: string;
	/** Business value for papers and case studies; translation and latest value for metrics. */
	details: EmailDetail[];
}

/** What every email of the hub carries, whatever it sends: the frame around the body is drawn from it. */
export interface EmailHub {
	/** The hub's words, with the formats of the email's language (an issue's own `lang`). */
	locale: Locale;
	/** BCP 47 language of the content, for `<html lang>`. */
	language: string;
	/** The hub's name, e.g. "Northwind IT Hub". */
	hubTitle: string;
	/** Absolute URL of the page that explains how to subscribe. */
	subscribeUrl: string;
	/** The hub's accent colour per colour scheme, as hex (`accent` in hub.yaml). */
	accent: { light: string; dark: string };
	/** The sender: the hub's editors. */
	editors: { name: string; email: string };
	/** The hub's logo, when hub.yaml names one. */
	logo?: EmailLogo | undefined;
	/** The tagged `mailto:` links of the footer (src/content/mailto.ts), which `npm run inbox` records. */
	replies?: EmailReplies | undefined;
}

/**
 * "Was this useful? Yes · No" and "Ask IT a question": one click, a line, Send. Every email asks
 * for questions; only one about an entry or an issue asks whether it was useful (a ballot has no
 * entry to judge).
 */
export interface EmailReplies {
	useful?: { yes: string; no: string } | undefined;
	question: string;
}

/** The reply links for an entry: Yes and No to the editors (the writer in Cc), and a question from its first segment. */
export function emailReplies(
	locale: Locale,
	editorsEmail: string,
	about: { entry: EntryRef; title: string; writerEmail?: string; segment?: SegmentName | undefined },
): EmailReplies | undefined {
	if (!about.segment) return undefined;
	return {
		useful: usefulLinks(locale, editorsEmail, about.entry, about.title, about.writerEmail),
		question: questionLink(locale, editorsEmail, about.segment),
	};
}

/** The footer's reply links as plain text, one line each, for the text part. */
export const repliesText = (locale: Locale, replies: EmailReplies | undefined): string[] =>
	replies
		? [
				...(replies.useful
					? [locale.t('email.repliesYes', { url: replies.useful.yes }), locale.t('email.repliesNo', { url: replies.useful.no })]
					: []),
				locale.t('email.repliesQuestion', { url: replies.question }),
			]
		: [];

/** The logo as a PNG on the hub (mail programs show no SVG) and the size it is shown at, in CSS pixels. */
export interface EmailLogo {
	url: string;
	width: number;
	height: number;
}

export interface EmailIssue extends EmailHub {
	number: number;
	title: string;
	/** The issue date; also the message's Date header, so a rebuild writes the same file. */
	date: Date;
	/** One sentence: the preheader mail clients show beside the subject. */
	summary: string;
	/** The editor's intro as sanitised HTML with absolute links. */
	introHtml: string;
	items: EmailItem[];
	/** Absolute URL of the issue's page. */
	url: string;
	/** Absolute URL of the archive of every issue. */
	archiveUrl: string;
}

/** "Northwind IT Hub #2: Ready for Black Friday…": the subject line and the HTML title. */
export const subjectOf = (issue: EmailIssue): string =>
	issue.locale.t('email.issueSubject', { hub: issue.hubTitle, number: String(issue.number), title: issue.title });

/** "Issue 2 · 16 November 2026". */
export const issueLine = (issue: EmailIssue): string =>
	issue.locale.t('email.issueLine', { number: String(issue.number), date: issue.locale.date(issue.date) });
