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
import { contentDir } from '../../content/content-dir';
import { isoDate } from '../../content/format';
import { isTagProblem, parseHubTag } from '../../content/hub-tags';
import { appendInboxRecord, readInbox, readWatermarks, writeWatermark, type InboxRecord } from '../../content/inbox';
import { loadSettings } from '../../content/settings';
import { commandLine, nowOf, processIo, type CommandIo } from '../cli';
import { mailboxSettings, MailboxRefused, openMailbox, refusal, type MailboxSettings } from './imap';
import { withInboxLock } from './lock';
import { place, type HubFacts } from './place';

/** What placing messages needs; read only when there are tagged messages, so a run with nothing new stays quick. */
interface Known {
	facts: HubFacts;
	records: InboxRecord[];
	/** Message-IDs recorded, lower case. */
	ids: Set<string>;
	readMessage: (typeof import('./message'))['readMessage'];
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
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
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
	const lock = await client.getMailboxLock(settings.folder);
	try {
		const mailbox = client.mailbox;
		if (!mailbox) throw new MailboxRefused(`${settings.label} could not be opened`);
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
		const { facts, records, ids: known, readMessage } = await session.known();
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
						reason: `too large to read (${(envelope.size / MB).toFixed(1)} MB; the limit is ${options.maxSize} MB, --max-size)`,
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
						? { reason: 'no hub tag in the subject once decoded' }
						: isTagProblem(tag)
							? { reason: `a tag the hub cannot read: expected ${tag.problem}` }
							: place(tag, message, facts, records);
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
					tally.needsLook.push({ envelope: { ...envelope, from: message.from }, reason: `recorded, but look: ${placement.look}` });
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

function summary(tally: Tally, settings: MailboxSettings, root: string, dry: boolean, io: Io): void {
	io.out(`${settings.label}: ${plural(tally.read, 'new message')}, ${plural(tally.tagged, 'with a hub tag', 'with a hub tag')}.\n`);
	const kinds = (['feedback', 'list-request', 'question', 'pick'] as const)
		.map((kind) => [kind, tally.recorded.filter((record) => record.kind === kind).length] as const)
		.filter(([, n]) => n > 0)
		.map(([kind, n]) => (kind === 'feedback' ? `${n} feedback` : plural(n, kind.replace('-', ' '))));
	const folder = path.relative(process.cwd(), path.join(root, 'inbox')) || 'inbox';
	if (dry) {
		io.out(
			`Dry run: would record ${plural(tally.recorded.length, 'message')}${kinds.length ? ` (${kinds.join(', ')})` : ''}; nothing was written or moved.\n`,
		);
		for (const record of tally.recorded) io.out(`  ${describeRecord(record)}\n`);
	} else {
		io.out(
			`Recorded ${plural(tally.recorded.length, 'message')}${kinds.length ? ` (${kinds.join(', ')})` : ''} in ${folder}/${tally.recorded.length ? ': commit it' : ''}.\n`,
		);
	}
	if (tally.moved > 0) io.out(`Moved ${plural(tally.moved, 'message')} an earlier run had recorded to ${HANDLED}.\n`);
	if (tally.needsLook.length > 0) {
		io.out(`${plural(tally.needsLook.length, 'message needs', 'messages need')} a look${dry ? '' : ` (in "${NEEDS_A_LOOK}")`}:\n`);
		for (const { envelope, reason } of tally.needsLook.sort((a, b) => a.envelope.uid - b.envelope.uid)) {
			io.out(`  UID ${envelope.uid}${envelope.from ? ` from ${envelope.from}` : ''} "${envelope.subject}": ${reason}\n`);
		}
	}
	if (tally.flagged > 0)
		io.out(
			`The server refused to move ${plural(tally.flagged, 'message')}: flagged instead, and left where ${tally.flagged === 1 ? 'it was' : 'they were'}.\n`,
		);
}

function describeRecord(record: InboxRecord): string {
	const when = isoDate(record.date);
	switch (record.kind) {
		case 'feedback':
			return `${when} feedback on ${record.entry}: ${record.useful ? 'yes' : 'no'}${record.why ? ` ("${record.why}")` : ''}, from ${record.from}`;
		case 'list-request':
			return `${when} list request for ${record.segments.join(', ')} from ${record.from}${record.reason ? ` (pending: ${record.reason})` : ''}`;
		case 'question':
			return `${when} question ${record.id} from ${record.segment}: "${record.question}"`;
		case 'pick':
			return `${when} pick of ${record.metric} in ballot ${record.ballot} by ${record.from}`;
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
				const [{ hubFacts }, { readMessage }] = await Promise.all([import('./facts'), import('./message')]);
				return {
					facts: hubFacts(root, hub, nowOf(io)),
					records,
					ids: new Set(records.map((record) => record.messageId.toLowerCase())),
					readMessage,
				};
			})()),
		tally: { read: 0, tagged: 0, recorded: [], moved: 0, needsLook: [], flagged: 0 },
		options,
		hooks,
	};
	if (settings.unverified)
		io.err(`Warning: the certificate of ${settings.options.host ?? ''} is not checked (tls.rejectUnauthorized=false in IMAP_URL).\n`);
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
				io.err(`The connection to ${settings.options.host ?? ''} dropped; reconnecting (${attempt + 1} of ${retries}).\n`);
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
	const { program, exits, run } = commandLine(
		'inbox',
		"Record the feedback, list requests, questions and ballot picks in the editors' mailbox (IMAP_URL).",
		io,
	);
	program
		.option('--dry-run', 'print what it would record; write, move and flag nothing')
		.option('--max-size <MB>', 'skip larger messages (moved to Needs a look)', '10')
		.option('--batch <n>', 'messages downloaded, recorded and moved at a time', '50')
		.option('--retries <n>', 'new connections after a dropped one', '3')
		.option('--backoff <ms>', 'pause before the first new connection; each further pause doubles', '1000')
		.addHelpText(
			'after',
			`\nExample:\n  IMAP_URL=imaps://it-editors%40northwind.example@mail.northwind.example/INBOX IMAP_PASSWORD=… npm run inbox -- --dry-run`,
		)
		.action(exits((options: Options) => runInbox(options, io, hooks)));
	return run(argv);
}
