/**
 * One recipient's message: addressed to them alone (no shared To or Cc), replies to the writer,
 * and an unsubscribe header that reaches the editors, who take people off with `npm run contacts`.
 */
import { randomUUID } from 'node:crypto';
import type Mail from 'nodemailer/lib/mailer';
import type { Contact } from '../../checks/contacts';
import type { Settings } from '../../content/schemas/settings';
import { personalise } from '../../content/email-files';
import { mailto } from '../../content/mailto';
import type { Locale } from '../../content/i18n';
import type { SendTarget } from './target';

/** A Message-ID in the editors' domain that names the entry, unique per message. */
export function newMessageId(target: Pick<SendTarget, 'key'>, editorsEmail: string): string {
	const domain = editorsEmail.split('@').at(-1);
	return `<${target.key.replace(/\//g, '.')}.${randomUUID()}@${domain}>`;
}

export function messageFor(
	target: SendTarget,
	contact: Contact,
	{ settings, locale, messageId, date }: { settings: Settings; locale: Locale; messageId: string; date: Date },
): Mail.Options {
	const { html, text } = personalise(target, contact.feedback ? target.feedbackAsk : undefined);
	const { editors } = settings;
	return {
		from: { name: target.fromName, address: editors.email },
		to: { name: contact.name, address: contact.email },
		replyTo: target.replyTo,
		subject: target.subject,
		messageId,
		date,
		html,
		text,
		// Set as a header rather than nodemailer's `list` option, which only its transports apply: the
		// dry run's .eml files must carry it too.
		headers: {
			'List-Unsubscribe': `<${mailto(editors.email, {
				subject: locale.t('mailto.unsubscribe.subject'),
				body: locale.t('mailto.unsubscribe.body', { email: contact.email }),
			})}>`,
		},
	};
}
