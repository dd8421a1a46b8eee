/**
 * Where a tagged message goes: the record `npm run inbox` writes for it, or the reason it goes to
 * the editors ("Hourglass/Needs a look") instead. Pure: the hub's facts and the records so far
 * come in, so every rule is tested without a mail server.
 */
import slugify from '@sindresorhus/slugify';
import { isoDate } from '../../content/format';
import type { HubTag } from '../../content/hub-tags';
import type { InboxRecord } from '../../content/inbox';
import type { Locale } from '../../content/i18n/locale';
import type { Visibility } from '../../content/publication';
import type { ReadMessage } from './message';

/** A ballot as the inbox needs it (the ballot file, `content/ballots/<id>.yaml`). */
export interface BallotFacts {
	segment: string;
	/** The last day a pick counts. */
	closes: Date;
	/** The day it was closed, if it was. */
	closed?: Date | undefined;
	candidates: readonly string[];
}

/** What the inbox checks a message against. */
export interface HubFacts {
	/** The status of every paper, case study and issue, by `paper/<id>`, `case-study/<id>`, `issue/<number>`. */
	entries: ReadonlyMap<string, Visibility>;
	segments: readonly string[];
	metrics: readonly string[];
	ballots: ReadonlyMap<string, BallotFacts>;
	/** The organisation's mail domains (`domains` in hub.yaml), lower case. */
	domains: readonly string[];
	/** How many picks of each person count in a ballot (`criticalLimit` in hub.yaml). */
	picksPerVoter: number;
	/** The hub's words for writers (`writerLocale`): reasons are said, and recorded, in its language. */
	words: Locale;
}

/**
 * A record to write, or the reason the message goes to the editors instead. A record may come
 * with a reason too: it is written, and its message still goes to the editors to look at.
 */
export type Placement = { record: InboxRecord; look?: string } | { reason: string };

/** An address in one of the domains or their subdomains. */
export const inDomains = (address: string, domains: readonly string[]): boolean => {
	const domain = address.split('@').at(-1)?.toLowerCase() ?? '';
	return domains.some((allowed) => domain === allowed || domain.endsWith(`.${allowed}`));
};

/** The day it was asked and its first words, as a readable id unique among the questions so far. */
function questionId(question: string, date: Date, taken: ReadonlySet<string>): string {
	const words = slugify(question.split(/\s+/).slice(0, 8).join(' '), { decamelize: false }).slice(0, 60).replace(/-+$/, '');
	const base = words ? `${isoDate(date)}-${words}` : isoDate(date);
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	return id;
}

/** The subject less reply prefixes, the tag and the words the hub's own link put there. */
function questionText(subject: string): string {
	return subject
		.replace(/\[\s*hub\s*:[^\]]*\]/i, '')
		.replace(/^(\s*(re|aw|sv|fw|fwd|wg|vs)\s*:\s*)+/i, '')
		.replace(/^\s*Question for IT\s*:?\s*/i, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The prompt lines the hub's own links prefill, which say nothing of the sender's. */
const PROMPTS = [
	/^(yes, this was useful|no, this was not useful)\. in one line, why:$/i,
	/^replace the subject's first words with your question/i,
	/^we answer in a short paper for /i,
];
const withoutPrompts = (text: string) =>
	text
		.split('\n')
		.filter((line) => !PROMPTS.some((prompt) => prompt.test(line.trim())))
		.join('\n')
		.trim();

/** The first paragraph of what they wrote, on one line. */
const oneLine = (text: string) =>
	withoutPrompts(text)
		.split(/\n\s*\n/)[0]!
		.replace(/\s+/g, ' ')
		.trim();

/** Where a message with this tag goes, given the hub and the records so far (this run's included). */
export function place(tag: HubTag, message: Omit<ReadMessage, 'authResults'>, hub: HubFacts, records: readonly InboxRecord[]): Placement {
	const sent = { messageId: message.messageId, date: message.date, from: message.from, ...(message.name ? { name: message.name } : {}) };
	const outside = !inDomains(message.from, hub.domains);
	const t = hub.words.t;
	const domains = hub.domains.join(', ');
	const outsideReason = t('cli.inbox.outside', { from: message.from || t('cli.inbox.noAddress'), domains });
	switch (tag.kind) {
		case 'feedback': {
			const status = hub.entries.get(tag.entry);
			if (!status) return { reason: t('cli.inbox.feedbackUnknown', { entry: tag.entry }) };
			if (status === 'draft' || status === 'scheduled')
				return { reason: t(status === 'draft' ? 'cli.inbox.feedbackDraft' : 'cli.inbox.feedbackScheduled', { entry: tag.entry }) };
			if (outside) return { reason: outsideReason };
			const why = oneLine(message.text);
			return { record: { kind: 'feedback', ...sent, entry: tag.entry, useful: tag.useful, ...(why ? { why } : {}) } };
		}
		case 'list-request': {
			const unknown = tag.segments.filter((segment) => !hub.segments.includes(segment));
			if (unknown.length > 0)
				return {
					reason: t('cli.inbox.listUnknown', { segments: unknown.join(', '), count: unknown.length }),
				};
			const note = withoutPrompts(message.text);
			return {
				record: {
					kind: 'list-request',
					...sent,
					segments: tag.segments,
					status: 'pending',
					...(outside ? { reason: t('cli.inbox.listOutside', { domains }) } : {}),
					...(note ? { note } : {}),
				},
			};
		}
		case 'question': {
			if (!hub.segments.includes(tag.segment)) return { reason: t('cli.inbox.questionUnknown', { segment: tag.segment }) };
			if (outside) return { reason: outsideReason };
			const body = withoutPrompts(message.text);
			const question = questionText(message.subject) || oneLine(body);
			if (!question) return { reason: t('cli.inbox.questionEmpty') };
			const taken = new Set(records.flatMap((record) => (record.kind === 'question' ? [record.id] : [])));
			return {
				record: {
					kind: 'question',
					...sent,
					id: questionId(question, message.date, taken),
					segment: tag.segment,
					question,
					...(body && body !== question ? { body } : {}),
					status: 'open',
				},
			};
		}
		case 'pick': {
			const ballot = hub.ballots.get(tag.ballot);
			if (!ballot) return { reason: t('cli.inbox.pickUnknown', { ballot: tag.ballot }) };
			const closedOn = ballot.closed ?? (endOfDay(ballot.closes) < message.date ? ballot.closes : undefined);
			if (closedOn) return { reason: t('cli.inbox.pickClosed', { ballot: tag.ballot, date: isoDate(closedOn) }) };
			if (!ballot.candidates.includes(tag.metric)) {
				return {
					reason: t(hub.metrics.includes(tag.metric) ? 'cli.inbox.pickNotCandidate' : 'cli.inbox.pickNotMetric', {
						metric: tag.metric,
						ballot: tag.ballot,
					}),
				};
			}
			if (outside) return { reason: outsideReason };
			const record: InboxRecord = { kind: 'pick', ...sent, ballot: tag.ballot, metric: tag.metric };
			// Latest first: the picks that count now, as the tally counts them (each person's latest few).
			const counting = [
				...new Set(
					records
						.filter((r) => r.kind === 'pick' && r.ballot === tag.ballot && r.from === message.from)
						.sort((a, b) => b.date.getTime() - a.date.getTime())
						.map((r) => (r as { metric: string }).metric),
				),
			].slice(0, hub.picksPerVoter);
			if (counting.includes(tag.metric) || counting.length < hub.picksPerVoter) return { record };
			return {
				record,
				look: t('cli.inbox.pickReplaces', {
					number: counting.length + 1,
					ballot: tag.ballot,
					from: message.from,
					earlier: counting.at(-1)!,
					limit: hub.picksPerVoter,
				}),
			};
		}
	}
}

const endOfDay = (day: Date) => new Date(day.getTime() + 24 * 60 * 60 * 1000);
