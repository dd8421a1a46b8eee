import { listFiles } from '../helpers/build-hub';

/**
 * Newsletter emails are built beside the pages but are email HTML (tables, inline styles, no CSP):
 * the page gates do not apply to them.
 */
export const isEmail = (file: string): boolean => /(^|\/)emails?(\/|[-.][^/]*\.html$)/.test(file);

/** The HTML pages of a built site, relative to it: every `.html` but emails. */
export async function htmlPages(dist: string): Promise<string[]> {
	return (await listFiles(dist)).filter((file) => file.endsWith('.html') && !isEmail(file));
}
