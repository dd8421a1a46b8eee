/**
 * `npm run inbox [--dry-run]`: reads the editors' mailbox (`IMAP_URL`) and records each message
 * with a hub tag once, by Message-ID, in `content/inbox/<year>.yaml`: feedback, list requests,
 * questions and ballot picks. See README "Listening".
 *
 * Only messages after the last one read (the watermark, by IMAP UID) are fetched, and of those
 * only the tagged ones are downloaded. Each message is recorded before it is moved out of the
 * mailbox, to `Hourglass/Handled`, or to `Hourglass/Needs a look` when it cannot be placed (it is
 * flagged where the server refuses the move). Nothing is ever deleted. A run stopped at any point
 * leaves every recorded message recorded; the next run moves what was recorded and still sits
 * in the mailbox, and records the rest: nothing twice, nothing lost. A dropped connection is
 * opened again and the run goes on from where it was.
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ImapFlow } from 'imapflow';
import { contentDir, displayPath } from '../../content/content-dir';
import { isoDate } from '../../content/format';
import { isTagProblem, parseHubTag } from '../../content/hub-tags';
import { appendInboxRecord, readInbox, readWatermarks, writeWatermark, type InboxRecord } from '../../content/inbox';
import { loadSettings } from '../../content/settings';
import { commandLine, nowOf, processIo, type CommandIo } from '../cli';
import { writerLocale } from '../../content/i18n/hub-language';
import type { Locale } from '../../content/i18n/locale';
import { expectedFound, phrase } from '../../content/problems';
import { mailboxSettings, MailboxRefused, openMailbox, refusal, type MailboxSettings } from './imap';
import { withInboxLock } from './lock';
import type { ReadMessage } from './message';
import { place, type HubFacts } from './place';

/** What placing messages needs; read only when there are tagged messages, so a run with nothing new stays quick. */
interface Known {
	facts: HubFacts;
	records: InboxRecord[];
	/** Message-IDs recorded, lower case. */
	ids: Set<string>;
	readMessage: (typeof import('./message'))['readMessage'];
	/** Why the sender is not believed (hub.yaml `inbox`), or undefined; always undefined without the setting. */
	doubt: (message: ReadMessage) => { reason: string } | undefined;
}

/** The two folders, as names shown to editors (with `/`) and as segments the server joins with its own separator. */
export const HANDLED = 'Hourglass/Handled';
export const NEEDS_A_LOOK = 'Hourglass/Needs a look';
const segments = (folder: string) => folder.split('/');

export type Io = Required<CommandIo>;

interface Options {
	dryRun?: boolean;
	maxSize: string;
	batch: string;
	retries: string;
	backoff: string;
}

/** For tests: called after each record is on disk, before its message is moved. */
export interface Hooks {
	recorded?: (record: InboxRecord) => void;
}

interface Envelope {
	uid: number;
	subject: string;
	from: string;
	messageId?: string | undefined;
	size: number;
	received?: Date | undefined;
}

interface Looked {
	envelope: Envelope;
	reason: string;
}

/** What a run did, for the summary. */
interface Tally {
	read: number;
	tagged: number;
	recorded: InboxRecord[];
	/** Recorded by an earlier run that stopped before moving them. */
	moved: number;
	needsLook: Looked[];
	flagged: number;
}

const MB = 1024 * 1024;
const lower = (id: string | undefined) => id?.toLowerCase();

/**
 * Makes the two folders where they are missing. Servers separate folder names with `/` or `.`
 * (and some put every folder under `INBOX.`): imapflow joins the segments the server's way.
 */
async function ensureFolders(client: ImapFlow): Promise<void> {
	const existing = new Set((await client.list()).map((folder) => folder.path.split(folder.delimiter).join('/')));
	const prefix = (client.namespace?.prefix ?? '').split(client.namespace?.delimiter ?? '/').filter(Boolean);
	for (const folder of [HANDLED, NEEDS_A_LOOK]) {
		if (!existing.has([...prefix, folder].join('/'))) await client.mailboxCreate(segments(folder));
	}
}

/** Moves messages to a folder, or flags them where the server refuses the move. Returns how many were flagged. */
async function moveOrFlag(client: ImapFlow, uids: readonly number[], folder: string): Promise<number> {
	if (uids.length === 0) return 0;
	const range = uids.join(',');
	let moved = false;
	try {
		moved = (await client.messageMove(range, segments(folder), { uid: true })) !== false;
	} catch (error) {
		if (!client.usable) throw error;
	}
	if (moved) return 0;
	await client.messageFlagsAdd(range, ['\\Flagged'], { uid: true });
	return uids.length;
}

interface Session {
	settings: MailboxSettings;
	root: string;
	known: () => Promise<Known>;
	tally: Tally;
	options: Options;
	hooks: Hooks;
}

/** One connection's work: everything after the watermark. Throws when the connection drops. */
async function readMailbox(client: ImapFlow, session: Session): Promise<void> {
	const { settings, root, tally, options, hooks } = session;
	const dry = Boolean(options.dryRun);
	const words = writerLocale(root);
	const lock = await client.getMailboxLock(settings.folder);
	try {
		const mailbox = client.mailbox;
		if (!mailbox) throw new MailboxRefused(phrase('cli.inbox.notOpened', { mailbox: settings.label }));
		const uidValidity = Number(mailbox.uidValidity);
		const mark = readWatermarks(root).mailboxes.find((m) => m.mailbox === settings.label);
		const after = mark?.uidValidity === uidValidity ? mark.lastUid : 0;
		if (!dry) await ensureFolders(client);
		// `n:*` always matches the newest message, even below n: hence the filter.
		const found = await client.search({ uid: `${after + 1}:*` }, { uid: true });
		const uids = (found === false || found === undefined ? [] : found).filter((uid) => uid > after).sort((a, b) => a - b);
		if (uids.length === 0) return;

		const envelopes: Envelope[] = [];
		for await (const message of client.fetch(
			uids.join(','),
			{ uid: true, envelope: true, size: true, internalDate: true },
			{ uid: true },
		)) {
			envelopes.push({
				uid: message.uid,
				subject: message.envelope?.subject ?? '',
				from: message.envelope?.from?.[0]?.address?.toLowerCase() ?? '',
				messageId: message.envelope?.messageId,
				size: message.size ?? 0,
				received: message.internalDate instanceof Date ? message.internalDate : undefined,
			});
		}
		envelopes.sort((a, b) => a.uid - b.uid);
		tally.read += envelopes.length;
		const tagged = envelopes.filter((envelope) => parseHubTag(envelope.subject) !== undefined);
		tally.tagged += tagged.length;
		if (tagged.length === 0) {
			if (!dry) writeWatermark({ mailbox: settings.label, uidValidity, lastUid: uids.at(-1)! }, root);
			return;
		}
		const { facts, records, ids: known, readMessage, doubt } = await session.known();
		const batch = Math.max(1, Number(options.batch));
		const maxSize = Number(options.maxSize) * MB;

		for (let start = 0; start < tagged.length; start += batch) {
			const group = tagged.slice(start, start + batch);
			const handled: number[] = [];
			const looked: number[] = [];
			const toRead = group.filter((envelope) => {
				if (known.has(lower(envelope.messageId) ?? '')) {
					handled.push(envelope.uid);
					tally.moved++;
					return false;
				}
				if (envelope.size > maxSize) {
					looked.push(envelope.uid);
					tally.needsLook.push({
						envelope,
						reason: words.t('cli.inbox.tooLarge', {
							size: words.number(envelope.size / MB, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
							limit: options.maxSize,
						}),
					});
					return false;
				}
				return true;
			});
			const sources = new Map<number, Buffer>();
			if (toRead.length > 0) {
				for await (const message of client.fetch(toRead.map((e) => e.uid).join(','), { uid: true, source: true }, { uid: true })) {
					if (message.source) sources.set(message.uid, message.source);
				}
			}
			for (const envelope of toRead) {
				const source = sources.get(envelope.uid);
				if (!source) continue;
				const message = await readMessage(source, envelope.received);
				if (known.has(message.messageId.toLowerCase())) {
					handled.push(envelope.uid);
					tally.moved++;
					continue;
				}
				const tag = parseHubTag(message.subject);
				const placement =
					tag === undefined
						? { reason: words.t('cli.inbox.noTag') }
						: isTagProblem(tag)
							? { reason: words.t('cli.inbox.unreadableTag', { problem: expectedFound({ expected: tag.problem }, words) }) }
							: (doubt(message) ?? place(tag, message, facts, records));
				if ('reason' in placement) {
					looked.push(envelope.uid);
					tally.needsLook.push({ envelope: { ...envelope, from: message.from }, reason: placement.reason });
					continue;
				}
				if (!dry) appendInboxRecord(placement.record, root);
				hooks.recorded?.(placement.record);
				records.push(placement.record);
				known.add(message.messageId.toLowerCase());
				tally.recorded.push(placement.record);
				if (placement.look === undefined) handled.push(envelope.uid);
				else {
					looked.push(envelope.uid);
					tally.needsLook.push({
						envelope: { ...envelope, from: message.from },
						reason: words.t('cli.inbox.recordedLook', { look: placement.look }),
					});
				}
			}
			if (dry) continue;
			tally.flagged += await moveOrFlag(client, handled, HANDLED);
			tally.flagged += await moveOrFlag(client, looked, NEEDS_A_LOOK);
			// Everything below the next tagged message has been dealt with (untagged ones stay where they are).
			const next = tagged[start + batch];
			writeWatermark({ mailbox: settings.label, uidValidity, lastUid: next ? next.uid - 1 : uids.at(-1)! }, root);
		}
	} finally {
		lock.release();
	}
}

const KIND_COUNTS = {
	feedback: 'cli.inbox.feedbackCount',
	'list-request': 'cli.inbox.listCount',
	question: 'cli.inbox.questionCount',
	pick: 'cli.inbox.pickCount',
} as const;

function summary(tally: Tally, settings: MailboxSettings, root: string, dry: boolean, io: Io): void {
	const words = writerLocale(root);
	const messages = (count: number) => words.t('cli.inbox.messages', { count });
	io.out(
		`${words.t('cli.inbox.read', { mailbox: settings.label, messages: words.t('cli.inbox.newMessages', { count: tally.read }), tagged: words.t('cli.inbox.tagged', { count: tally.tagged }) })}\n`,
	);
	const counts = (['feedback', 'list-request', 'question', 'pick'] as const)
		.map((kind) => [kind, tally.recorded.filter((record) => record.kind === kind).length] as const)
		.filter(([, n]) => n > 0)
		.map(([kind, n]) => words.t(KIND_COUNTS[kind], { count: n }));
	const kinds = counts.length ? ` (${counts.join(', ')})` : '';
	const folder = displayPath(path.join(root, 'inbox')) || 'inbox';
	if (dry) {
		io.out(`${words.t('cli.inbox.dryRun', { messages: messages(tally.recorded.length), kinds })}\n`);
		for (const record of tally.recorded) io.out(`  ${describeRecord(record, words)}\n`);
	} else {
		const commit = tally.recorded.length ? words.t('cli.inbox.commit') : '';
		io.out(`${words.t('cli.inbox.recorded', { messages: messages(tally.recorded.length), kinds, folder: `${folder}/`, commit })}\n`);
	}
	if (tally.moved > 0) io.out(`${words.t('cli.inbox.moved', { messages: messages(tally.moved), folder: HANDLED })}\n`);
	if (tally.needsLook.length > 0) {
		const where = dry ? '' : words.t('cli.inbox.lookFolder', { folder: NEEDS_A_LOOK });
		io.out(`${words.t('cli.inbox.needsLook', { count: tally.needsLook.length, where })}\n`);
		for (const { envelope, reason } of tally.needsLook.sort((a, b) => a.envelope.uid - b.envelope.uid)) {
			const from = envelope.from ? words.t('cli.inbox.from', { from: envelope.from }) : '';
			io.out(`  ${words.t('cli.inbox.lookLine', { uid: String(envelope.uid), from, subject: envelope.subject, reason })}\n`);
		}
	}
	if (tally.flagged > 0) io.out(`${words.t('cli.inbox.flagged', { count: tally.flagged })}\n`);
}

function describeRecord(record: InboxRecord, words: Locale): string {
	const when = isoDate(record.date);
	switch (record.kind) {
		case 'feedback':
			return words.t('cli.inbox.describeFeedback', {
				when,
				entry: record.entry,
				answer: words.t(record.useful ? 'cli.inbox.yes' : 'cli.inbox.no'),
				why: record.why ? ` ("${record.why}")` : '',
				from: record.from,
			});
		case 'list-request':
			return words.t('cli.inbox.describeList', {
				when,
				segments: record.segments.join(', '),
				from: record.from,
				pending: record.reason ? words.t('cli.inbox.pending', { reason: record.reason }) : '',
			});
		case 'question':
			return words.t('cli.inbox.describeQuestion', { when, id: record.id, segment: record.segment, question: record.question });
		case 'pick':
			return words.t('cli.inbox.describePick', { when, metric: record.metric, ballot: record.ballot, from: record.from });
	}
}

export async function runInbox(options: Options, io: Io, hooks: Hooks = {}): Promise<number> {
	const root = contentDir();
	const settings = mailboxSettings(io.env);
	const hub = loadSettings(root);
	let known: Promise<Known> | undefined;
	const session: Session = {
		settings,
		root,
		known: () =>
			(known ??= (async () => {
				const records = readInbox(root);
				// Parsing the hub's writing and mail is only needed once there is mail to place.
				const [{ hubFacts }, { readMessage }, { senderDoubt }] = await Promise.all([
					import('./facts'),
					import('./message'),
					import('./authenticity'),
				]);
				const facts = hubFacts(root, hub, nowOf(io));
				const check = hub.inbox;
				return {
					facts,
					records,
					ids: new Set(records.map((record) => record.messageId.toLowerCase())),
					readMessage,
					doubt: (message: ReadMessage) => {
						const reason = check && senderDoubt(message, check, facts.words);
						return reason ? { reason } : undefined;
					},
				};
			})()),
		tally: { read: 0, tagged: 0, recorded: [], moved: 0, needsLook: [], flagged: 0 },
		options,
		hooks,
	};
	if (settings.unverified) io.err(`${writerLocale(root).t('cli.inbox.unverified', { host: settings.options.host ?? '' })}\n`);
	const retries = Number(options.retries);
	const read = async () => {
		for (let attempt = 0; ; attempt++) {
			const client = await openMailbox(settings);
			try {
				await readMailbox(client, session);
				break;
			} catch (error) {
				if (client.usable || error instanceof MailboxRefused) throw error;
				// The connection dropped: what was recorded stays recorded, and a new connection goes on from the watermark.
				if (attempt >= retries) throw refusal(error, settings);
				io.err(`${writerLocale(root).t('cli.inbox.reconnecting', { host: settings.options.host ?? '', attempt: attempt + 1, retries })}\n`);
				await sleep(Number(options.backoff) * 2 ** attempt);
			} finally {
				if (client.usable) await client.logout();
				else client.close();
			}
		}
	};
	// A dry run writes nothing, so it may look while another run records.
	await (options.dryRun ? read() : withInboxLock(root, read));
	summary(session.tally, settings, root, Boolean(options.dryRun), io);
	return 0;
}

export async function inboxCommand(argv: readonly string[], io: Io = processIo, hooks: Hooks = {}): Promise<number> {
	const words = writerLocale();
	const { program, exits, run } = commandLine('inbox', phrase('cli.inbox.description'), io);
	program
		.option('--dry-run', words.t('cli.inbox.dryRunOption'))
		.option('--max-size <MB>', words.t('cli.inbox.maxSizeOption'), '10')
		.option('--batch <n>', words.t('cli.inbox.batchOption'), '50')
		.option('--retries <n>', words.t('cli.inbox.retriesOption'), '3')
		.option('--backoff <ms>', words.t('cli.inbox.backoffOption'), '1000')
		.addHelpText('after', `\n${words.t('cli.inbox.help')}`)
		.action(exits((options: Options) => runInbox(options, io, hooks)));
	return run(argv);
}
