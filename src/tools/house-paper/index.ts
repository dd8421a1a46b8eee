/**
 * The draft paper a new hub starts with, one module per shipped dictionary: too long for a
 * dictionary message, and a text of its own in each language rather than a translation line by line.
 * Each shows the house form by being an example of it, and lints clean in its language.
 */
import type { DictionaryLanguage } from '../../content/i18n/index.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';

export interface HousePaper {
	title: string;
	summary: string;
	businessValue: string;
	/** The MDX body, line by line: an opening paragraph, then the house form under four headings. */
	body: readonly string[];
}

export const HOUSE_PAPERS: Record<DictionaryLanguage, HousePaper> = { en, de, fr, es };
