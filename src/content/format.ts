import type { Locale } from './i18n/locale';

/** `2026-03-01`, for `<time datetime>` and machine-readable attributes. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** The text with its first letter a capital, to start a line or a cell: "Under way". */
export const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** "third", for a place or a rank in messages; "number 11" past ten. */
export const ordinal = (n: number): string => ORDINALS[n - 1] ?? `number ${n}`;

/** "a", "a and b", "a, b and c". */
export const listAnd = (items: readonly string[]): string =>
	items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** "three" ("drei"), for a small count in a sentence, in the hub's language; digits past ten. */
export const numberWord = (locale: Locale, n: number): string => locale.t('number.words').split('|')[n - 1] ?? locale.number(n);
