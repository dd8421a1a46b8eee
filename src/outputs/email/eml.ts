/**
 * The issue as a ready-to-send message: an `.eml` file an editor opens in Outlook, adds the
 * list to and sends. `X-Unsent: 1` makes Outlook open it as a draft rather than as received mail.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { subjectOf, type EmailIssue } from './model';

/**
 * A Message-ID that names the hub and the issue, e.g.
 * `<hourglass.it.newsletter.2@intranet.example>`, so a rebuild writes the same file.
 */
export function messageIdOf(issue: EmailIssue): string {
	const url = new URL(issue.url);
	const route = url.pathname.split('/').filter(Boolean).join('.');
	return `<hourglass.${route}@${url.hostname}>`;
}

/** A multipart/alternative message holding both parts, with no recipient yet. */
export async function composeEml(issue: EmailIssue, parts: { html: string; text: string }): Promise<string> {
	const message = new MailComposer({
		from: { name: issue.editors.name, address: issue.editors.email },
		subject: subjectOf(issue),
		date: issue.date,
		messageId: messageIdOf(issue),
		headers: { 'X-Unsent': '1' },
		text: parts.text,
		html: parts.html,
		// The default boundary is random; a fixed one keeps rebuilds byte-identical.
		baseBoundary: `hourglass-issue-${issue.number}`,
		newline: 'windows',
	});
	const built = await message.compile().build();
	return built.toString('utf8');
}
