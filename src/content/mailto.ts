/**
 * The hub's `mailto:` links, on pages and in sent email: asking to join a segment's list, telling
 * the editors and the writer whether a piece was useful, asking IT a question, and picking a
 * measure in a ballot. Prefilled so that one click and "Send" is all it takes, and each subject
 * ends in a hub tag (src/content/hub-tags.ts) so that `npm run inbox` can record the reply.
 */
import type { Locale } from './i18n';
import { hubTag, type EntryRef } from './hub-tags';

/** A `mailto:` URL; subject and body are percent-encoded as RFC 6068 asks (spaces as %20, not +). */
export function mailto(address: string, fields: { subject: string; body?: string; cc?: string }): string {
	const query = [`subject=${encodeURIComponent(fields.subject)}`];
	if (fields.cc !== undefined) query.unshift(`cc=${encodeURIComponent(fields.cc)}`);
	if (fields.body !== undefined) query.push(`body=${encodeURIComponent(fields.body)}`);
	return `mailto:${address}?${query.join('&')}`;
}

/** A segment as links name it: its id in the tag, its name in the words. */
export interface SegmentName {
	id: string;
	name: string;
}

/** "Please add me to the Executives list": recorded by `npm run inbox`, approved with `npm run contacts approve`. */
export function listRequest(locale: Locale, editorsEmail: string, segments: readonly SegmentName[]): string {
	const names = locale.list(segments.map((segment) => segment.name));
	const lists = locale.t('mailto.list.lists', { count: segments.length, names });
	return mailto(editorsEmail, {
		subject: `${locale.t('mailto.list.subject', { lists })} ${hubTag({ kind: 'list-request', segments: segments.map((segment) => segment.id) })}`,
		body: locale.t('mailto.list.body', { lists, names }),
	});
}

/**
 * "Was this useful?" as two one-click links, Yes and No: to the editors, with the writer in Cc,
 * asking for one line of why. The hub tag at the subject's end stays as `npm run inbox` reads it.
 */
export function usefulLinks(locale: Locale, editorsEmail: string, entry: EntryRef, title: string, writerEmail?: string): { yes: string; no: string } {
	const link = (useful: boolean) =>
		mailto(editorsEmail, {
			...(writerEmail && writerEmail.toLowerCase() !== editorsEmail.toLowerCase() ? { cc: writerEmail } : {}),
			subject: `${locale.t(useful ? 'mailto.useful.yes' : 'mailto.useful.no', { title })} ${hubTag({ kind: 'feedback', entry, useful })}`,
			body: locale.t(useful ? 'mailto.useful.yesBody' : 'mailto.useful.noBody'),
		});
	return { yes: link(true), no: link(false) };
}

/** "Ask IT a question", from a segment's readers: recorded as an open question until a page answers it. */
export function questionLink(locale: Locale, editorsEmail: string, segment: SegmentName): string {
	return mailto(editorsEmail, {
		subject: `${locale.t('mailto.question.subject')} ${hubTag({ kind: 'question', segment: segment.id })}`,
		body: locale.t('mailto.question.body', { segment: segment.name }),
	});
}

/** "Pick this": one vote for a metric in a ballot. */
export function pickLink(locale: Locale, editorsEmail: string, ballot: string, metric: { id: string; title: string }): string {
	return mailto(editorsEmail, {
		subject: `${locale.t('mailto.pick.subject', { title: metric.title })} ${hubTag({ kind: 'pick', ballot, metric: metric.id })}`,
		body: locale.t('mailto.pick.body', { title: metric.title }),
	});
}
