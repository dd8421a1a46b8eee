/**
 * Durations as people who keep a list of systems write them: `15m`, `4h`, `2d`, `1h30m`, `1w`. A
 * dozen lines of our own rather than a library: the libraries that parse durations also accept
 * "1 year" or "5 s", which no one can wait for a system in, and give no words for what they refuse.
 */
import type { Locale } from './i18n/locale';
import { phrase, say, type Phrase } from './problems';

const UNITS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const WRITTEN = /^(?:\d+(?:\.\d+)?[mhdw])+$/;
const PART = /(\d+(?:\.\d+)?)([mhdw])/g;

/** Milliseconds, or undefined when the text is not a duration (or is zero). */
export function parseDuration(text: string): number | undefined {
	const compact = text.replace(/\s+/g, '').toLowerCase();
	if (!WRITTEN.test(compact)) return undefined;
	let total = 0;
	for (const [, amount, unit] of compact.matchAll(PART)) total += Number(amount) * UNITS[unit as keyof typeof UNITS];
	return total > 0 ? total : undefined;
}

/** "15 minutes", "1 hour 30 minutes", as a phrase: pages say it at once, a problem when it is formatted. */
export function durationPhrase(ms: number): Phrase {
	const minutes = Math.round(ms / UNITS.m);
	const count = (key: 'duration.minutes' | 'duration.hours' | 'duration.days', value: number) => phrase(key, { count: value });
	const both = (first: Phrase, second: Phrase | false) => (second ? phrase('duration.join', { first, second }) : first);
	if (minutes < 60) return count('duration.minutes', minutes);
	const days = Math.floor(minutes / 1440);
	const hours = Math.floor((minutes % 1440) / 60);
	const rest = minutes % 60;
	if (days > 0 && rest === 0) return both(count('duration.days', days), hours > 0 && count('duration.hours', hours));
	return both(count('duration.hours', Math.floor(minutes / 60)), rest > 0 && count('duration.minutes', rest));
}

/** "15 minutes", "4 hours", "1 hour 30 minutes", "2 days": how pages say a duration, in the hub's language. */
export const formatDuration = (locale: Locale, ms: number): string => say(durationPhrase(ms), locale);

/**
 * "1h5m" ("1 Std. 5 Min.", "1 h 5 min"): a duration in few characters, for a chart's row, in the
 * hub's language; in English the same as `writeDuration`.
 */
export function shortDuration(locale: Locale, ms: number): string {
	const minutes = Math.round(ms / UNITS.m);
	if (minutes % 1440 === 0) return locale.t('duration.shortDays', { count: minutes / 1440 });
	const rest = minutes % 60;
	if (minutes < 60) return locale.t('duration.shortMinutes', { count: rest });
	const hours = locale.t('duration.shortHours', { count: Math.floor(minutes / 60) });
	return rest > 0 ? locale.t('duration.shortJoin', { first: hours, second: locale.t('duration.shortMinutes', { count: rest }) }) : hours;
}

/** "15m", "4h", "1h30m", "2d": how durations are written back (notes, messages). */
export function writeDuration(ms: number): string {
	const minutes = Math.round(ms / UNITS.m);
	if (minutes % 1440 === 0) return `${minutes / 1440}d`;
	if (minutes < 60) return `${minutes}m`;
	return `${Math.floor(minutes / 60)}h${minutes % 60 > 0 ? `${minutes % 60}m` : ''}`;
}

export const HOUR = UNITS.h;
