/**
 * How many of the colleagues the editors mailed answered, per segment and quarter: the measure of
 * whether the list listens back. A contact counts as answered for a message when a feedback
 * record names what they were sent (or, for a ballot, when they picked). For the editors' page
 * only: it works from addresses, and returns counts.
 */
import type { Contact } from '../checks/contacts';
import type { Locale } from '../content/i18n';
import type { InboxRecord } from '../content/inbox';
import type { LedgerRecord } from '../content/ledger';

export interface ResponseShare {
	/** "2026 Q2". */
	period: string;
	/** Contacts following the segment who were sent something for it that quarter. */
	mailed: number;
	/** Of them, those who answered what they were sent. */
	answered: number;
}

const quarter = (date: Date) => `${date.getUTCFullYear()} Q${Math.floor(date.getUTCMonth() / 3) + 1}`;

/** What answers a message sent under a ledger key, from whom (lower-case addresses). */
function answersByKey(records: readonly InboxRecord[]): Map<string, Set<string>> {
	const byKey = new Map<string, Set<string>>();
	for (const record of records) {
		const key = record.kind === 'feedback' ? record.entry : record.kind === 'pick' ? `ballot/${record.ballot}` : undefined;
		if (key === undefined) continue;
		byKey.set(key, (byKey.get(key) ?? new Set()).add(record.from.toLowerCase()));
	}
	return byKey;
}

/**
 * Per quarter, oldest first: of the segment's contacts mailed something written for it, how many
 * answered. `segmentsOf` gives the segments of what a ledger key names (`paper/<id>`, `ballot/<id>`…).
 */
export function responseShares(
	segment: string,
	{
		ledger,
		records,
		contacts,
		segmentsOf,
	}: {
		ledger: readonly LedgerRecord[];
		records: readonly InboxRecord[];
		contacts: readonly Contact[];
		segmentsOf: (key: string) => readonly string[] | undefined;
	},
): ResponseShare[] {
	const followers = new Set(contacts.filter((c) => c.segments.includes(segment)).map((c) => c.email.toLowerCase()));
	const answers = answersByKey(records);
	const periods = new Map<string, { mailed: Set<string>; answered: Set<string> }>();
	for (const record of ledger) {
		const to = record.to.toLowerCase();
		if (record.result !== 'sent' || !followers.has(to) || !segmentsOf(record.entry)?.includes(segment)) continue;
		const period = quarter(record.at);
		const counts = periods.get(period) ?? { mailed: new Set(), answered: new Set() };
		counts.mailed.add(to);
		if (answers.get(record.entry)?.has(to)) counts.answered.add(to);
		periods.set(period, counts);
	}
	return [...periods]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([period, counts]) => ({ period, mailed: counts.mailed.size, answered: counts.answered.size }));
}

/** "Useful to 9 of 11 colleagues who answered": a published page shows it only where hub.yaml turns `usefulCounts` on. */
export function usefulLine(locale: Locale, reception: { yes: number; no: number }, enabled: boolean): string | undefined {
	const answered = reception.yes + reception.no;
	if (!enabled || answered === 0) return undefined;
	return locale.t('useful.count', { yes: reception.yes, count: answered });
}
