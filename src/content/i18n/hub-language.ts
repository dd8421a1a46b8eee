import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../content-dir';
import { createLocale, type Locale } from './locale';

/**
 * The hub's language from hub.yaml, before the settings are checked: a file that is missing, does
 * not parse or names no language reads `en-GB` here, and the settings' check reports what is wrong.
 */
export function hubLanguage(dir: string = contentDir()): string {
	const file = path.join(dir, 'hub.yaml');
	if (!fs.existsSync(file)) return 'en-GB';
	let raw: { language?: unknown } | null;
	try {
		raw = parse(fs.readFileSync(file, 'utf8')) as { language?: unknown } | null;
	} catch {
		return 'en-GB';
	}
	return typeof raw?.language === 'string' && raw.language.trim() ? raw.language.trim() : 'en-GB';
}

/**
 * The words writers read, in the hub's language: content problems (build, linter and CLIs alike)
 * and the writer commands' lines. From the shipped dictionary alone, never the hub's overrides, so
 * a broken override file is still reported in words that work, and the build and the linter say
 * every problem the same way (docs/writing.md, Languages).
 */
export const writerLocale = (dir: string = contentDir()): Locale => createLocale(hubLanguage(dir));
