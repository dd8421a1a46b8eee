/**
 * The one line of an email that differs between recipients: the feedback ask for contacts who
 * agreed to give feedback. The build writes every email without it (those files are published);
 * `npm run send` adds it to each recipient's copy at the slot the build left.
 */

/** Marks the line's place in the HTML footer; a comment, so the published file shows nothing. */
export const PERSONAL_SLOT = '<!--hourglass:personal-->';

/** The text part's footer follows its last rule; the line goes first in it. */
export const TEXT_RULE = '-'.repeat(40);

export interface PersonalLine {
	/** An HTML paragraph, escaped. */
	html: string;
	text: string;
}

/** A recipient's copy of the two parts, with their line in the footer (or none). */
export function personalise(parts: { html: string; text: string }, line: PersonalLine | undefined): { html: string; text: string } {
	if (!parts.html.includes(PERSONAL_SLOT))
		throw new Error('The email HTML has no slot for the personal line: rebuild the hub (npm run build)');
	const rule = parts.text.lastIndexOf(`${TEXT_RULE}\n\n`);
	if (rule === -1) throw new Error('The email text has no footer rule: rebuild the hub (npm run build)');
	if (!line) return { html: parts.html.replace(PERSONAL_SLOT, ''), text: parts.text };
	const at = rule + TEXT_RULE.length + 2;
	return {
		html: parts.html.replace(PERSONAL_SLOT, line.html),
		text: `${parts.text.slice(0, at)}${line.text}\n\n${parts.text.slice(at)}`,
	};
}
