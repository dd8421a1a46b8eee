/**
 * The send ledger: one record per message `npm run send` tried, in `content/sent/<year>.yaml`,
 * committed with the content. It is what makes sending at most once: a recipient with a `sent`
 * record for an entry is skipped unless `--again` is given. Records are appended one at a time
 * as each message goes, so a run that stops halfway leaves an exact account of what went.
 *
 * While the server holds a message, the message is written down in `content/sent/in-flight.yaml`
 * (`startInFlight`), and that file is removed once the answer is in the ledger. A run that died
 * in between (the server may have accepted the message, or not) leaves the file behind; the next
 * run turns it into an `uncertain` record (`settleInFlight`), which counts as served: the message
 * is never sent twice without someone deciding so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { parseDocument, stringify } from 'yaml';
import { contentDir, displayPath } from './content-dir';
import { locateSchemaProblems } from './locate';
import { ContentProblems, phrase, quote, type Problem } from './problems';
import { says, zodProblems } from './zod-problems';

export const LEDGER_FOLDER = 'sent';

export const ledgerRecordSchema = z.strictObject({
	/** What was sent: `paper/<id>`, `case-study/<id>`, `issue/<number>`, `system/<id>` or `ballot/<id>`. */
	entry: z.string().regex(/^(paper|case-study|issue|system|ballot)\/[a-z0-9-]+$/, says('problem.ledger.entry')),
	/** The recipient's address. */
	to: z.email(),
	/** The message's Message-ID header. */
	messageId: z.string().min(3),
	/** When the server answered (ISO date and time, UTC). */
	at: z.coerce.date(),
	/**
	 * `sent`: the server accepted it. `failed`: refused (5xx) or not delivered after the retries.
	 * `uncertain`: a run stopped while the server had it, so it may have gone; not sent again
	 * unless `--resend-uncertain` (or `--again`) is given.
	 */
	result: z.enum(['sent', 'failed', 'uncertain']),
	/** The server's answer or the error, for a failure. */
	error: z.string().optional(),
});

export type LedgerRecord = z.infer<typeof ledgerRecordSchema>;

const HEADER = ` Send ledger (npm run send): one record per message, appended as it goes. Committed, so a
 re-send skips everyone who already received an entry. Never published.`;

export const ledgerFolder = (dir: string = contentDir()): string => path.join(dir, LEDGER_FOLDER);

/** One YAML record file (the ledger's, the inbox's) read and checked against `schema`: its data, or the problems with file and line. */
export function readRecordFile<T extends z.ZodType>(absolute: string, schema: T, empty: unknown): { data?: z.infer<T>; problems: Problem[] } {
	const file = displayPath(absolute);
	const document = parseDocument(fs.readFileSync(absolute, 'utf8'), { prettyErrors: false });
	if (document.errors[0]) {
		return { problems: [{ file, line: document.errors[0].linePos?.[0].line, expected: phrase('problem.yaml'), found: quote(document.errors[0].message) }] };
	}
	const raw: unknown = document.toJS() ?? empty;
	const parsed = schema.safeParse(raw);
	return parsed.success ? { data: parsed.data, problems: [] } : { problems: locateSchemaProblems(zodProblems(file, parsed.error, raw), absolute) };
}

/** Every record of every year, oldest file first; problems name the file and line. */
export function readLedger(dir: string = contentDir()): LedgerRecord[] {
	const folder = ledgerFolder(dir);
	if (!fs.existsSync(folder)) return [];
	const files = fs
		.readdirSync(folder)
		.filter((name) => /^\d{4}\.ya?ml$/.test(name))
		.sort();
	const problems: Problem[] = [];
	const records = files.flatMap((name) => {
		const read = readRecordFile(path.join(folder, name), z.array(ledgerRecordSchema), []);
		problems.push(...read.problems);
		return read.data ?? [];
	});
	if (problems.length > 0) throw new ContentProblems(problems);
	return records;
}

const addresses = (records: readonly LedgerRecord[], entry: string, results: readonly LedgerRecord['result'][]) =>
	new Set(records.filter((record) => record.entry === entry && results.includes(record.result)).map((record) => record.to.toLowerCase()));

/** Addresses (lower case) an entry has been delivered to. */
export const deliveredTo = (records: readonly LedgerRecord[], entry: string): Set<string> => addresses(records, entry, ['sent']);

/** Addresses (lower case) an entry must not be sent to again: delivered, or perhaps delivered by a run that stopped. */
export const servedBy = (records: readonly LedgerRecord[], entry: string): Set<string> =>
	addresses(records, entry, ['sent', 'uncertain']);

/**
 * Recipients (by lower-case address) whose message a stopped run may or may not have delivered,
 * and that nothing has reached since, each with the latest such record (its Message-ID).
 */
export function uncertainFor(records: readonly LedgerRecord[], entry: string): Map<string, LedgerRecord> {
	const delivered = deliveredTo(records, entry);
	return new Map(
		records
			.filter((record) => record.entry === entry && record.result === 'uncertain' && !delivered.has(record.to.toLowerCase()))
			.map((record) => [record.to.toLowerCase(), record]),
	);
}

/** What the in-flight note holds: the record, less the answer the server has not given yet. */
export type Pending = Omit<LedgerRecord, 'result' | 'error'>;
const pendingSchema = ledgerRecordSchema.omit({ result: true, error: true });

const inFlightFile = (dir: string) => path.join(ledgerFolder(dir), 'in-flight.yaml');
const yamlOf = (record: Pending | LedgerRecord) => ({ ...record, at: record.at.toISOString() });

/** Writes down the message the server is about to get, before it gets it. */
export function startInFlight(record: Pending, dir: string = contentDir()): void {
	fs.mkdirSync(ledgerFolder(dir), { recursive: true });
	const text = `# npm run send: the message the mail server has now. Left behind only when a run stopped.\n${stringify(yamlOf(record))}`;
	const descriptor = fs.openSync(inFlightFile(dir), 'w');
	try {
		fs.writeSync(descriptor, text);
		// On disk before the server has the message: a power cut must not lose it either.
		fs.fsyncSync(descriptor);
	} finally {
		fs.closeSync(descriptor);
	}
}

/** The server has answered and the answer is in the ledger. */
export function endInFlight(dir: string = contentDir()): void {
	fs.rmSync(inFlightFile(dir), { force: true });
}

/**
 * A message a stopped run left in flight becomes an `uncertain` record, unless its answer is
 * among `records` (the run stopped after writing it). Returns the record it added to the ledger.
 */
export function settleInFlight(records: readonly LedgerRecord[], dir: string = contentDir()): LedgerRecord | undefined {
	const file = inFlightFile(dir);
	if (!fs.existsSync(file)) return undefined;
	const { data: pending, problems } = readRecordFile(file, pendingSchema, {});
	if (!pending) throw new ContentProblems(problems);
	const answered = records.some((record) => record.messageId === pending.messageId);
	const record: LedgerRecord | undefined = answered ? undefined : { ...pending, result: 'uncertain' };
	if (record) appendRecord(record, dir);
	endInFlight(dir);
	return record;
}

/** Appends one record to the ledger of its year, creating the file with a header if needed. */
export function appendRecord(record: LedgerRecord, dir: string = contentDir()): void {
	const folder = ledgerFolder(dir);
	fs.mkdirSync(folder, { recursive: true });
	const file = path.join(folder, `${record.at.getUTCFullYear()}.yaml`);
	const fresh = !fs.existsSync(file);
	const text = stringify([yamlOf(record)], { lineWidth: 0 });
	// One write per record: a run stopped at any point leaves whole records behind it.
	fs.appendFileSync(file, fresh ? `#${HEADER.replace(/\n/g, '\n#')}\n${text}` : text);
}

export interface SendSummary {
	entry: string;
	/** When the first and the latest message of the entry went. */
	first: Date;
	last: Date;
	/** Recipients who received it. */
	sent: number;
	/** Recipients it failed for and has not reached since. */
	failed: number;
}

/** What was sent and when, one line per entry, most recent first: the editors' page shows it. */
export function sendHistory(records: readonly LedgerRecord[]): SendSummary[] {
	const entries = [...new Set(records.map((record) => record.entry))];
	return entries
		.map((entry) => {
			const own = records.filter((record) => record.entry === entry);
			const times = own.map((record) => record.at.getTime());
			const served = deliveredTo(own, entry);
			const failed = new Set(own.filter((r) => r.result === 'failed' && !served.has(r.to.toLowerCase())).map((r) => r.to.toLowerCase()));
			return { entry, first: new Date(Math.min(...times)), last: new Date(Math.max(...times)), sent: served.size, failed: failed.size };
		})
		.sort((a, b) => b.last.getTime() - a.last.getTime());
}
