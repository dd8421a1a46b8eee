/**
 * The hub's `mailto:` links, on pages and in sent email: asking to join a segment's list, telling
 * the editors and the writer whether a piece was useful, asking IT a question, and picking a
 * measure in a ballot. Prefilled so that one click and "Send" is all it takes, and each subject
 * ends in a hub tag (src/content/hub-tags.ts) so that `npm run inbox` can record the reply.
 */
import { hubTag, type EntryRef } from './hub-tags';

/** A `mailto:` URL; subject and body are percent-encoded as RFC 6068 asks (spaces as %20, not +). */
export function mailto(address: string, fields: { subject: string; body?: string; cc?: string }): string {
	const query = [`subject=${encodeURIComponent(fields.subject)}`];
	if (fields.cc !== undefined) query.unshift(`cc=${encodeURIComponent(fields.cc)}`);
	if (fields.body !== undefined) query.push(`body=${encodeURIComponent(fields.body)}`);
	return `mailto:${address}?${query.join('&')}`;
}

/** "Executives", "Executives and Finance", "Executives, Finance and Superusers". */
const and = (names: readonly string[]) => (names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** A segment as links name it: its id in the tag, its name in the words. */
export interface SegmentName {
	id: string;
	name: string;
}

/** "Please add me to the Executives list": recorded by `npm run inbox`, approved with `npm run contacts approve`. */
export function listRequest(editorsEmail: string, segments: readonly SegmentName[]): string {
	const names = segments.map((segment) => segment.name);
	const lists = `${and(names)} ${names.length > 1 ? 'lists' : 'list'}`;
	return mailto(editorsEmail, {
		subject: `Please add me to the ${lists} ${hubTag({ kind: 'list-request', segments: segments.map((segment) => segment.id) })}`,
		body: `Hello,\n\nPlease add me to the ${lists}, so I get the position papers and case studies written for ${and(names)} by email.\n\nI am happy to say whether they are useful (yes or no):\n\nName:\nRole:\n`,
	});
}

/**
 * "Was this useful?" as two one-click links, Yes and No: to the editors, with the writer in Cc,
 * asking for one line of why.
 */
export function usefulLinks(editorsEmail: string, entry: EntryRef, title: string, writerEmail?: string): { yes: string; no: string } {
	const link = (useful: boolean) =>
		mailto(editorsEmail, {
			...(writerEmail && writerEmail.toLowerCase() !== editorsEmail.toLowerCase() ? { cc: writerEmail } : {}),
			subject: `Useful: ${useful ? 'yes' : 'no'} · ${title} ${hubTag({ kind: 'feedback', entry, useful })}`,
			body: `${useful ? 'Yes, this was useful' : 'No, this was not useful'}. In one line, why:\n\n`,
		});
	return { yes: link(true), no: link(false) };
}

/** "Ask IT a question", from a segment's readers: recorded as an open question until a page answers it. */
export function questionLink(editorsEmail: string, segment: SegmentName): string {
	return mailto(editorsEmail, {
		subject: `Question for IT ${hubTag({ kind: 'question', segment: segment.id })}`,
		body: `Replace the subject's first words with your question, and add anything that helps us answer it.\n\nWe answer in a short paper for ${segment.name}; it shows your question and your role, never your name.\n`,
	});
}

/** "Pick this": one vote for a metric in a ballot. */
export function pickLink(editorsEmail: string, ballot: string, metric: { id: string; title: string }): string {
	return mailto(editorsEmail, {
		subject: `Pick: ${metric.title} ${hubTag({ kind: 'pick', ballot, metric: metric.id })}`,
		body: `I pick "${metric.title}" as one of the three measures everyone needs to know.\n`,
	});
}
