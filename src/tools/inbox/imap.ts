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
import { phrase } from '../../content/problems';

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

const EXAMPLE = { url: 'IMAP_URL=imaps://it-editors%40northwind.example@mail.northwind.example/INBOX', password: 'IMAP_PASSWORD=…' };

export function mailboxSettings(env: Record<string, string | undefined>): MailboxSettings {
	const raw = env.IMAP_URL;
	if (!raw) throw new MailboxRefused(phrase('cli.inbox.noUrl', EXAMPLE));
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new MailboxRefused(phrase('cli.inbox.notUrl', EXAMPLE));
	}
	const secure = url.protocol === 'imaps:';
	if (!secure && url.protocol !== 'imap:') throw new MailboxRefused(phrase('cli.inbox.protocol', { found: `${url.protocol}//` }));
	const user = decodeURIComponent(url.username);
	const pass = url.password ? decodeURIComponent(url.password) : env.IMAP_PASSWORD;
	if (!user) throw new MailboxRefused(phrase('cli.inbox.noUser', EXAMPLE));
	if (!pass) throw new MailboxRefused(phrase('cli.inbox.noPassword', { user }));
	const port = url.port ? Number(url.port) : secure ? 993 : 143;
	const host = url.hostname.replace(/^\[|\]$/g, '');
	const folder = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX';
	const caFile = url.searchParams.get('ca') ?? env.IMAP_CA_FILE;
	if (caFile !== undefined && !fs.existsSync(caFile)) throw new MailboxRefused(phrase('cli.inbox.noCaFile', { file: caFile }));
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
		return new MailboxRefused(phrase('cli.inbox.login', { server: where, user: auth?.user ?? '' }));
	}
	if (e.tlsFailed) {
		return new MailboxRefused(phrase('cli.inbox.noStartTls', { server: where }));
	}
	if (e.code && CERTIFICATE.test(e.code)) {
		return new MailboxRefused(phrase('cli.inbox.certificate', { server: where, code: e.code }));
	}
	if (e.code?.startsWith('ERR_SSL') || /ssl|tls/i.test(e.message ?? '')) {
		return new MailboxRefused(phrase('cli.inbox.noTls', { server: where, code: e.code ?? e.message ?? 'handshake failed' }));
	}
	return new MailboxRefused(
		phrase('cli.inbox.failed', {
			server: where,
			error: `${e.code ? `${e.code}, ` : ''}${(e.responseText ?? e.message ?? 'connection failed').split('\n')[0]}`,
		}),
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
