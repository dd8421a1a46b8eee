/**
 * The one publication rule. Every output (pages, feeds, search, sitemap, email) decides what to
 * show through `visibility()`; nothing else compares dates or reads `draft`.
 */
import { COLLECTIONS, type CollectionName } from './kinds';

/** The fields the rule reads; every publishable kind maps onto them. */
export interface Publishable {
	draft: boolean;
	published: Date;
	expires?: Date | undefined;
}

/**
 * - `draft`: marked as a draft; only the preview shows it.
 * - `scheduled`: dated after the build; only the preview shows it.
 * - `live`: published; in lists, feeds, search and on the home page.
 * - `archived`: past its `expires` date; keeps its page (old links work) but leaves every list.
 */
export type Visibility = 'draft' | 'scheduled' | 'live' | 'archived';

export function visibility(entry: Publishable, now: Date): Visibility {
	if (entry.draft) return 'draft';
	if (entry.published.getTime() > now.getTime()) return 'scheduled';
	if (entry.expires && entry.expires.getTime() < now.getTime()) return 'archived';
	return 'live';
}

/** The date an entry goes live on, by its collection's date field (`published`, an issue's `date`, a campaign's `start`). */
export function publishedOn(collection: string, data: object): Date | undefined {
	const field = collection in COLLECTIONS ? (COLLECTIONS[collection as CollectionName] as { published?: string }).published : undefined;
	const published = field === undefined ? undefined : (data as Record<string, unknown>)[field];
	return published instanceof Date ? published : undefined;
}

/** The status of an entry's validated data. Undefined for kinds that are not published (segments…). */
export function statusOf(collection: string, data: Record<string, unknown>, now: Date): Visibility | undefined {
	const published = publishedOn(collection, data);
	if (!published) return undefined;
	return visibility({ draft: data.draft === true, published, expires: data.expires instanceof Date ? data.expires : undefined }, now);
}

/** Whether an entry gets its own page: always when published, and in the preview also when not yet. */
export function hasPage(status: Visibility, preview: boolean): boolean {
	return preview || status === 'live' || status === 'archived';
}

/** Whether an entry appears in lists, feeds, search, the sitemap and emails. */
export function isListed(status: Visibility, preview: boolean): boolean {
	return status === 'live' || (preview && (status === 'draft' || status === 'scheduled'));
}

/**
 * The moment the build treats as "now". `HOURGLASS_NOW` (an ISO date) pins it, so tests and
 * screenshots do not change as the calendar moves on.
 */
export function buildTime(env: Record<string, string | undefined> = process.env): Date {
	const pinned = env.HOURGLASS_NOW;
	if (!pinned) return new Date();
	const date = new Date(pinned);
	if (Number.isNaN(date.getTime())) {
		throw new Error(`HOURGLASS_NOW must be an ISO date such as 2026-11-23, found "${pinned}"`);
	}
	return date;
}
