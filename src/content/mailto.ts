/**
 * The hub's `mailto:` links: asking the editors to join a segment's list, and telling a writer
 * whether a piece was useful. Prefilled so that one click and "Send" is all it takes.
 */

/** A `mailto:` URL; subject and body are percent-encoded as RFC 6068 asks (spaces as %20, not +). */
export function mailto(address: string, fields: { subject: string; body?: string }): string {
	const query = [`subject=${encodeURIComponent(fields.subject)}`];
	if (fields.body !== undefined) query.push(`body=${encodeURIComponent(fields.body)}`);
	return `mailto:${address}?${query.join('&')}`;
}

/** "Executives", "Executives and Finance", "Executives, Finance and Superusers". */
const and = (names: readonly string[]) => (names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** "Please add me to the Executives list": to the editors, who add the sender with `npm run contacts`. */
export function listRequest(editorsEmail: string, segmentNames: readonly string[]): string {
	const lists = `${and(segmentNames)} ${segmentNames.length > 1 ? 'lists' : 'list'}`;
	return mailto(editorsEmail, {
		subject: `Please add me to the ${lists}`,
		body: `Hello,\n\nPlease add me to the ${lists}, so I get the position papers and case studies written for ${and(segmentNames)} by email.\n\nI am happy to say whether they are useful (yes or no):\n\nName:\nRole:\n`,
	});
}

/** "Feedback: <title>", to the writer. */
export const feedbackRequest = (authorEmail: string, title: string): string => mailto(authorEmail, { subject: `Feedback: ${title}` });

/** "Pick: <metric title>", to the editors: one vote in a ballot, read by `npm run inbox`. */
export const pickRequest = (editorsEmail: string, pick: { ballot: string; metric: string; title: string }): string =>
	mailto(editorsEmail, {
		subject: `Pick: ${pick.title} [hub:pick ${pick.ballot} ${pick.metric}]`,
		body: `I pick "${pick.title}" as one of the measures that matter most to us.\n`,
	});
