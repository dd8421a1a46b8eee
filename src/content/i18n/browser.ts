/**
 * Messages for code that runs in the reader's browser (the search page's script). The page writes
 * them into a data attribute as JSON, already overridden for the hub, so the script needs no
 * request and no inline script (a `script-src 'self'` policy stays intact), and formats them here
 * with the browser's own `Intl`.
 */
import type { Locale } from './locale';
import type { MessageKey } from './dictionaries';
import { fill, type Message } from './messages';

/** What the search script says; the page hands over exactly these. */
export const SEARCH_MESSAGES = [
	'search.unavailable',
	'search.unavailableLater',
	'search.unavailablePreview',
	'search.prompt',
	'search.none',
	'search.count',
	'search.summary',
	'search.summaryQuery',
	'search.summaryFiltered',
	'search.summaryQueryFiltered',
	'search.withoutFilters',
	'search.or',
	'search.for',
] as const satisfies readonly MessageKey[];

export type BrowserKey = (typeof SEARCH_MESSAGES)[number];

export interface BrowserMessages {
	language: string;
	messages: Record<BrowserKey, Message>;
}

/** The messages the page passes to its script, from the hub's locale. */
export function browserMessages(locale: Locale, keys: readonly BrowserKey[]): BrowserMessages {
	return { language: locale.language, messages: Object.fromEntries(keys.map((key) => [key, locale.message(key)])) as Record<BrowserKey, Message> };
}

/** `t()` in the browser, for the messages a page passed. */
export function browserTranslator({ language, messages }: BrowserMessages): (key: BrowserKey, values?: Readonly<Record<string, string | number>>) => string {
	const plural = new Intl.PluralRules(language);
	const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
	return (key, values = {}) => {
		const message = messages[key];
		const text = typeof message === 'string' ? message : (message[typeof values.count === 'number' ? plural.select(values.count) : 'other'] ?? message.other);
		return fill(text, values, (n) => number.format(n));
	};
}
