/**
 * The HTML part of an issue email. Outlook on Windows renders mail with Word, so the layout is
 * what Word understands: nested tables at 600 px, styles inlined on every element, system fonts,
 * no scripts, no SVG, nothing loaded from anywhere but the links a reader clicks.
 */
import { inline } from '@css-inline/css-inline';
import { directionOf, type Locale } from '../../content/i18n';
import { emailSafeIntro } from './intro';
import { issueLine, subjectOf, type EmailHub, type EmailIssue, type EmailItem } from './model';
import { escapeHtml as escape, PERSONAL_SLOT } from '../../content/email-files';

/*
 * Outlook on Windows ignores CSS backgrounds and vertical alignment on table cells; it reads the
 * old attributes. They repeat what the light styles say for the cells that have a background.
 */
export const BACKGROUND = { outer: '#eef1f4', container: '#ffffff', panel: '#f5f7f9' } as const;

/*
 * Light colours are inlined for every client. Clients that honour `prefers-color-scheme` (Apple
 * Mail, Outlook for Mac and iOS) swap to the dark block, which stays a <style> element: inline
 * styles cannot hold a media query. Clients that invert colours by force (Outlook.com, Outlook
 * for Windows) get mid-tone text on plain backgrounds, which inverts legibly; no colour is carried
 * by an image. The accent is the hub's (`accent` in hub.yaml).
 */
const lightCss = ({ light }: EmailHub['accent']) => `
body, .outer { margin: 0; padding: 0; background-color: ${BACKGROUND.outer}; }
.outer-cell { padding: 24px 12px; }
.container { width: 100%; max-width: 600px; background-color: ${BACKGROUND.container}; border: 1px solid #d5dbe1; }
td, p, li, h1, h2, h3, h4 { font-family: Arial, Helvetica, sans-serif; color: #1f2933; }
p, li { font-size: 16px; line-height: 24px; margin: 0 0 12px; }
a { color: ${light}; text-decoration: underline; }
h1 { font-size: 26px; line-height: 32px; margin: 0 0 16px; }
h2 { font-size: 14px; line-height: 20px; margin: 0; text-transform: uppercase; letter-spacing: 1px; color: #52606d; }
h3 { font-size: 19px; line-height: 26px; margin: 0 0 8px; }
h4 { font-size: 16px; line-height: 24px; margin: 0 0 8px; }
.masthead { padding: 20px 32px 12px; border-bottom: 3px solid ${light}; }
.masthead-logo { padding: 0 12px 0 0; vertical-align: middle; }
.masthead-logo img { display: block; border: 0; }
.masthead-text { vertical-align: middle; }
.masthead-title { font-size: 18px; line-height: 24px; font-weight: bold; margin: 0 0 4px; }
.masthead-title a { color: #1f2933; text-decoration: none; }
.meta, .kind { font-size: 14px; line-height: 20px; color: #52606d; margin: 0 0 4px; }
.content { padding: 24px 32px 8px; }
.item { padding: 16px 32px; border-top: 1px solid #d5dbe1; }
.item h3 a { color: ${light}; }
.detail strong { color: #1f2933; }
.more { font-weight: bold; margin: 0; }
.footer { padding: 20px 32px; background-color: ${BACKGROUND.panel}; border-top: 1px solid #d5dbe1; }
.lede { font-size: 18px; line-height: 26px; color: #52606d; }
.value { padding: 12px 16px; background-color: ${BACKGROUND.panel}; border-left: 4px solid #0b5cad; }
.value p { margin: 0; }
.byline { font-size: 14px; line-height: 20px; color: #52606d; }
.footer p { font-size: 14px; line-height: 20px; color: #52606d; }
`;

const darkCss = ({ dark }: EmailHub['accent']) => `
@media (prefers-color-scheme: dark) {
	body, .outer { background-color: #111418 !important; }
	.container { background-color: #1b1f24 !important; border-color: #39414a !important; }
	td, p, li, h1, h3, h4, .masthead-title a, .detail strong { color: #e4e7eb !important; }
	h2, .meta, .kind, .footer p, .lede, .byline { color: #a9b4bf !important; }
	a, .item h3 a { color: ${dark} !important; }
	.footer, .value { background-color: #15191d !important; }
}
`;

/** Spacers after the preheader stop clients from filling the preview with the body text. */
const PREHEADER_PADDING = '&#847;&zwnj;&nbsp;'.repeat(40);

function itemRow(locale: Locale, item: EmailItem): string {
	const details = item.details
		.map((detail) => `<p class="detail" dir="auto"><strong>${escape(detail.label)}:</strong> ${escape(detail.text)}</p>`)
		.join('');
	return `<tr><td class="item">
<p class="kind">${escape(item.kind)}</p>
<h3 dir="auto"><a href="${escape(item.url)}">${escape(item.title)}</a></h3>
<p dir="auto">${escape(item.blurb)}</p>
${details}
<p class="more"><a href="${escape(item.url)}">${escape(locale.t('email.read', { title: item.title }))}</a></p>
</td></tr>`;
}

/** What differs between the emails the hub sends; the page around it is the same for all. */
export interface EmailFrame {
	/** The subject line, also the HTML title. */
	subject: string;
	/** One sentence mail programs show beside the subject. */
	preheader: string;
	/** Where the hub's name in the masthead leads, and the line under it, e.g. "Issue 2 · 16 November 2026". */
	masthead: { url: string; line: string };
	/** Absolute URL of the page this email is on the hub. */
	url: string;
	/** The body rows, `<tr>` elements of the 600 px container. */
	rows: string;
	/**
	 * Why the reader gets this and who reads a reply, as text leading up to the editors' address
	 * ("… or write to"), and the footer's link beside "Subscribe or pass it on".
	 */
	footer: { note: string; link: { url: string; label: string } };
}

/**
 * Every email ends the same way, so a reader always finds who to write to and how to stop:
 * the note, the slot `npm run send` fills with a recipient's own line, and where to go next.
 */
function footerHtml(hub: EmailHub, { note, link }: EmailFrame['footer']): string {
	const { t } = hub.locale;
	const useful = hub.replies?.useful;
	const replies = hub.replies
		? `<p>${useful ? `${escape(t('useful.ask'))} <a href="${escape(useful.yes)}">${escape(t('useful.yes'))}</a> · <a href="${escape(useful.no)}">${escape(t('useful.no'))}</a> · ` : ''}<a href="${escape(hub.replies.question)}">${escape(t('ask.question'))}</a></p>
`
		: '';
	return `${replies}<p>${escape(note)} <a href="${escape(`mailto:${hub.editors.email}`)}">${escape(hub.editors.name)}</a>.</p>
${PERSONAL_SLOT}
<p><a href="${escape(link.url)}">${escape(link.label)}</a> · <a href="${escape(hub.subscribeUrl)}">${escape(hub.locale.t('email.subscribe'))}</a></p>`;
}

/**
 * The hub's name, linked, and the email's line; with the logo beside them when the hub has one.
 * The logo's alt text is the hub's name: Outlook blocks pictures until the reader allows them, and
 * shows the alt text in their place.
 */
function mastheadHtml(hub: EmailHub, frame: EmailFrame): string {
	const text = `<p class="masthead-title"><a href="${escape(frame.masthead.url)}">${escape(hub.hubTitle)}</a></p>
<p class="meta">${escape(frame.masthead.line)} · <a href="${escape(frame.url)}">${escape(hub.locale.t('email.readOnHub'))}</a></p>`;
	if (!hub.logo) return text;
	const { url, width, height } = hub.logo;
	return `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td class="masthead-logo" valign="middle"><img src="${escape(url)}" width="${width}" height="${height}" alt="${escape(hub.hubTitle)}"></td>
<td class="masthead-text" valign="middle">${text}</td>
</tr></table>`;
}

/** A self-contained HTML email around `frame.rows`, styles inlined. */
export function renderEmailFrame(hub: EmailHub, frame: EmailFrame): string {
	const page = `<!doctype html>
<html lang="${escape(hub.language)}"${directionOf(hub.language) === 'rtl' ? ' dir="rtl"' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escape(frame.subject)}</title>
<style>${darkCss(hub.accent)}</style>
</head>
<body>
<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all">${escape(frame.preheader)}${PREHEADER_PADDING}</div>
<table role="presentation" class="outer" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="${BACKGROUND.outer}"><tr><td class="outer-cell" align="center">
<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="${BACKGROUND.container}">
<tr><td class="masthead">
${mastheadHtml(hub, frame)}
</td></tr>
${frame.rows}
<tr><td class="footer" bgcolor="${BACKGROUND.panel}">
${footerHtml(hub, frame.footer)}
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr></table>
</body>
</html>
`;
	// The container keeps width="600" for clients that ignore CSS; its style makes it fluid on phones.
	return inline(page, { inlineStyleTags: false, keepStyleTags: true, extraCss: lightCss(hub.accent) });
}

/** The issue as one self-contained HTML email, styles inlined. */
export function renderEmailHtml(issue: EmailIssue): string {
	return renderEmailFrame(issue, {
		subject: subjectOf(issue),
		preheader: issue.summary,
		masthead: { url: issue.archiveUrl, line: issueLine(issue) },
		url: issue.url,
		rows: `<tr><td class="content">
<h1 dir="auto">${escape(issue.title)}</h1>
${emailSafeIntro(issue.introHtml)}
</td></tr>
<tr><td class="content"><h2>${escape(issue.locale.t('newsletter.inThisIssue'))}</h2></td></tr>
${issue.items.map((item) => itemRow(issue.locale, item)).join('\n')}`,
		footer: {
			note: issue.locale.t('email.issueFooter'),
			link: { url: issue.archiveUrl, label: issue.locale.t('email.archive') },
		},
	});
}
