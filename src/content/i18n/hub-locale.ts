import fs from 'node:fs';
import path from 'node:path';
import { contentDir } from '../content-dir';
import { assertNoProblems } from '../problems';
import { hubLanguage } from './hub-language';
import { createLocale, type Locale } from './locale';
import { overrideFile, readOverrides } from './overrides';

const locales = new Map<string, { stamp: string; locale: Locale }>();

/** When the files a locale is made of last changed: the preview picks up an edited override. */
const stampOf = (files: readonly (string | undefined)[]) =>
	files.map((file) => (file && fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0)).join('|');

/**
 * The hub's locale: its language from hub.yaml and its overrides from `content/i18n/`. One per
 * content folder, so two hubs built in one process never share words. Throws `ContentProblems`
 * when the override file has problems.
 */
export function hubLocale(dir: string = contentDir()): Locale {
	const settings = path.join(dir, 'hub.yaml');
	const language = hubLanguage(dir);
	const file = overrideFile(dir, language);
	const stamp = `${language}|${file ?? ''}|${stampOf([settings, file])}`;
	const known = locales.get(dir);
	if (known?.stamp === stamp) return known.locale;
	const overrides = file ? readOverrides(file, language) : { messages: {}, problems: [] };
	assertNoProblems(overrides.problems, createLocale(language));
	const locale = createLocale(language, overrides.messages);
	locales.set(dir, { stamp, locale });
	return locale;
}
