/**
 * The email files the build writes beside a page, and the one line `npm run send` may change in
 * them: the feedback ask for contacts who agreed to give feedback. The build writes every email
 * without it (those files are published); the send command adds it to each recipient's copy at
 * the slot the build left. Both sides read this module, so the two always agree.
 */

/** Where the two parts of an entry's email live, beside its page (a route relative to the base). */
export const emailFiles = {
	html: (route: string) => `${route}email.html`,
	text: (route: string) => `${route}email.txt`,
} as const;

/** Text as HTML: the characters that would otherwise be markup are escaped. */
export const escapeHtml = (text: string): string =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Marks the line's place in the HTML footer; a comment, so the published file shows nothing. */
export const PERSONAL_SLOT = '<!--hourglass:personal-->';

/** The text part's footer follows its last rule; the line goes first in it. */
export const TEXT_RULE = '-'.repeat(40);

/** A recipient's copy of the two parts, with their line (plain text) in the footer, or none. */
export function personalise(parts: { html: string; text: string }, line: string | undefined): { html: string; text: string } {
	if (!parts.html.includes(PERSONAL_SLOT)) throw new Error('The email HTML has no slot for the personal line: rebuild the hub (npm run build)');
	const rule = parts.text.lastIndexOf(`${TEXT_RULE}\n\n`);
	if (rule === -1) throw new Error('The email text has no footer rule: rebuild the hub (npm run build)');
	if (!line) return { html: parts.html.replace(PERSONAL_SLOT, ''), text: parts.text };
	const at = rule + TEXT_RULE.length + 2;
	return {
		html: parts.html.replace(PERSONAL_SLOT, `<p><strong>${escapeHtml(line)}</strong></p>`),
		text: `${parts.text.slice(0, at)}${line}\n\n${parts.text.slice(at)}`,
	};
}
