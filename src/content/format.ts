/**
 * Dates are calendar dates in frontmatter (midnight UTC), so they are shown in UTC: in any other
 * zone "2026-03-01" could read as the last day of February.
 */
const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

export const formatDate = (date: Date): string => longDate.format(date);

/** `2026-03-01`, for `<time datetime>` and machine-readable attributes. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** The text with its first letter a capital, to start a line or a cell: "Under way". */
export const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
