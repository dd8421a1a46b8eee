/**
 * Sends one message per recipient through SMTP, in turn, noting each before the server gets it and
 * recording it in the ledger as soon as the server answers. Transient failures (4xx answers,
 * dropped or refused connections) are retried with a growing pause; a 5xx refusal is final for
 * that recipient and the run goes on. When the server stays unreachable, or refuses the
 * credentials or TLS, the run stops: what was not tried stays unserved, and the next run picks it
 * up.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { Contact } from '../../checks/contacts';
import type { LedgerRecord, Pending } from '../../content/ledger';

export interface SmtpError {
	code?: string;
	responseCode?: number;
	response?: string;
	message?: string;
}

/** Errors that say nothing can be sent in this run, whoever the recipient. */
const RUN_STOPPERS = new Set(['EAUTH', 'ETLS', 'ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ECONNREFUSED', 'ECONNRESET']);
/** Of those, the ones worth retrying: the connection, not the configuration. */
const CONNECTION = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'ECONNREFUSED', 'ECONNRESET']);

export type Failure = 'permanent' | 'transient' | 'connection' | 'configuration';

export function classify(error: SmtpError): Failure {
	const code = error.responseCode;
	if (code !== undefined && code >= 500) return error.code === 'EAUTH' ? 'configuration' : 'permanent';
	if (code !== undefined && code >= 400) return 'transient';
	if (error.code && CONNECTION.has(error.code)) return 'connection';
	if (error.code && RUN_STOPPERS.has(error.code)) return 'configuration';
	return 'permanent';
}

/** What the server or the socket said, on one line. */
export const describeError = (error: SmtpError): string => (error.response ?? error.message ?? 'unknown error').split('\n')[0]!.trim();

export interface Outcome {
	contact: Contact;
	record?: LedgerRecord;
	/** Not tried, because the run stopped first. */
	skipped?: boolean;
}

export interface DeliverOptions {
	transport: Pick<Transporter, 'sendMail'>;
	/** Retries after the first attempt for transient failures. */
	retries: number;
	/** The first pause before a retry; each further pause doubles. */
	backoffMs: number;
	/** The ledger's name of the entry. */
	entry: string;
	/** Builds the message for one contact with a fresh Message-ID. */
	message: (contact: Contact) => Mail.Options;
	/** Called before a message is first handed to the server: the ledger's note of what is in flight. */
	handing: (pending: Pending) => void;
	/** Called with every record as it happens, before the next message: the ledger append. */
	record: (record: LedgerRecord) => void;
	/** Called after each recipient, for the progress display. */
	progress?: (outcome: Outcome) => void;
	now?: () => Date;
}

/** Sends to each contact in turn; returns one outcome per contact, in order. */
export async function deliver(contacts: readonly Contact[], options: DeliverOptions): Promise<Outcome[]> {
	const now = options.now ?? (() => new Date());
	const outcomes: Outcome[] = [];
	let stopped: string | undefined;
	for (const contact of contacts) {
		if (stopped) {
			outcomes.push({ contact, skipped: true });
			options.progress?.(outcomes.at(-1)!);
			continue;
		}
		const message = options.message(contact);
		const messageId = String(message.messageId);
		options.handing({ entry: options.entry, to: contact.email, messageId, at: now() });
		let record: LedgerRecord | undefined;
		for (let attempt = 0; !record; attempt++) {
			try {
				await options.transport.sendMail(message);
				record = { entry: options.entry, to: contact.email, messageId, at: now(), result: 'sent' };
			} catch (caught) {
				const error = caught as SmtpError;
				const kind = classify(error);
				const retry = (kind === 'transient' || kind === 'connection') && attempt < options.retries;
				if (retry) {
					await sleep(options.backoffMs * 2 ** attempt);
					continue;
				}
				record = { entry: options.entry, to: contact.email, messageId, at: now(), result: 'failed', error: describeError(error) };
				if (kind === 'connection' || kind === 'configuration') stopped = record.error;
			}
		}
		options.record(record);
		outcomes.push({ contact, record });
		options.progress?.(outcomes.at(-1)!);
	}
	return outcomes;
}
