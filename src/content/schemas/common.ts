import { z } from 'astro/zod';
import type { MessageKey } from '../i18n/dictionaries';
import { phrase, type Phrase } from '../problems';
import { says } from '../zod-problems';

/**
 * Ids end up in URLs and feed file names (`/segments/<id>/`, `/feeds/<id>.xml`), so they must be
 * lower-case kebab-case ASCII: anything else would need escaping and breaks bookmarks.
 */
export const URL_SAFE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const urlSafeId = (what: 'segment' | 'question' | 'ballot' | 'metric') => z.string().regex(URL_SAFE_ID, says(`problem.id.${what}`));

/** The year, month and day of a date written as `2026-03-14` (a time may follow). */
const WRITTEN_DAY = /^\s*(\d{4})-(\d{2})-(\d{2})(?![\d-])/;

/**
 * What is wrong with a written date whose day is not in the calendar, or undefined. JavaScript's
 * Date (and YAML parsers that make dates) would silently roll `2026-02-30` over to 2 March.
 */
export function impossibleDay(value: unknown): Phrase | undefined {
	const match = typeof value === 'string' ? WRITTEN_DAY.exec(value) : null;
	if (!match) return undefined;
	const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
	if (month < 1 || month > 12) return phrase('problem.day.month');
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return day >= 1 && day <= days ? undefined : phrase('problem.day', { month: new Date(Date.UTC(year, month - 1, 1)), count: days });
}

/**
 * A calendar date written as `2026-03-14` in frontmatter (YAML dates and ISO strings both work). A
 * day the calendar lacks is refused with the day written as it was, not rolled over.
 */
export const calendarDate = z
	.unknown()
	.check((context) => {
		const problem = impossibleDay(context.value);
		if (problem) context.issues.push({ code: 'custom', message: problem.messageId, params: problem.data, input: context.value, continue: false });
	})
	.pipe(z.coerce.date(says('problem.date')));

/**
 * Text a reader sees, trimmed: a title of spaces would give an empty heading. `min` counts what is
 * left after trimming.
 */
export const text = (min: number, message?: MessageKey) =>
	z
		.string()
		.trim()
		.min(min, message === undefined ? undefined : says(message));

const isLanguageTag = (tag: string) => {
	try {
		return Intl.getCanonicalLocales(tag).length === 1;
	} catch {
		return false;
	}
};

/** A BCP 47 language tag, as the `lang` attribute takes it: `en-GB`, `de`, `ja`, `ar`. */
export const languageTag = z.string().trim().refine(isLanguageTag, says('problem.languageTag'));

/** An email address; writers get feedback mail here, and feeds show it as the author. */
export const email = z.email(says('problem.email'));
