/**
 * `npm run contacts -- add|remove|list|pending|approve|decline`: keeps `content/contacts.yaml` by command, so editors do
 * not hand-edit addresses. Edits go through the `yaml` document, which keeps the file's comments
 * and order; the whole list is checked before anything is written.
 */
import fs from 'node:fs';
import { isMap, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { contactsPath, isActive, listProblems, readContacts, segmentIds, type Contact } from '../checks/contacts';
import { contentDir, displayPath } from '../content/content-dir';
import { isoDate } from '../content/format';
import { readInbox, updateInboxRecords, type ListRequestRecord } from '../content/inbox';
import { writerLocale } from '../content/i18n/hub-language';
import type { MessageKey } from '../content/i18n/dictionaries';
import type { Locale } from '../content/i18n/locale';
import { formatProblem, oneOf, phrase } from '../content/problems';
import { contactsFileSchema } from '../content/schemas/contact';
import { schemaProblems } from '../content/zod-problems';
import { commandLine, nowOf, processIo, UsageError, type CommandIo as Io } from './cli';
import { withInboxLock } from './inbox/lock';

function openList(file: string): Document {
	if (!fs.existsSync(file)) {
		const document = parseDocument('contacts: []\n');
		document.commentBefore = ` ${writerLocale().t('cli.contacts.header').replace(/\n/g, '\n ')}`;
		return document;
	}
	const document = parseDocument(fs.readFileSync(file, 'utf8'));
	if (document.errors.length > 0)
		throw new UsageError(phrase('cli.contacts.invalidYaml', { file: displayPath(file), message: document.errors[0]!.message }));
	if (!document.has('contacts')) document.set('contacts', document.createNode([]));
	return document;
}

function contactsSeq(document: Document): YAMLSeq<YAMLMap> {
	const seq = document.get('contacts', true);
	if (!isSeq(seq)) throw new UsageError(phrase('cli.contacts.notList'));
	// A list written as `[]` would grow as one long line.
	seq.flow = false;
	return seq as YAMLSeq<YAMLMap>;
}

const indexOf = (seq: YAMLSeq<YAMLMap>, email: string) =>
	seq.items.findIndex((item) => isMap(item) && String(item.get('email')).toLowerCase() === email.toLowerCase());

/** Checks the edited list as the build would, then writes it; nothing is written when it fails. */
async function save(document: Document, file: string, dir: string): Promise<void> {
	const relative = displayPath(file);
	const data: unknown = document.toJS();
	const parsed = await schemaProblems(relative, contactsFileSchema, data);
	const problems = parsed.data ? listProblems(relative, parsed.data.contacts, segmentIds(dir)) : parsed.problems;
	const locale = writerLocale(dir);
	if (problems.length > 0)
		throw new UsageError(phrase('cli.contacts.notWritten', { problems: problems.map((p) => `  ${formatProblem(p, locale)}`).join('\n') }));
	// `[a, b]` as Prettier writes it, not `[ a, b ]`.
	fs.writeFileSync(file, document.toString({ flowCollectionPadding: false }));
}

const idList = (values: readonly string[]) =>
	values
		.flatMap((value) => value.split(','))
		.map((id) => id.trim())
		.filter(Boolean);

interface AddOptions {
	segment: string[];
	note?: string;
	feedback?: boolean;
	joined?: string;
}

async function add(name: string, email: string, options: AddOptions, io: Io): Promise<void> {
	const dir = contentDir();
	const file = contactsPath(dir);
	const segments = idList(options.segment);
	const known = segmentIds(dir);
	for (const segment of segments)
		if (!known.includes(segment))
			throw new UsageError(phrase('cli.unknown.segment', { id: segment, expected: oneOf(phrase('noun.segments'), known) }));
	const date = options.joined ?? isoDate(nowOf(io));
	const document = openList(file);
	const seq = contactsSeq(document);
	const at = indexOf(seq, email);
	if (at === -1) {
		const node = document.createNode({
			name,
			email,
			segments,
			joined: date,
			asked: options.note ?? writerLocale(dir).t('cli.contacts.askedEditors'),
			feedback: options.feedback ?? false,
		});
		const segmentsNode = node.get('segments', true);
		if (isSeq(segmentsNode)) segmentsNode.flow = true;
		seq.add(node);
		await save(document, file, dir);
		io.out(`${writerLocale(dir).t('cli.contacts.added', { name, email, segments: segments.join(', '), date })}\n`);
		return;
	}
	const contact = seq.items[at]!;
	const following = contact.get('segments', true);
	const fresh = segments.filter((segment) => !isSeq(following) || !following.items.some((item) => String(item) === segment));
	if (isSeq(following)) for (const segment of fresh) following.add(segment);
	const rejoined = contact.has('left');
	if (rejoined) {
		// Back on the list: the chart counts them from the new date.
		contact.delete('left');
		contact.set('joined', date);
	}
	if (options.note) contact.set('asked', options.note);
	if (options.feedback !== undefined) contact.set('feedback', options.feedback);
	await save(document, file, dir);
	const locale = writerLocale(dir);
	const what = [
		rejoined ? locale.t('cli.contacts.rejoined', { date }) : locale.t('cli.contacts.already'),
		fresh.length > 0 ? locale.t('cli.contacts.alsoFollows', { segments: fresh.join(', ') }) : '',
	]
		.filter(Boolean)
		.join('; ');
	io.out(`${locale.t('cli.contacts.changed', { name: String(contact.get('name')), email, what })}\n`);
}

async function remove(email: string, options: { date?: string }, io: Io): Promise<void> {
	const dir = contentDir();
	const file = contactsPath(dir);
	if (!fs.existsSync(file)) throw new UsageError(phrase('cli.contacts.none', { file: displayPath(file) }));
	const document = openList(file);
	const seq = contactsSeq(document);
	const at = indexOf(seq, email);
	if (at === -1) throw new UsageError(phrase('cli.contacts.noAddress', { email }));
	const contact = seq.items[at]!;
	if (contact.has('left')) throw new UsageError(phrase('cli.contacts.alreadyLeft', { email, date: String(contact.get('left')) }));
	const date = options.date ?? isoDate(nowOf(io));
	// They stay in the file with the day they left: the list's growth is charted from it.
	contact.set('left', date);
	await save(document, file, dir);
	io.out(`${writerLocale(dir).t('cli.contacts.left', { name: String(contact.get('name')), email, date })}\n`);
}

const describe = (contact: Contact, locale: Locale) =>
	[
		`${contact.name} <${contact.email}>`,
		`  ${locale.t('cli.contacts.follows', { segments: contact.segments.join(', '), joined: isoDate(contact.joined) })}${contact.left ? ` · ${locale.t('cli.contacts.leftOn', { date: isoDate(contact.left) })}` : ''}`,
		`  ${locale.t(contact.feedback ? 'cli.contacts.feedback' : 'cli.contacts.noFeedback')} · ${contact.asked}`,
	].join('\n');

async function list(options: { segment?: string; all?: boolean }, io: Io): Promise<void> {
	const { file, contacts, problems } = await readContacts();
	const locale = writerLocale();
	if (problems.length > 0)
		throw new UsageError(
			phrase('cli.contacts.hasProblems', { file, problems: problems.map((p) => `  ${formatProblem(p, locale)}`).join('\n') }),
		);
	const now = nowOf(io);
	const shown = contacts.filter(
		(contact) => (options.all === true || isActive(contact, now)) && (!options.segment || contact.segments.includes(options.segment)),
	);
	io.out(shown.map((contact) => `${describe(contact, locale)}\n`).join(''));
	const count: MessageKey = options.all
		? options.segment
			? 'cli.contacts.countAllFollowing'
			: 'cli.contacts.countAll'
		: options.segment
			? 'cli.contacts.countFollowing'
			: 'cli.contacts.count';
	io.out(`${locale.t(count, { count: shown.length, segment: options.segment ?? '' })}\n`);
}

/** List requests `npm run inbox` recorded that no editor has decided on, oldest first. */
const pendingRequests = (email?: string): ListRequestRecord[] =>
	readInbox().filter(
		(record): record is ListRequestRecord =>
			record.kind === 'list-request' && record.status === 'pending' && (email === undefined || record.from === email.toLowerCase()),
	);

/** A "Name:" line they filled in, as the hub's "Get these by email" link asks. */
const filledIn = (note: string | undefined, label: string) =>
	new RegExp(`^\\s*${label}:[ \\t]*(\\S.*)$`, 'im').exec(note ?? '')?.[1]?.trim();

/** "I am happy to say whether they are useful (yes or no): yes". */
const agreedToFeedback = (note: string | undefined) => /useful \(yes or no\):\s*yes\b/i.test(note ?? '');

function pending(io: Io): void {
	const requests = pendingRequests();
	for (const request of requests) {
		const who = filledIn(request.note, 'Name') ?? request.name ?? '';
		const role = filledIn(request.note, 'Role');
		io.out(
			`${isoDate(request.date)} ${who ? `${who} ` : ''}<${request.from}>${role ? `, ${role}` : ''}: ${request.segments.join(', ')}${request.reason ? ` (${request.reason})` : ''}\n`,
		);
	}
	io.out(`${writerLocale().t('cli.contacts.pending', { count: requests.length })}\n`);
}

async function approve(email: string, options: { name?: string; feedback?: boolean }, io: Io): Promise<void> {
	const requests = pendingRequests(email);
	if (requests.length === 0) throw new UsageError(phrase('cli.contacts.noRequest', { email }));
	const name = options.name ?? requests.map((r) => filledIn(r.note, 'Name') ?? r.name).find(Boolean);
	if (!name) throw new UsageError(phrase('cli.contacts.noName', { email }));
	const locale = writerLocale();
	for (const reason of new Set(requests.flatMap((r) => (r.reason ? [r.reason] : []))))
		io.out(`${locale.t('cli.contacts.reason', { reason })}\n`);
	const segments = [...new Set(requests.flatMap((r) => r.segments))];
	const first = requests[0]!;
	// The contact first, then the request: a run stopped between the two is finished by running it again.
	await add(
		name,
		email,
		{
			segment: segments,
			note: locale.t('cli.contacts.askedByEmail', { date: isoDate(first.date), segments: segments.join(', ') }),
			feedback: options.feedback ?? requests.some((r) => agreedToFeedback(r.note)),
		},
		io,
	);
	const ids = new Set(requests.map((r) => r.messageId));
	updateInboxRecords((record) => (ids.has(record.messageId) ? ({ ...record, status: 'approved' } as ListRequestRecord) : undefined));
}

function decline(email: string, io: Io): void {
	const ids = new Set(pendingRequests(email).map((r) => r.messageId));
	if (ids.size === 0) throw new UsageError(phrase('cli.contacts.noRequest', { email }));
	updateInboxRecords((record) => (ids.has(record.messageId) ? ({ ...record, status: 'declined' } as ListRequestRecord) : undefined));
	io.out(`${writerLocale().t('cli.contacts.declined', { count: ids.size, email })}\n`);
}

export async function contactsCommand(argv: readonly string[], io: Io = processIo): Promise<number> {
	const t = (key: MessageKey) => writerLocale().t(key);
	const { program, run } = commandLine('contacts', phrase('cli.contacts.description'), io);
	program
		.command('add')
		.description(t('cli.contacts.add'))
		.argument('<name>', t('cli.contacts.nameArgument'))
		.argument('<email>', t('cli.contacts.emailArgument'))
		.requiredOption('-s, --segment <ids...>', t('cli.contacts.segmentOption'))
		.option('--note <text>', t('cli.contacts.noteOption'))
		.option('--feedback', t('cli.contacts.feedbackOption'))
		.option('--joined <date>', t('cli.contacts.joinedOption'))
		.action((name: string, email: string, options: AddOptions) => add(name, email, options, io));
	program
		.command('remove')
		.description(t('cli.contacts.remove'))
		.argument('<email>', t('cli.contacts.emailArgument'))
		.option('--date <date>', t('cli.contacts.dateOption'))
		.action((email: string, options: { date?: string }) => remove(email, options, io));
	program
		.command('list')
		.description(t('cli.contacts.list'))
		.option('-s, --segment <id>', t('cli.contacts.onlySegmentOption'))
		.option('--all', t('cli.contacts.allOption'))
		.action((options: { segment?: string; all?: boolean }) => list(options, io));
	program
		.command('pending')
		.description(t('cli.contacts.pendingDescription'))
		.action(() => {
			pending(io);
		});
	program
		.command('approve')
		.description(t('cli.contacts.approve'))
		.argument('<email>', t('cli.contacts.fromArgument'))
		.option('--name <name>', t('cli.contacts.approveNameOption'))
		.option('--feedback', t('cli.contacts.approveFeedbackOption'))
		// The inbox lock: a run of npm run inbox appends to the file the request's new status rewrites.
		.action((email: string, options: { name?: string; feedback?: boolean }) =>
			withInboxLock(contentDir(), () => approve(email, options, io)),
		);
	program
		.command('decline')
		.description(t('cli.contacts.decline'))
		.argument('<email>', t('cli.contacts.fromArgument'))
		.action((email: string) =>
			withInboxLock(contentDir(), () => {
				decline(email, io);
			}),
		);
	return run(argv);
}
