/**
 * The editors' mailbox over IMAP (imapflow): where `IMAP_URL` points, with TLS required as
 * sending requires STARTTLS, and what to tell the editor in one line when it cannot be reached.
 *
 * `IMAP_URL=imaps://<user>@<host>[:993]/<folder>` (TLS from the start) or `imap://…[:143]/…`
 * (STARTTLS, refused if the server does not offer it). The password comes from the URL or from
 * `IMAP_PASSWORD`, both environment settings, never a file. `?ca=<file>` trusts a private CA;
 * `?tls.rejectUnauthorized=false` (as `SMTP_URL` spells it) turns certificate checks off for a
 * test server, and says so on every run.
 */
import fs from 'node:fs';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { UsageError } from '../cli';

/** A reason the run cannot start or go on; nothing more is recorded. */
export class MailboxRefused extends UsageError {}

export interface MailboxSettings {
	options: ImapFlowOptions;
	/** The folder to read. */
	folder: string;
	/** `user@host:port/folder`: how messages and the watermark name the mailbox (no password). */
	label: string;
	/** Certificate checks were turned off by the URL. */
	unverified: boolean;
}

const EXAMPLE = 'IMAP_URL=imaps://it-editors%40northwind.example@mail.northwind.example/INBOX with IMAP_PASSWORD=…';

export function mailboxSettings(env: Record<string, string | undefined>): MailboxSettings {
	const raw = env.IMAP_URL;
	if (!raw) throw new MailboxRefused(`set IMAP_URL to the editors' mailbox, e.g. ${EXAMPLE}`);
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new MailboxRefused(`IMAP_URL is not a URL; expected one such as ${EXAMPLE}`);
	}
	const secure = url.protocol === 'imaps:';
	if (!secure && url.protocol !== 'imap:')
		throw new MailboxRefused(`IMAP_URL must start with imaps:// (TLS) or imap:// (STARTTLS); found ${url.protocol}//`);
	const user = decodeURIComponent(url.username);
	const pass = url.password ? decodeURIComponent(url.password) : env.IMAP_PASSWORD;
	if (!user) throw new MailboxRefused(`IMAP_URL has no user name; expected ${EXAMPLE}`);
	if (!pass) throw new MailboxRefused(`no password for ${user}: set IMAP_PASSWORD (or put it in IMAP_URL)`);
	const port = url.port ? Number(url.port) : secure ? 993 : 143;
	const host = url.hostname.replace(/^\[|\]$/g, '');
	const folder = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX';
	const caFile = url.searchParams.get('ca') ?? env.IMAP_CA_FILE;
	if (caFile !== undefined && !fs.existsSync(caFile)) throw new MailboxRefused(`the CA file ${caFile} (IMAP_URL ?ca=) does not exist`);
	const unverified = url.searchParams.get('tls.rejectUnauthorized') === 'false';
	return {
		options: {
			host,
			port,
			secure,
			// Required, not opportunistic: a server that does not offer STARTTLS is refused rather than sent the password in clear.
			doSTARTTLS: secure ? undefined : true,
			auth: { user, pass },
			tls: { ...(caFile ? { ca: fs.readFileSync(caFile) } : {}), ...(unverified ? { rejectUnauthorized: false } : {}) },
			logger: false,
			// The hub reads and leaves; it never waits for new mail.
			disableAutoIdle: true,
		},
		folder,
		label: `${user}@${host}:${port}/${folder}`,
		unverified,
	};
}

interface ConnectError {
	code?: string;
	message?: string;
	authenticationFailed?: boolean;
	tlsFailed?: boolean;
	responseText?: string;
}

const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME/;

/** The one line that says why the mailbox could not be opened, and what to do. */
export function refusal(error: unknown, settings: MailboxSettings): MailboxRefused {
	const { host, port, auth } = settings.options;
	const where = `${host}:${port}`;
	const e = (error ?? {}) as ConnectError;
	if (e.authenticationFailed) {
		return new MailboxRefused(
			`${where} refused the login for ${auth?.user ?? ''}: check the user name in IMAP_URL and the password (IMAP_PASSWORD)`,
		);
	}
	if (e.tlsFailed) {
		return new MailboxRefused(
			`${where} does not offer STARTTLS, and the hub reads mail only over TLS: use imaps:// with the server's TLS port (usually 993)`,
		);
	}
	if (e.code && CERTIFICATE.test(e.code)) {
		return new MailboxRefused(
			`the certificate of ${where} is not trusted (${e.code}): give its CA with ?ca=/path/to/ca.pem in IMAP_URL (or IMAP_CA_FILE); for a test server only, ?tls.rejectUnauthorized=false`,
		);
	}
	if (e.code?.startsWith('ERR_SSL') || /ssl|tls/i.test(e.message ?? '')) {
		return new MailboxRefused(
			`${where} did not answer with TLS (${e.code ?? e.message ?? 'handshake failed'}): imaps:// needs the server's TLS port (usually 993); imap:// uses STARTTLS on 143`,
		);
	}
	return new MailboxRefused(
		`could not read the mailbox at ${where}: ${e.code ? `${e.code}, ` : ''}${(e.responseText ?? e.message ?? 'connection failed').split('\n')[0]}`,
	);
}

/** A logged-in client, or `MailboxRefused` with the one line to show. */
export async function openMailbox(settings: MailboxSettings): Promise<ImapFlow> {
	const client = new ImapFlow(settings.options);
	// A dropped connection also arrives as an event; the command that was running rejects with it.
	client.on('error', () => undefined);
	try {
		await client.connect();
	} catch (error) {
		client.close();
		throw refusal(error, settings);
	}
	return client;
}
