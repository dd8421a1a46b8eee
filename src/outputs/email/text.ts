/**
 * The plain-text part of an issue email: what Outlook shows when HTML is off and what a reader
 * gets when the message is forwarded as text. Every link is written out in full.
 */
import { introText } from './intro';
import { TEXT_RULE } from '../../content/email-files';
import { issueLine, repliesText, subjectOf, type EmailIssue, type EmailItem } from './model';

function itemBlock(item: EmailItem, index: number): string {
	return [
		`${index + 1}. ${item.title}`,
		`   ${item.kind}`,
		`   ${item.blurb}`,
		...item.details.map((detail) => `   ${detail.label}: ${detail.text}`),
		`   Read: ${item.url}`,
	].join('\n');
}

/** The issue as plain text, with the same content and links as the HTML part. */
export function renderEmailText(issue: EmailIssue): string {
	const editors = `${issue.editors.name} <${issue.editors.email}>`;
	return (
		[
			subjectOf(issue),
			issueLine(issue),
			`Read it on the hub: ${issue.url}`,
			TEXT_RULE,
			introText(issue.introHtml),
			TEXT_RULE,
			'IN THIS ISSUE',
			...issue.items.map(itemBlock),
			TEXT_RULE,
			...repliesText(issue.replies),
			`You get this note because you asked the editors for it. Questions or ideas? Reply, or write to ${editors}.`,
			`Every issue in the archive: ${issue.archiveUrl}`,
			`Subscribe or pass it on: ${issue.subscribeUrl}`,
		].join('\n\n') + '\n'
	);
}
