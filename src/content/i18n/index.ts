/** The hub's words and formats in its language: see locale.ts; the dictionaries are en.ts, de.ts, fr.ts, es.ts. */
export { createLocale, directionOf, dictionaryLanguage, primaryLanguage, type Locale, type Values } from './locale';
export { hubLocale } from './hub-locale';
export { hubLanguage, writerLocale } from './hub-language';
export { overrideFile, readOverrides, I18N_FOLDER } from './overrides';
export { DICTIONARIES, DICTIONARY_LANGUAGES, type Dictionary, type DictionaryLanguage, type MessageKey } from './dictionaries';
export { placeholders, splitMessage, type Message, type MessagePart } from './messages';
export { browserMessages, browserTranslator, SEARCH_MESSAGES, type BrowserMessages } from './browser';
