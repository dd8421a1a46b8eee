/**
 * The hub's `mailto:` links: asking the editors to join a segment's list, and telling a writer
 * whether a piece was useful. Prefilled so that one click and "Send" is all it takes.
 */
import type { Locale } from './i18n';

/** A `mailto:` URL; subject and body are percent-encoded as RFC 6068 asks (spaces as %20, not +). */
export function mailto(address: string, fields: { subject: string; body?: string }): string {
	const query = [`subject=${encodeURIComponent(fields.subject)}`];
	if (fields.body !== undefined) query.push(`body=${encodeURIComponent(fields.body)}`);
	return `mailto:${address}?${query.join('&')}`;
}

/** "Please add me to the Executives list": to the editors, who add the sender with `npm run contacts`. */
export function listRequest(locale: Locale, editorsEmail: string, segmentNames: readonly string[]): string {
	const names = locale.list(segmentNames);
	const lists = locale.t('mailto.list.lists', { count: segmentNames.length, names });
	return mailto(editorsEmail, {
		subject: locale.t('mailto.list.subject', { lists }),
		body: locale.t('mailto.list.body', { lists, names }),
	});
}

/** "Feedback: <title>", to the writer. */
export const feedbackRequest = (locale: Locale, authorEmail: string, title: string): string =>
	mailto(authorEmail, { subject: locale.t('mailto.feedback.subject', { title }) });
