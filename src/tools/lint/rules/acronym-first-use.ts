import { z } from 'astro/zod';
import { bodySpans } from '../prose.ts';
import type { TextSpan } from '../../../content/source.ts';
import { defineRule, type Report } from '../types.ts';
import type { Locale } from '../../../content/i18n/index.ts';

/** Two or more capitals (digits and `&` allowed inside), optionally a plural "s": CRM, VPNs, B2B. */
const ACRONYM = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}\p{N}&]*\p{Lu})(s?)(?![\p{L}\p{N}])/gu;
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'on', '&', 'a', 'an']);

/** Joins spans into one text (a space between them) and keeps each character's file offset. */
function join(spans: readonly TextSpan[]): TextSpan {
	const text = spans.map((span) => span.text).join(' ');
	// Each span's last offset (just after it) stands for the joining space.
	const offsets = spans.flatMap((span) => span.offsets);
	return { text, offsets };
}

/** Whether words end with the acronym's letters as initials: "multi-factor authentication" for MFA. */
export function initialsMatch(acronym: string, before: string): boolean {
	const words = before
		.split(/[\s\-–/]+/)
		.filter((word) => /\p{L}/u.test(word))
		.reverse();
	const letters = Array.from(acronym.replace(/[^\p{L}]/gu, '').toLowerCase()).reverse();
	let next = 0;
	for (const word of words) {
		if (next === letters.length) break;
		const initial = word.replace(/^[^\p{L}]+/u, '')[0]?.toLowerCase();
		if (initial === letters[next]) next++;
		else if (!SMALL_WORDS.has(word.toLowerCase())) return false;
	}
	return next === letters.length;
}

/**
 * Whether an acronym is spelled out where it stands: "customer relationship management (CRM)"
 * or "CRM (customer relationship management)".
 */
export function spelledOut(text: string, index: number, length: number, acronym: string): boolean {
	const before = text.slice(0, index);
	const after = text.slice(index + length);
	if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) return initialsMatch(acronym, before.replace(/\(\s*$/, '').slice(-200));
	const expansion = /^\s*\(([^)]+)\)/.exec(after);
	return expansion !== null && initialsMatch(acronym, expansion[1]!);
}

export function acronymReports(spans: readonly TextSpan[], allow: readonly string[], locale: Locale): Report[] {
	const allowed = new Set(allow);
	const seen = new Set<string>();
	const reports: Report[] = [];
	const all = join(spans);
	for (const match of all.text.matchAll(ACRONYM)) {
		const acronym = match[1]!;
		if (allowed.has(acronym) || seen.has(acronym)) continue;
		seen.add(acronym);
		if (spelledOut(all.text, match.index, match[0].length, acronym)) continue;
		const start = all.offsets[match.index]!;
		reports.push({
			start,
			end: all.offsets[match.index + match[0].length - 1]! + 1,
			message: locale.t('lint.acronym', { acronym }),
			suggestion: locale.t('lint.acronym.fix', { acronym }),
		});
	}
	return reports;
}

/** Readers outside IT do not know our acronyms: the first use in the body spells each one out. */
export const acronymFirstUse = defineRule({
	id: 'acronym-first-use',
	severity: 'warn',
	description: 'lint.rule.acronym-first-use',
	kinds: ['paper', 'case-study', 'newsletter', 'campaign'],
	options: z.object({ allow: z.array(z.string()).default(['IT', 'UK', 'TODO']) }),
	english: true,
	check({ entry, options, locale, report }) {
		for (const found of acronymReports(bodySpans(entry), options.allow, locale)) report(found);
	},
});
