import type { Listing } from '../hub/hub';
import { isListed } from '../content/publication';

/**
 * Attributes for the element holding an entry's main content: `data-pagefind-body` when the entry
 * belongs in search. Once any page has it, Pagefind indexes only marked pages, so lists, the home
 * page and archived entries (which keep their page but leave every list) stay out of results.
 */
export const searchBody = (item: Pick<Listing, 'status'>): { 'data-pagefind-body'?: '' } =>
	isListed(item.status, false) ? { 'data-pagefind-body': '' } : {};
