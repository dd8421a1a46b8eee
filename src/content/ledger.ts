/**
 * The send ledger: one record per message `npm run send` tried, in `content/sent/<year>.yaml`,
 * committed with the content. It is what makes sending at most once: a recipient with a `sent`
 * record for an entry is skipped unless `--again` is given. Records are appended one at a time
 * as each message goes, so a run that stops halfway leaves an exact account of what went.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { parseDocument, stringify } from 'yaml';
import { contentDir } from './content-dir';
import { locateSchemaProblems } from './locate';
import { ContentProblems, quote, type Problem } from './problems';
import { zodProblems } from './zod-problems';

export const LEDGER_FOLDER = 'sent';

export const ledgerRecordSchema = z.strictObject({
	/** What was sent: `paper/<id>`, `case-study/<id>` or `issue/<number>`. */
	entry: z.string().regex(/^(paper|case-study|issue)\/[a-z0-9-]+$/, { message: 'paper/<id>, case-study/<id> or issue/<number>' }),
	/** The recipient's address. */
	to: z.email(),
	/** The message's Message-ID header. */
	messageId: z.string().min(3),
	/** When the server answered (ISO date and time, UTC). */
	at: z.coerce.date(),
	/** `sent`: the server accepted it. `failed`: refused (5xx) or not delivered after the retries. */
	result: z.enum(['sent', 'failed']),
	/** The server's answer or the error, for a failure. */
	error: z.string().optional(),
});

export type LedgerRecord = z.infer<typeof ledgerRecordSchema>;

const HEADER = ` Send ledger (npm run send): one record per message, appended as it goes. Committed, so a
 re-send skips everyone who already received an entry. Never published.`;

export const ledgerFolder = (dir: string = contentDir()): string => path.join(dir, LEDGER_FOLDER);

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
		const absolute = path.join(folder, name);
		const file = path.relative(process.cwd(), absolute);
		const document = parseDocument(fs.readFileSync(absolute, 'utf8'), { prettyErrors: false });
		if (document.errors[0]) {
			problems.push({ file, line: document.errors[0].linePos?.[0].line, expected: 'valid YAML', found: quote(document.errors[0].message) });
			return [];
		}
		const raw: unknown = document.toJS() ?? [];
		const parsed = z.array(ledgerRecordSchema).safeParse(raw);
		if (parsed.success) return parsed.data;
		problems.push(...locateSchemaProblems(zodProblems(file, parsed.error, raw), absolute));
		return [];
	});
	if (problems.length > 0) throw new ContentProblems(problems);
	return records;
}

/** Addresses (lower case) that an entry has already been delivered to. */
export const servedBy = (records: readonly LedgerRecord[], entry: string): Set<string> =>
	new Set(records.filter((record) => record.entry === entry && record.result === 'sent').map((record) => record.to.toLowerCase()));

/** Appends one record to the ledger of its year, creating the file with a header if needed. */
export function appendRecord(record: LedgerRecord, dir: string = contentDir()): void {
	const folder = ledgerFolder(dir);
	fs.mkdirSync(folder, { recursive: true });
	const file = path.join(folder, `${record.at.getUTCFullYear()}.yaml`);
	const fresh = !fs.existsSync(file);
	const text = stringify([{ ...record, at: record.at.toISOString() }], { lineWidth: 0 });
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
			const served = servedBy(own, entry);
			const failed = new Set(own.filter((r) => r.result === 'failed' && !served.has(r.to.toLowerCase())).map((r) => r.to.toLowerCase()));
			return { entry, first: new Date(Math.min(...times)), last: new Date(Math.max(...times)), sent: served.size, failed: failed.size };
		})
		.sort((a, b) => b.last.getTime() - a.last.getTime());
}
