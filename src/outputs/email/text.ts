/**
 * The plain-text part of an issue email: what Outlook shows when HTML is off and what a reader
 * gets when the message is forwarded as text. Every link is written out in full.
 */
import type { Locale } from '../../content/i18n';
import { introText } from './intro';
import { TEXT_RULE } from '../../content/email-files';
import { issueLine, repliesText, subjectOf, type EmailIssue, type EmailItem } from './model';

function itemBlock(locale: Locale, item: EmailItem, index: number): string {
	return [
		`${index + 1}. ${item.title}`,
		`   ${item.kind}`,
		`   ${item.blurb}`,
		...item.details.map((detail) => `   ${detail.label}: ${detail.text}`),
		`   ${locale.t('email.read', { title: item.url })}`,
	].join('\n');
}

/** The issue as plain text, with the same content and links as the HTML part. */
export function renderEmailText(issue: EmailIssue): string {
	const { locale } = issue;
	const editors = `${issue.editors.name} <${issue.editors.email}>`;
	return (
		[
			subjectOf(issue),
			issueLine(issue),
			`${locale.t('email.readOnHub')}: ${issue.url}`,
			TEXT_RULE,
			introText(issue.introHtml),
			TEXT_RULE,
			locale.t('newsletter.inThisIssue').toLocaleUpperCase(locale.language),
			...issue.items.map((item, index) => itemBlock(locale, item, index)),
			TEXT_RULE,
			...repliesText(locale, issue.replies),
			locale.t('email.issueFooterText', { editors }),
			`${locale.t('email.archive')}: ${issue.archiveUrl}`,
			`${locale.t('email.subscribe')}: ${issue.subscribeUrl}`,
		].join('\n\n') + '\n'
	);
}
