/**
 * A real SMTP server for the send tests (the `smtp-server` package on a random local port), with
 * STARTTLS on its built-in test certificate. It keeps every message it accepts, parsed by
 * mailparser, and can refuse recipients or drop the connection to play a failing server.
 */
import type { Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface Received {
	mail: ParsedMail;
	/** The envelope's recipients, as the client gave them in RCPT TO. */
	rcpt: string[];
	/** Whether the session was upgraded with STARTTLS before the message. */
	secure: boolean;
}

export interface SmtpBehaviour {
	/** An SMTP answer code (4xx or 5xx) to refuse this recipient with, or undefined to accept. */
	refuse?: (address: string, attempt: number) => number | undefined;
	/** After this many accepted messages, drop the connection during the next one and stop listening. */
	dropAfter?: number;
	/** `false` plays a server that does not offer STARTTLS. Default: offered. */
	starttls?: boolean;
}

export interface TestSmtp {
	/** `SMTP_URL` for this server; the test certificate is self-signed, so it is not verified. */
	url: string;
	received: Received[];
	/** Every RCPT TO the server was asked for, refused ones included. */
	rcptAttempts: string[];
	close: () => Promise<void>;
}

export async function startSmtp(behaviour: SmtpBehaviour = {}): Promise<TestSmtp> {
	const received: Received[] = [];
	const rcptAttempts: string[] = [];
	const sockets = new Set<Socket>();
	let dropped = false;
	const server: SMTPServer = new SMTPServer({
		authOptional: true,
		logger: false,
		...(behaviour.starttls === false ? { disabledCommands: ['STARTTLS'] } : {}),
		onRcptTo(address, _session, callback) {
			rcptAttempts.push(address.address);
			const attempts = rcptAttempts.filter((a) => a === address.address).length;
			const code = behaviour.refuse?.(address.address, attempts);
			if (code === undefined) {
				callback();
				return;
			}
			callback(Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Mailbox busy, try again later'), { responseCode: code }));
		},
		onData(stream, session: SMTPServerSession, callback) {
			if (behaviour.dropAfter !== undefined && received.length >= behaviour.dropAfter) {
				dropped = true;
				stream.resume();
				for (const socket of sockets) socket.destroy();
				server.server.close();
				return;
			}
			simpleParser(stream)
				.then((mail) => {
					received.push({ mail, rcpt: session.envelope.rcptTo.map((r) => r.address), secure: session.secure });
					callback();
				})
				.catch(callback);
		},
	});
	server.server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as { port: number };
	return {
		url: `smtp://127.0.0.1:${port}/?tls.rejectUnauthorized=false`,
		received,
		rcptAttempts,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				if (dropped) resolve();
				else
					server.close(() => {
						resolve();
					});
			}),
	};
}
