/**
 * A real IMAP server for the inbox tests: Debian's Dovecot (`dovecot-imapd`, installed by
 * `.ci/run`), started by the test with its own configuration in a temporary folder, on free
 * loopback ports, with a throw-away mail store owned by an unprivileged user and one test user
 * (see /work/shared/notes/servers.md for why each setting is there). The master runs as root,
 * as Dovecot needs to switch to the mail user.
 *
 * Messages are put in with IMAP APPEND, as a mail server's delivery would leave them.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImapFlow } from 'imapflow';
import { freePort } from './free-port.ts';

/** The system user that owns the mail store; created once per machine. */
const MAIL_USER = 'hourglass-mail';

export interface DovecotOptions {
	/** `false` plays a server without TLS: no certificate, plain IMAP only, no STARTTLS. Default: TLS required. */
	tls?: boolean;
	/** The hierarchy separator: `.` is Dovecot's Maild++ default (and Courier's, Cyrus's). Default: `/`. */
	separator?: '/' | '.';
}

export interface TestDovecot {
	user: string;
	password: string;
	/** The implicit-TLS port (993's role), when TLS is on. */
	imapsPort: number;
	/** The plain port (143's role): STARTTLS when TLS is on. */
	imapPort: number;
	/** The test user's Maildir (folders are subfolders of it), to play a server that refuses something. */
	maildir: string;
	/** The server's self-signed certificate, as a CA file for `IMAP_URL`'s `?ca=`. */
	caFile: string;
	/** `IMAP_URL` for the implicit-TLS port, trusting the test certificate by its CA file. */
	url: string;
	/** Puts a message in a folder (INBOX unless said), as delivery would; returns its UID. */
	append: (raw: string | Buffer, folder?: string) => Promise<number>;
	/**
	 * Puts many messages in the INBOX at once, as a local delivery agent does: files in the
	 * Maildir's `new/`, which Dovecot numbers when the mailbox is next opened. For the benchmark's
	 * thousands of messages, where an APPEND each would take minutes.
	 */
	deliverMany: (raws: readonly (string | Buffer)[]) => Promise<void>;
	/** A logged-in client, for looking at what a test left behind. */
	client: () => Promise<ImapFlow>;
	/** The folders and how many messages each holds. */
	folders: () => Promise<Record<string, number>>;
	stop: () => Promise<void>;
}

function ensureMailUser(): void {
	try {
		execFileSync('id', ['-u', MAIL_USER], { stdio: 'ignore' });
	} catch {
		try {
			execFileSync('useradd', ['-r', '-M', '-s', '/usr/sbin/nologin', MAIL_USER], { stdio: 'ignore' });
		} catch {
			// Another test run made it in the meantime.
			execFileSync('id', ['-u', MAIL_USER], { stdio: 'ignore' });
		}
	}
}

const running = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

async function waitForPort(port: number): Promise<void> {
	for (let attempt = 0; ; attempt++) {
		const open = await new Promise<boolean>((resolve) => {
			const socket = net.connect(port, '127.0.0.1', () => {
				socket.destroy();
				resolve(true);
			});
			socket.on('error', () => {
				resolve(false);
			});
		});
		if (open) return;
		if (attempt > 600) throw new Error(`Dovecot did not listen on port ${port}`);
		await sleep(50);
	}
}

export async function startDovecot(options: DovecotOptions = {}): Promise<TestDovecot> {
	const tls = options.tls ?? true;
	const slash = (options.separator ?? '/') === '/';
	ensureMailUser();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hourglass-dovecot-'));
	// Dovecot's processes run as the mail user and `nobody`: they must reach the folder.
	fs.chmodSync(dir, 0o755);
	const user = 'it-editors@northwind.example';
	const password = 'correct horse battery staple';
	const [imapPort, imapsPort] = [await freePort(), await freePort()];
	const caFile = path.join(dir, 'cert.pem');
	if (tls) {
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'rsa:2048',
				'-nodes',
				'-days',
				'2',
				'-subj',
				'/CN=127.0.0.1',
				'-addext',
				'subjectAltName=IP:127.0.0.1',
				'-keyout',
				path.join(dir, 'key.pem'),
				'-out',
				caFile,
			],
			{ stdio: 'ignore' },
		);
	}
	fs.writeFileSync(path.join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
	fs.mkdirSync(path.join(dir, 'mail'));
	execFileSync('chown', [`${MAIL_USER}:nogroup`, path.join(dir, 'mail')]);
	fs.writeFileSync(
		path.join(dir, 'dovecot.conf'),
		`base_dir = ${dir}/run
state_dir = ${dir}/run
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
${tls ? `ssl = required\nssl_cert = <${caFile}\nssl_key = <${dir}/key.pem` : 'ssl = no\ndisable_plaintext_auth = no'}
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${MAIL_USER} gid=nogroup home=${dir}/mail/%u
}
${
	slash
		? `mail_location = maildir:~/Maildir:LAYOUT=fs
namespace inbox {
  inbox = yes
  separator = /
}`
		: 'mail_location = maildir:~/Maildir'
}
service imap-login {
  inet_listener imap {
    port = ${imapPort}
  }
  inet_listener imaps {
    port = ${tls ? imapsPort : 0}
    ssl = yes
  }
}
default_login_user = nobody
default_internal_user = nobody
`,
	);
	// Ignored stdio: the daemon keeps inherited pipes open, and execFileSync would wait for them.
	execFileSync('dovecot', ['-c', path.join(dir, 'dovecot.conf')], { stdio: 'ignore' });
	await waitForPort(tls ? imapsPort : imapPort);

	const client = async () => {
		const imap = new ImapFlow({
			host: '127.0.0.1',
			port: tls ? imapsPort : imapPort,
			secure: tls,
			doSTARTTLS: tls ? undefined : false,
			auth: { user, pass: password },
			tls: tls ? { ca: fs.readFileSync(caFile) } : undefined,
			logger: false,
		});
		await imap.connect();
		return imap;
	};
	return {
		user,
		password,
		imapPort,
		imapsPort,
		caFile,
		maildir: path.join(dir, 'mail', user, 'Maildir'),
		url: `imaps://${encodeURIComponent(user)}@127.0.0.1:${imapsPort}/INBOX?ca=${encodeURIComponent(caFile)}`,
		client,
		append: async (raw, folder = 'INBOX') => {
			const imap = await client();
			try {
				const result = await imap.append(folder, raw);
				if (!result || result.uid === undefined) throw new Error(`APPEND to ${folder} gave no UID`);
				return result.uid;
			} finally {
				await imap.logout();
			}
		},
		deliverMany: async (raws) => {
			// Logging in once makes Dovecot create the Maildir, owned by the mail user.
			await (await client()).logout();
			const fresh = path.join(dir, 'mail', user, 'Maildir', 'new');
			fs.mkdirSync(fresh, { recursive: true });
			raws.forEach((raw, index) => {
				fs.writeFileSync(path.join(fresh, `${randomUUID()}.M${index}.hourglass`), raw);
			});
			execFileSync('chown', ['-R', `${MAIL_USER}:nogroup`, path.join(dir, 'mail')]);
		},
		folders: async () => {
			const imap = await client();
			try {
				const list = await imap.list({ statusQuery: { messages: true } });
				return Object.fromEntries(list.map((folder) => [folder.path, folder.status?.messages ?? 0]));
			} finally {
				await imap.logout();
			}
		},
		stop: async () => {
			const pidFile = path.join(dir, 'run', 'master.pid');
			const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8')) : undefined;
			if (pid) {
				process.kill(pid, 'SIGTERM');
				while (running(pid)) await sleep(50);
			}
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}
