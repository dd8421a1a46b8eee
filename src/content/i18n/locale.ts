/**
 * A hub's language at work: its words (a dictionary, with the hub's overrides on top) and its
 * formats (dates, numbers, lists, plurals through `Intl`). Everything the hub writes itself, on
 * pages, in feeds, email, search and the writer tools, goes through one `Locale`.
 */
import { DICTIONARIES, type Dictionary, type DictionaryLanguage, type MessageKey } from './dictionaries';
import { fill, splitMessage, type Message, type MessagePart } from './messages';

export type Values = Readonly<Record<string, string | number>>;

/** Scripts written right to left, by the language subtag (Starlight's list, trimmed to those in use). */
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** The language subtag of a BCP 47 tag: `de` of `de-CH`. */
export const primaryLanguage = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/** `rtl` for Arabic, Hebrew and the other right-to-left scripts. */
export const directionOf = (tag: string): 'ltr' | 'rtl' => (RTL.has(primaryLanguage(tag)) ? 'rtl' : 'ltr');

/** The shipped dictionary for a tag: `de-AT` reads `de`; a language without one reads English. */
export function dictionaryLanguage(tag: string): DictionaryLanguage {
	const primary = primaryLanguage(tag);
	return primary in DICTIONARIES ? (primary as DictionaryLanguage) : 'en';
}

export interface Locale {
	/** The BCP 47 tag, as `<html lang>` and `Intl` take it. */
	readonly language: string;
	/** Which shipped dictionary the words come from. */
	readonly dictionary: DictionaryLanguage;
	readonly dir: 'ltr' | 'rtl';
	/** The message for `key`, its placeholders filled (numbers formatted), its plural form chosen by `count`. */
	t: (key: MessageKey, values?: Values) => string;
	/** The message itself, with its plural forms, for code that formats it elsewhere (the browser). */
	message: (key: MessageKey) => Message;
	/** The message split at the placeholders `values` does not fill, for markup in its place. */
	parts: (key: MessageKey, values?: Values) => MessagePart[];
	/** "24 November 2026", "24. November 2026". Calendar dates are midnight UTC, so shown in UTC. */
	date: (date: Date) => string;
	/** "November 2026". */
	monthYear: (date: Date) => string;
	/** "Nov 2026", for a chart's axis. */
	shortMonthYear: (date: Date) => string;
	/** "24 Nov", for a chart's axis. */
	dayMonth: (date: Date) => string;
	number: (value: number, options?: Intl.NumberFormatOptions) => string;
	/** "A, B and C" ("A, B und C"); `or` for "A, B or C"; `unit` for a plain enumeration, "A, B, C" in English. */
	list: (items: readonly string[], type?: 'and' | 'or' | 'unit') => string;
	/** The same words with another language's formats: an entry's own `lang` inside the entry. */
	formatsOf: (tag: string | undefined) => Locale;
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(language: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
	const key = `${language}|${JSON.stringify(options)}`;
	let format = cache.get(key);
	if (!format) {
		format = new Intl.NumberFormat(language, options);
		cache.set(key, format);
	}
	return format;
}

/** The default number format: at most two decimals, as every figure the hub shows. */
const FIGURE: Intl.NumberFormatOptions = { maximumFractionDigits: 2 };

/**
 * The locale for a language tag, with `overrides` (a hub's `content/i18n/<lang>.yaml`, already
 * checked) over its dictionary, and `formats` the tag dates and numbers follow (the hub's own by default).
 */
export function createLocale(language: string, overrides: Partial<Dictionary> = {}, formats: string = language): Locale {
	const dictionary = dictionaryLanguage(language);
	const words: Dictionary = { ...DICTIONARIES[dictionary], ...overrides };
	const plural = new Intl.PluralRules(formats);
	const longDate = new Intl.DateTimeFormat(formats, { dateStyle: 'long', timeZone: 'UTC' });
	const monthYear = new Intl.DateTimeFormat(formats, { month: 'long', year: 'numeric', timeZone: 'UTC' });
	const shortMonthYear = new Intl.DateTimeFormat(formats, { month: 'short', year: 'numeric', timeZone: 'UTC' });
	const dayMonth = new Intl.DateTimeFormat(formats, { day: 'numeric', month: 'short', timeZone: 'UTC' });
	const lists = {
		and: new Intl.ListFormat(formats, { type: 'conjunction' }),
		or: new Intl.ListFormat(formats, { type: 'disjunction' }),
		unit: new Intl.ListFormat(formats, { type: 'unit', style: 'short' }),
	};
	// Most figures take the default format: it skips the cache's key, which cost more than the formatting.
	const figure = numberFormat(formats, FIGURE);
	const number = (value: number, options: Intl.NumberFormatOptions = FIGURE) =>
		(options === FIGURE ? figure : numberFormat(formats, options)).format(value);
	const text = (message: Message, values: Values): string => {
		if (typeof message === 'string') return message;
		const count = values.count;
		const form = typeof count === 'number' ? plural.select(count) : 'other';
		return message[form] ?? message.other;
	};
	const others = new Map<string, Locale>();
	const locale: Locale = {
		language,
		dictionary,
		dir: directionOf(language),
		message: (key) => words[key],
		t: (key, values = {}) => fill(text(words[key], values), values, (n) => number(n)),
		parts: (key, values = {}) =>
			splitMessage(text(words[key], values)).map((part) => {
				if (typeof part === 'string' || !(part.slot in values)) return part;
				const value = values[part.slot]!;
				return typeof value === 'number' ? number(value) : value;
			}),
		date: (date) => longDate.format(date),
		monthYear: (date) => monthYear.format(date),
		shortMonthYear: (date) => shortMonthYear.format(date),
		dayMonth: (date) => dayMonth.format(date),
		number,
		list: (items, type = 'and') => lists[type].format(items),
		formatsOf: (tag) => {
			if (tag === undefined || tag === formats) return locale;
			// Once per tag: every page and email of an entry in another language asks again, and the Intl objects are dear to make.
			let other = others.get(tag);
			if (!other) {
				other = createLocale(language, overrides, tag);
				others.set(tag, other);
			}
			return other;
		},
	};
	return locale;
}
