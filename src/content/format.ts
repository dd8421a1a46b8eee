import type { MessageKey } from './i18n/dictionaries';
import type { Locale } from './i18n/locale';
import { phrase, type Phrase } from './problems';

/** `2026-03-01`, for `<time datetime>` and machine-readable attributes. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/** The text with its first letter a capital, to start a line or a cell: "Under way". */
export const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "third", for a place or a rank in messages; "number 11" past ten. */
export const ordinal = (n: number): Phrase => (n >= 1 && n <= 10 ? phrase(`ordinal.${n}` as MessageKey) : phrase('ordinal.other', { count: n }));

/** "three" ("drei"), for a small count in a sentence, in the hub's language; digits past ten. */
export const numberWord = (locale: Locale, n: number): string => locale.t('number.words').split('|')[n - 1] ?? locale.number(n);
