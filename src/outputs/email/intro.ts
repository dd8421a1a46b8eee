/**
 * The editor's intro, or a paper's whole body, arrives as HTML sanitised for the web (see
 * `src/outputs/entry-html.ts`). Email takes a smaller subset of it, and the text part needs it as text.
 */
import { compile } from 'html-to-text';
import sanitizeHtml from 'sanitize-html';

/**
 * Only what every mail client renders. Headings move below the issue's own title, and images
 * without alt text are dropped: a client that blocks images shows only the alt text. Data tables
 * stay tables (a paper's figures would otherwise run together), with their header cells.
 */
export function emailSafeIntro(html: string): string {
	return sanitizeHtml(html, {
		allowedTags: [
			...['p', 'a', 'strong', 'b', 'em', 'i', 'ul', 'ol', 'li', 'br', 'blockquote', 'h3', 'h4', 'code', 'img'],
			...['table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td'],
		],
		allowedAttributes: {
			a: ['href'],
			img: ['src', 'alt', 'width', 'height'],
			th: ['scope', 'colspan', 'rowspan'],
			td: ['colspan', 'rowspan'],
		},
		allowedSchemes: ['https', 'http', 'mailto'],
		allowProtocolRelative: false,
		transformTags: { h1: 'h3', h2: 'h3', h5: 'h4', h6: 'h4' },
		exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.alt?.trim(),
	});
}

/**
 * Compiled once: html-to-text builds a selector decision tree from its options, which on every
 * `convert()` call was a third of composing an email's text part.
 */
const toText = compile({
	wordwrap: false,
	selectors: [
		{ selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
		{ selector: 'img', format: 'skip' },
		{ selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
		{ selector: 'h3', options: { uppercase: false } },
		{ selector: 'h4', options: { uppercase: false } },
	],
});

/** The intro as text; html-to-text writes each link's URL after its words: `words [url]`. */
export const introText = (html: string): string => safeHtmlText(emailSafeIntro(html));

/** `introText` of HTML that `emailSafeIntro` has already made safe. */
export function safeHtmlText(safe: string): string {
	return (
		toText(safe)
			// A paragraph that held only a dropped image would leave a gap.
			.replace(/\n{3,}/g, '\n\n')
			.trim()
	);
}
