import { z } from 'astro/zod';
import { ENTRY_REF } from '../hub-tags';
import { email, urlSafeId } from './common';
import { says } from '../zod-problems';

/**
 * What `npm run inbox` records for each message with a hub tag, one record per message, in
 * `content/inbox/<year>.yaml` (the year of the message's date). Committed with the content,
 * checked by the build and the linter, and never published: pages show counts, and questions
 * without their asker.
 */
const received = {
	/** The message's Message-ID header: a message is recorded once, however often it is read. */
	messageId: z.string().min(3),
	/** When it was sent (its Date header), ISO date and time, UTC. */
	date: z.coerce.date(),
	/** The sender's address. */
	from: email,
	/** The sender's name as their mail client gave it, if any. */
	name: z.string().optional(),
};

/** "Was this useful?" answered with one click on Yes or No. */
export const feedbackRecordSchema = z.strictObject({
	kind: z.literal('feedback'),
	...received,
	/** What it is about: `paper/<id>`, `case-study/<id>` or `issue/<number>`, as in the send ledger. */
	entry: z.string().regex(ENTRY_REF, says('problem.inbox.entry')),
	/** Yes (`true`) or no (`false`). */
	useful: z.boolean(),
	/** The one line of why, with quoted history and signature taken off; absent when they wrote nothing. */
	why: z.string().optional(),
});

/** "Can I get on the list?": pending until an editor runs `npm run contacts approve <email>`. */
export const listRequestRecordSchema = z.strictObject({
	kind: z.literal('list-request'),
	...received,
	/** The segments they asked for. */
	segments: z.array(urlSafeId('segment')).min(1),
	/** `pending` until approved (`npm run contacts approve`) or declined by an editor. */
	status: z.enum(['pending', 'approved', 'declined']).default('pending'),
	/** Why an editor must look before approving, e.g. an address outside the organisation's `domains`. */
	reason: z.string().optional(),
	/** What they wrote (name, role, a line about themselves), with quoted history taken off. */
	note: z.string().optional(),
});

/** "Ask IT a question": open until a paper or case study declares `answers: <id>`. */
export const questionRecordSchema = z.strictObject({
	kind: z.literal('question'),
	...received,
	/** The id an answering entry names in `answers:`, e.g. `2026-11-03-how-will-the-ipad-affect-me`. */
	id: urlSafeId('question'),
	/** The segment (audience) they asked from: the answering page shows it, never the asker. */
	segment: urlSafeId('segment'),
	/** The asker's role, e.g. "Chief Financial Officer", if an editor adds it: shown in place of the segment's name. */
	role: z.string().optional(),
	/** The question, from the subject less the tag and any "Re:". */
	question: z.string().min(1),
	/** The rest of what they wrote, with quoted history and signature taken off. */
	body: z.string().optional(),
	/** `open` until answered (an entry's `answers:`); an editor may set `dropped` for one IT will not answer. */
	status: z.enum(['open', 'dropped']).default('open'),
});

/** A vote in a ballot: one "Pick this" click. The voter is `from`; the tally is at most three per voter, latest first. */
export const pickRecordSchema = z.strictObject({
	kind: z.literal('pick'),
	...received,
	/** The ballot's id (`npm run send -- ballot`). */
	ballot: urlSafeId('ballot'),
	/** The metric picked (a file in `content/metrics/`). */
	metric: urlSafeId('metric'),
});

export const inboxRecordSchema = z.discriminatedUnion('kind', [feedbackRecordSchema, listRequestRecordSchema, questionRecordSchema, pickRecordSchema]);

/** A year's file: a list of records, oldest first, appended as messages are handled. */
export const inboxFileSchema = z.array(inboxRecordSchema);

export type InboxRecord = z.infer<typeof inboxRecordSchema>;
export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;
export type ListRequestRecord = z.infer<typeof listRequestRecordSchema>;
export type QuestionRecord = z.infer<typeof questionRecordSchema>;
export type PickRecord = z.infer<typeof pickRecordSchema>;

/** Where `npm run inbox` stopped in each mailbox it reads: only messages after `lastUid` are fetched. */
export const watermarkFileSchema = z.strictObject({
	mailboxes: z
		.array(
			z.strictObject({
				/** `user@host:port/INBOX`, from IMAP_URL without its password. */
				mailbox: z.string().min(3),
				/** The mailbox's UIDVALIDITY: when the server renumbers, every message is looked at again. */
				uidValidity: z.number().int().min(0),
				/** The highest UID handled. */
				lastUid: z.number().int().min(0),
			}),
		)
		.default([]),
});

export type Watermarks = z.infer<typeof watermarkFileSchema>;
