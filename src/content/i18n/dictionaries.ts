import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import type { Message } from './messages';

/** Every message the hub writes, keyed by meaning; en.ts is the reference every other dictionary follows. */
export type MessageKey = keyof typeof en;
export type Dictionary = Record<MessageKey, Message>;

export const DICTIONARIES = { en, de, fr, es } satisfies Record<string, Dictionary>;
export type DictionaryLanguage = keyof typeof DICTIONARIES;
export const DICTIONARY_LANGUAGES = Object.keys(DICTIONARIES) as DictionaryLanguage[];
