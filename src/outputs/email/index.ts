/** Composes an issue's three email files from one plain model. Pure: no Astro, no file system. */
import { composeEml } from './eml';
import { renderEmailHtml } from './html';
import type { EmailIssue } from './model';
import { renderEmailText } from './text';

export type { EmailDetail, EmailIssue, EmailItem, EmailLogo } from './model';
export { subjectOf } from './model';

export interface IssueEmail {
	html: string;
	text: string;
	eml: string;
}

export async function composeIssueEmail(issue: EmailIssue): Promise<IssueEmail> {
	const html = renderEmailHtml(issue);
	const text = renderEmailText(issue);
	return { html, text, eml: await composeEml(issue, { html, text }) };
}
