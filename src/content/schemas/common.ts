import { z } from 'astro/zod';

/**
 * Ids end up in URLs and feed file names (`/segments/<id>/`, `/feeds/<id>.xml`), so they must be
 * lower-case kebab-case ASCII: anything else would need escaping and breaks bookmarks.
 */
export const URL_SAFE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const urlSafeId = (what: string) =>
	z.string().regex(URL_SAFE_ID, {
		message: `${what} of lower-case letters, digits and single hyphens (for example "cloud-costs")`,
	});

/** A calendar date written as `2026-03-14` in frontmatter (YAML dates and ISO strings both work). */
export const calendarDate = z.coerce.date({ message: 'expected a date such as 2026-03-14' });

/** An email address; writers get feedback mail here, and feeds show it as the author. */
export const email = z.email({ message: 'expected an email address such as name@example.com' });
