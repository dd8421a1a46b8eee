/**
 * The inbox records: what `npm run inbox` took from the editors' mailbox, one record per tagged
 * message, in `content/inbox/<year>.yaml`, and where it stopped reading (`watermark.yaml`).
 * Committed with the content and never published beyond counts.
 *
 * A record is appended, in one write, before its message is moved out of the mailbox; a message
 * is recorded once by its Message-ID. So a run stopped at any point leaves whole records, and the
 * next run records the messages still in the mailbox that are not in them (nothing twice, nothing
 * lost), as the send ledger does for sending (src/content/ledger.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { contentDir, displayPath } from './content-dir';
import { RECORDS } from './kinds';
import { readRecordFile } from './ledger';
import { ContentProblems, type Problem } from './problems';
import { watermarkFileSchema, type InboxRecord, type Watermarks } from './schemas/inbox';

export type { FeedbackRecord, InboxRecord, ListRequestRecord, PickRecord, QuestionRecord } from './schemas/inbox';

const { folder: FOLDER, files: YEAR_FILE, schema } = RECORDS.inbox;
export const WATERMARK_FILE = 'watermark.yaml';

const HEADER = ` Inbox records (npm run inbox): one per tagged message from the editors' mailbox, appended as
 it goes. Committed, so a message is never recorded twice. Never published beyond counts.`;

export const inboxFolder = (dir: string = contentDir()): string => path.join(dir, FOLDER);

/** One year's file: where it is (relative to the working directory) and its records in order. */
export interface InboxFile {
	file: string;
	records: InboxRecord[];
}

/** Every year's file, oldest first, read and checked against the schema; problems name the file and line. */
export function readInboxFiles(dir: string = contentDir()): { files: InboxFile[]; problems: Problem[] } {
	const folder = inboxFolder(dir);
	if (!fs.existsSync(folder)) return { files: [], problems: [] };
	const problems: Problem[] = [];
	const files = fs
		.readdirSync(folder)
		.filter((name) => YEAR_FILE.test(name))
		.sort()
		.map((name) => {
			const absolute = path.join(folder, name);
			const read = readRecordFile(absolute, schema, []);
			problems.push(...read.problems);
			return { file: displayPath(absolute), records: read.data ?? [] };
		});
	return { files, problems };
}

/** Every record, oldest file first, or `ContentProblems` listing every mistake in the files. */
export function readInbox(dir: string = contentDir()): InboxRecord[] {
	const { files, problems } = readInboxFiles(dir);
	if (problems.length > 0) throw new ContentProblems(problems);
	return files.flatMap((file) => file.records);
}

/** A record as YAML writes it: dates as ISO text, fields left out rather than written empty. */
const yamlOf = (record: InboxRecord) => JSON.parse(JSON.stringify(record)) as Record<string, unknown>;

const yearFile = (dir: string, record: InboxRecord) => path.join(inboxFolder(dir), `${record.date.getUTCFullYear()}.yaml`);

/** Appends one record to the file of its year, in one write that is on disk when this returns. */
export function appendInboxRecord(record: InboxRecord, dir: string = contentDir()): void {
	fs.mkdirSync(inboxFolder(dir), { recursive: true });
	const file = yearFile(dir, record);
	const fresh = !fs.existsSync(file);
	const text = stringify([yamlOf(record)], { lineWidth: 0 });
	const descriptor = fs.openSync(file, 'a');
	try {
		fs.writeSync(descriptor, fresh ? `#${HEADER.replace(/\n/g, '\n#')}\n${text}` : text);
		// On disk before the message leaves the mailbox: a power cut must not lose it either.
		fs.fsyncSync(descriptor);
	} finally {
		fs.closeSync(descriptor);
	}
}

/** Writes a file whole or not at all: to a temporary file beside it, then renamed over it. */
function replaceFile(file: string, text: string): void {
	const temporary = `${file}.${process.pid}.tmp`;
	fs.writeFileSync(temporary, text);
	fs.renameSync(temporary, file);
}

/**
 * Changes records in place (an approved list request, a dropped question), keeping the files'
 * comments: `change` returns the new record, or undefined to leave it. Returns how many changed.
 */
export function updateInboxRecords(change: (record: InboxRecord) => InboxRecord | undefined, dir: string = contentDir()): number {
	const { files, problems } = readInboxFiles(dir);
	if (problems.length > 0) throw new ContentProblems(problems);
	let changed = 0;
	for (const { file, records } of files) {
		const absolute = path.resolve(file);
		const document = parseDocument(fs.readFileSync(absolute, 'utf8'));
		const unchanged = changed;
		for (const [index, record] of records.entries()) {
			const next = change(record);
			if (!next) continue;
			const node = document.createNode(yamlOf(next));
			// The file's header is the first record's comment to the yaml library: keep it with the record.
			const before = document.getIn([index], true) as { commentBefore?: string | null } | undefined;
			node.commentBefore = before?.commentBefore;
			document.setIn([index], node);
			changed++;
		}
		if (changed > unchanged) replaceFile(absolute, document.toString({ lineWidth: 0 }));
	}
	return changed;
}

const watermarkPath = (dir: string) => path.join(inboxFolder(dir), WATERMARK_FILE);

/** Where each mailbox was last read up to. */
export function readWatermarks(dir: string = contentDir()): Watermarks {
	const file = watermarkPath(dir);
	if (!fs.existsSync(file)) return { mailboxes: [] };
	const { data, problems } = readRecordFile(file, watermarkFileSchema, {});
	if (!data) throw new ContentProblems(problems);
	return data;
}

/** Records that `mailbox` has been read up to `lastUid` (for its `uidValidity`). */
export function writeWatermark(mark: Watermarks['mailboxes'][number], dir: string = contentDir()): void {
	const { mailboxes } = readWatermarks(dir);
	const others = mailboxes.filter((other) => other.mailbox !== mark.mailbox);
	fs.mkdirSync(inboxFolder(dir), { recursive: true });
	replaceFile(
		watermarkPath(dir),
		`# npm run inbox: the last message (IMAP UID) read in each mailbox; only newer ones are fetched.\n${stringify({ mailboxes: [...others, mark] })}`,
	);
}
