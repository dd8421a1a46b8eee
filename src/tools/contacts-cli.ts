/**
 * `npm run contacts -- add|remove|list|pending|approve|decline`: keeps `content/contacts.yaml` by command, so editors do
 * not hand-edit addresses. Edits go through the `yaml` document, which keeps the file's comments
 * and order; the whole list is checked before anything is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { contactsPath, isActive, listProblems, readContacts, segmentIds, type Contact } from '../checks/contacts';
import { contentDir } from '../content/content-dir';
import { isoDate } from '../content/format';
import { readInbox, updateInboxRecords, type ListRequestRecord } from '../content/inbox';
import { formatProblem, oneOf } from '../content/problems';
import { contactsFileSchema } from '../content/schemas/contact';
import { schemaProblems } from '../content/zod-problems';
import { commandLine, nowOf, processIo, UsageError, type CommandIo as Io } from './cli';
import { withInboxLock } from './inbox/lock';

const HEADER = ` Key contacts who asked for the hub's writing by email (npm run contacts -- add|remove|list).
 Never published: no address or name in this file reaches the site. See src/content/schemas/contact.ts.`;

function openList(file: string): Document {
	if (!fs.existsSync(file)) {
		const document = parseDocument('contacts: []\n');
		document.commentBefore = HEADER;
		return document;
	}
	const document = parseDocument(fs.readFileSync(file, 'utf8'));
	if (document.errors.length > 0)
		throw new UsageError(`${path.relative(process.cwd(), file)} is not valid YAML: ${document.errors[0]!.message}`);
	if (!document.has('contacts')) document.set('contacts', document.createNode([]));
	return document;
}

function contactsSeq(document: Document): YAMLSeq<YAMLMap> {
	const seq = document.get('contacts', true);
	if (!isSeq(seq)) throw new UsageError('contacts.yaml: expected "contacts:" to hold a list');
	// A list written as `[]` would grow as one long line.
	seq.flow = false;
	return seq as YAMLSeq<YAMLMap>;
}

const indexOf = (seq: YAMLSeq<YAMLMap>, email: string) =>
	seq.items.findIndex((item) => isMap(item) && String(item.get('email')).toLowerCase() === email.toLowerCase());

/** Checks the edited list as the build would, then writes it; nothing is written when it fails. */
async function save(document: Document, file: string, dir: string): Promise<void> {
	const relative = path.relative(process.cwd(), file);
	const data: unknown = document.toJS();
	const parsed = await schemaProblems(relative, contactsFileSchema, data);
	const problems = parsed.data ? listProblems(relative, parsed.data.contacts, segmentIds(dir)) : parsed.problems;
	if (problems.length > 0) throw new UsageError(`nothing was written:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
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
		if (!known.includes(segment)) throw new UsageError(`unknown segment "${segment}": expected ${oneOf('segment', known)}`);
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
			asked: options.note ?? 'asked the editors',
			feedback: options.feedback ?? false,
		});
		const segmentsNode = node.get('segments', true);
		if (isSeq(segmentsNode)) segmentsNode.flow = true;
		seq.add(node);
		await save(document, file, dir);
		io.out(`Added ${name} <${email}> to ${segments.join(', ')} from ${date}.\n`);
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
	const what = [rejoined ? `rejoined from ${date}` : 'already on the list', fresh.length > 0 ? `now also follows ${fresh.join(', ')}` : '']
		.filter(Boolean)
		.join('; ');
	io.out(`${String(contact.get('name'))} <${email}>: ${what}.\n`);
}

async function remove(email: string, options: { date?: string }, io: Io): Promise<void> {
	const dir = contentDir();
	const file = contactsPath(dir);
	if (!fs.existsSync(file)) throw new UsageError(`no contacts yet (${path.relative(process.cwd(), file)} does not exist)`);
	const document = openList(file);
	const seq = contactsSeq(document);
	const at = indexOf(seq, email);
	if (at === -1) throw new UsageError(`no contact has the address ${email}; npm run contacts -- list shows them`);
	const contact = seq.items[at]!;
	if (contact.has('left')) throw new UsageError(`${email} already left the list on ${String(contact.get('left'))}`);
	const date = options.date ?? isoDate(nowOf(io));
	// They stay in the file with the day they left: the list's growth is charted from it.
	contact.set('left', date);
	await save(document, file, dir);
	io.out(`${String(contact.get('name'))} <${email}> left the list on ${date}; nothing more will be sent to them.\n`);
}

const describe = (contact: Contact) =>
	[
		`${contact.name} <${contact.email}>`,
		`  follows ${contact.segments.join(', ')} · joined ${isoDate(contact.joined)}${contact.left ? ` · left ${isoDate(contact.left)}` : ''}`,
		`  ${contact.feedback ? 'agreed to give feedback' : 'no feedback agreed'} · ${contact.asked}`,
	].join('\n');

async function list(options: { segment?: string; all?: boolean }, io: Io): Promise<void> {
	const { file, contacts, problems } = await readContacts();
	if (problems.length > 0) throw new UsageError(`${file} has problems:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
	const now = nowOf(io);
	const shown = contacts.filter(
		(contact) => (options.all === true || isActive(contact, now)) && (!options.segment || contact.segments.includes(options.segment)),
	);
	io.out(shown.map((contact) => `${describe(contact)}\n`).join(''));
	const scope = options.segment ? ` following ${options.segment}` : '';
	io.out(`${shown.length} ${options.all ? 'contacts, past and present' : 'on the list'}${scope}.\n`);
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
	io.out(
		`${requests.length} list ${requests.length === 1 ? 'request' : 'requests'} pending; npm run contacts -- approve <email> adds one.\n`,
	);
}

async function approve(email: string, options: { name?: string; feedback?: boolean }, io: Io): Promise<void> {
	const requests = pendingRequests(email);
	if (requests.length === 0) throw new UsageError(`no pending list request from ${email}; npm run contacts -- pending lists them`);
	const name = options.name ?? requests.map((r) => filledIn(r.note, 'Name') ?? r.name).find(Boolean);
	if (!name) throw new UsageError(`the request from ${email} gives no name: add one with --name "Full Name"`);
	for (const reason of new Set(requests.flatMap((r) => (r.reason ? [r.reason] : [])))) io.out(`Note: the request came ${reason}.\n`);
	const segments = [...new Set(requests.flatMap((r) => r.segments))];
	const first = requests[0]!;
	// The contact first, then the request: a run stopped between the two is finished by running it again.
	await add(
		name,
		email,
		{
			segment: segments,
			note: `asked by email on ${isoDate(first.date)} for ${segments.join(', ')}`,
			feedback: options.feedback ?? requests.some((r) => agreedToFeedback(r.note)),
		},
		io,
	);
	const ids = new Set(requests.map((r) => r.messageId));
	updateInboxRecords((record) => (ids.has(record.messageId) ? ({ ...record, status: 'approved' } as ListRequestRecord) : undefined));
}

function decline(email: string, io: Io): void {
	const ids = new Set(pendingRequests(email).map((r) => r.messageId));
	if (ids.size === 0) throw new UsageError(`no pending list request from ${email}; npm run contacts -- pending lists them`);
	updateInboxRecords((record) => (ids.has(record.messageId) ? ({ ...record, status: 'declined' } as ListRequestRecord) : undefined));
	io.out(`Declined ${ids.size} list ${ids.size === 1 ? 'request' : 'requests'} from ${email}; they were not added.\n`);
}

export async function contactsCommand(argv: readonly string[], io: Io = processIo): Promise<number> {
	const { program, run } = commandLine(
		'contacts',
		"Keep the list of key contacts who get the hub's writing by email (content/contacts.yaml).",
		io,
	);
	program
		.command('add')
		.description('add a contact, or add segments to one already on the list')
		.argument('<name>', 'their full name')
		.argument('<email>', 'their work email')
		.requiredOption('-s, --segment <ids...>', 'segment ids they follow (repeat, or separate with commas)')
		.option('--note <text>', 'how they asked, e.g. "asked after the CRM paper"')
		.option('--feedback', 'they agreed to say whether what they get is useful')
		.option('--joined <date>', 'the day they joined (default: today)')
		.action((name: string, email: string, options: AddOptions) => add(name, email, options, io));
	program
		.command('remove')
		.description('take a contact off the list (they stay in the file with the day they left)')
		.argument('<email>', 'their work email')
		.option('--date <date>', 'the day they left (default: today)')
		.action((email: string, options: { date?: string }) => remove(email, options, io));
	program
		.command('list')
		.description('show who is on the list')
		.option('-s, --segment <id>', 'only those following this segment')
		.option('--all', 'include those who left')
		.action((options: { segment?: string; all?: boolean }) => list(options, io));
	program
		.command('pending')
		.description('show the list requests npm run inbox recorded that wait for an editor')
		.action(() => {
			pending(io);
		});
	program
		.command('approve')
		.description('add the sender of a pending list request, with the segments they asked for')
		.argument('<email>', 'the address the request came from')
		.option('--name <name>', 'their full name, when the request does not give it')
		.option('--feedback', 'they agreed to say whether what they get is useful (default: what the request says)')
		// The inbox lock: a run of npm run inbox appends to the file the request's new status rewrites.
		.action((email: string, options: { name?: string; feedback?: boolean }) =>
			withInboxLock(contentDir(), () => approve(email, options, io)),
		);
	program
		.command('decline')
		.description('close a pending list request without adding its sender')
		.argument('<email>', 'the address the request came from')
		.action((email: string) =>
			withInboxLock(contentDir(), () => {
				decline(email, io);
			}),
		);
	return run(argv);
}
