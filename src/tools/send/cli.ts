/**
 * `npm run send -- paper <id> | case-study <id> | issue <number> | system <id> | ballot <segment> [--dry-run]
 * [--again] [--resend-uncertain]`: sends a published entry to the contacts who follow its segments (a
 * segment's open ballot to those of them who agreed to give feedback), one message each, through the
 * SMTP server in `SMTP_URL` with STARTTLS. See docs/editing.md, "Sending to the list".
 */
import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import nodemailer, { type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Command } from 'commander';
import { commandLine, nowOf, processIo, type CommandIo } from '../cli';
import { followersOf, loadContacts, type Contact } from '../../checks/contacts';
import { contentDir } from '../../content/content-dir';
import { isoDate } from '../../content/format';
import { appendRecord, endInFlight, readLedger, servedBy, settleInFlight, startInFlight, uncertainFor } from '../../content/ledger';
import { loadSettings } from '../../content/settings';
import { hubLocale } from '../../content/i18n/index.ts';
import { deliver, type Outcome } from './deliver';
import { messageFor, newMessageId } from './message';
import { ballotTarget, planBallot, writeBallot } from './ballot';
import { SendRefused, sendTarget, type SendKind, type SendTarget } from './target';
import { readHub } from '../lint/entry';

export interface Io extends Required<CommandIo> {
	/** Draw a progress bar (a terminal); otherwise one line per recipient. */
	tty: boolean;
}

const terminalIo: Io = { ...processIo, tty: process.stderr.isTTY };

interface Options {
	dryRun?: boolean;
	again?: boolean;
	resendUncertain?: boolean;
	dist: string;
	outbox: string;
	retries: string;
	backoff: string;
	/** A new ballot offers every metric, not only those written for the segment. */
	all?: boolean;
	/** A new ballot's last day. */
	closes?: string;
}

const who = (contact: Contact) => `${contact.name} <${contact.email}>`;

/** A file name for a recipient's `.eml` in the outbox. */
const emlName = (contact: Contact) => `${contact.email.toLowerCase().replace(/[^a-z0-9@._-]/g, '-')}.eml`;

async function dryRun(target: SendTarget, recipients: readonly Contact[], options: Options, io: Io, message: (c: Contact) => object) {
	const folder = path.resolve(options.outbox, target.key.replace('/', '-'));
	fs.rmSync(folder, { recursive: true, force: true });
	fs.mkdirSync(folder, { recursive: true });
	for (const contact of recipients) {
		const eml = await new MailComposer(message(contact)).compile().build();
		fs.writeFileSync(path.join(folder, emlName(contact)), eml);
	}
	io.out(
		`Dry run: wrote ${recipients.length} message${recipients.length === 1 ? '' : 's'} to ${path.relative(process.cwd(), folder) || '.'}/ and sent nothing. The ledger is unchanged.\n`,
	);
}

function progressDisplay(total: number, io: Io): { update: (outcome: Outcome, done: Outcome[]) => void; stop: () => void } {
	const counts = (done: Outcome[]) => ({
		sent: done.filter((o) => o.record?.result === 'sent').length,
		failed: done.filter((o) => o.record?.result === 'failed' || o.skipped).length,
		remaining: total - done.length,
	});
	if (io.tty) {
		const bar = new SingleBar({
			format: 'Sending [{bar}] {value}/{total} · sent {sent} · failed {failed} · remaining {remaining}',
			stream: process.stderr,
			hideCursor: true,
		});
		bar.start(total, 0, { sent: 0, failed: 0, remaining: total });
		return {
			update: (_, done) => {
				bar.update(done.length, counts(done));
			},
			stop: () => {
				bar.stop();
			},
		};
	}
	return {
		update: (outcome, done) => {
			const { sent, failed, remaining } = counts(done);
			const what = outcome.skipped ? 'not tried' : outcome.record?.result === 'sent' ? 'sent' : `FAILED (${outcome.record?.error ?? ''})`;
			io.err(`[${done.length}/${total}] ${what}: ${who(outcome.contact)} · sent ${sent}, failed ${failed}, remaining ${remaining}\n`);
		},
		stop: () => undefined,
	};
}

/**
 * Stops before the first message when the server does not offer STARTTLS: nodemailer would
 * otherwise try each recipient and record each as failed with the server's "500 Error: command
 * not recognized". Other problems (credentials, a dropped connection) are left to the sending,
 * which records and reports them as before.
 */
async function assertStartTls(transport: Transporter, url: string): Promise<void> {
	try {
		await transport.verify();
	} catch (error) {
		if ((error as { code?: string }).code !== 'ETLS') return;
		transport.close();
		const { hostname, port } = new URL(url);
		throw new SendRefused(
			`${hostname}:${port || 587} does not offer STARTTLS, and the hub sends only over TLS: if the server takes TLS from the start, use SMTP_URL=smtps://…@${hostname}:465`,
		);
	}
}

async function run(kind: SendKind, id: string, options: Options, io: Io): Promise<number> {
	const root = contentDir();
	const settings = loadSettings(root);
	const locale = hubLocale(root);
	const now = nowOf(io);
	let target: SendTarget;
	if (kind === 'ballot') {
		const hub = readHub(root);
		const plan = planBallot(hub, id, options, settings, now);
		if (plan.kind === 'new') {
			const file = path.relative(process.cwd(), plan.file);
			const what = `${file}: ${plan.candidates} candidate metrics, open until ${isoDate(plan.closes)}`;
			if (options.dryRun) {
				io.out(`Dry run: would write ${what}. Nothing written, nothing sent.\n`);
				return 0;
			}
			writeBallot(plan);
			io.out(`Wrote ${what}. Check it, build the hub (npm run build), then run this command again to send it.\n`);
			return 0;
		}
		target = ballotTarget(hub, id, plan.ballot, settings, path.resolve(options.dist));
	} else target = sendTarget(kind, id, { root, dist: path.resolve(options.dist), settings, locale, now });
	const followers = followersOf(await loadContacts(root), target.segments, now).filter(
		(contact) => !target.feedbackOnly || contact.feedback,
	);
	const recorded = readLedger(root);
	const stopped = options.dryRun ? undefined : settleInFlight(recorded, root);
	if (stopped) io.err(`The last run stopped while the mail server had ${stopped.entry} for ${stopped.to}: recorded as uncertain.\n`);
	const ledger = stopped ? [...recorded, stopped] : recorded;
	const uncertain = uncertainFor(ledger, target.key);
	const served = options.again ? new Set<string>() : servedBy(ledger, target.key);
	if (options.resendUncertain) for (const address of uncertain.keys()) served.delete(address);
	const recipients = followers.filter((contact) => !served.has(contact.email.toLowerCase()));
	const skipped = followers.length - recipients.length;
	const audience = target.feedbackOnly ? 'on the list who agreed to give feedback' : 'on the list';
	io.out(`${target.key} (${target.subject}): ${followers.length} ${audience} for ${target.segments.join(', ')}.\n`);
	const unsure = options.again || options.resendUncertain ? [] : followers.filter((contact) => uncertain.has(contact.email.toLowerCase()));
	if (skipped > unsure.length) io.out(`Skipping ${skipped - unsure.length} who already received it (--again sends to them too).\n`);
	if (unsure.length > 0) {
		const lines = unsure.map((contact) => `  ${who(contact)}: Message-ID ${uncertain.get(contact.email.toLowerCase())?.messageId ?? ''}`);
		io.out(
			`Skipping ${unsure.length} a stopped run may have reached (the mail server had the message when it stopped):\n${lines.join('\n')}\nFind the Message-ID in the mail server's log; if it never went, --resend-uncertain sends to them.\n`,
		);
	}
	if (recipients.length === 0) {
		io.out('Nothing to send.\n');
		return 0;
	}
	const message = (contact: Contact) =>
		messageFor(target, contact, { settings, locale, messageId: newMessageId(target, settings.editors.email), date: new Date() });
	if (options.dryRun) {
		await dryRun(target, recipients, options, io, message);
		return 0;
	}

	const url = io.env.SMTP_URL;
	if (!url) throw new SendRefused('set SMTP_URL to your mail server, e.g. SMTP_URL=smtp://user:password@mail.example:587 (or --dry-run)');
	// STARTTLS is required: a server that does not offer it is refused rather than sent to in clear.
	// Settings in the URL's query (e.g. ?tls.rejectUnauthorized=false) still apply.
	const transport = nodemailer.createTransport({ url, requireTLS: true });
	await assertStartTls(transport, url);
	const progress = progressDisplay(recipients.length, io);
	const done: Outcome[] = [];
	let outcomes: Outcome[];
	try {
		outcomes = await deliver(recipients, {
			transport,
			retries: Number(options.retries),
			backoffMs: Number(options.backoff),
			entry: target.key,
			message,
			handing: (pending) => {
				startInFlight(pending, root);
			},
			record: (record) => {
				appendRecord(record, root);
				endInFlight(root);
			},
			progress: (outcome) => {
				done.push(outcome);
				progress.update(outcome, done);
			},
		});
	} finally {
		progress.stop();
		transport.close();
	}

	const sent = outcomes.filter((o) => o.record?.result === 'sent');
	const failed = outcomes.filter((o) => o.record?.result === 'failed');
	const untried = outcomes.filter((o) => o.skipped);
	io.out(
		`Sent ${sent.length} of ${recipients.length}. The ledger is in ${path.relative(process.cwd(), path.join(root, 'sent')) || 'sent'}/: commit it.\n`,
	);
	if (failed.length === 0 && untried.length === 0) return 0;
	const lines = [
		...failed.map((o) => `  failed: ${who(o.contact)}: ${o.record!.error ?? ''}`),
		...untried.map((o) => `  not tried (the run stopped): ${who(o.contact)}`),
	];
	io.err(
		`${failed.length + untried.length} not delivered:\n${lines.join('\n')}\nRun the same command again to send to these only; everyone already served is skipped.\n`,
	);
	return 1;
}

export async function sendCommand(argv: readonly string[], io: Io = terminalIo): Promise<number> {
	const {
		program,
		exits,
		run: runCommand,
	} = commandLine(
		'send',
		'Send a published entry by email to the contacts who follow its segments, one message each (SMTP_URL, STARTTLS).',
		io,
	);
	program.addHelpText(
		'after',
		'\nExamples:\n  npm run send -- paper cutting-cloud-spend --dry-run\n  SMTP_URL=smtp://user:password@mail.example:587 npm run send -- issue 2\n\nThe email comes from the built site: run npm run build first.',
	);
	const descriptions = {
		paper: 'send a position paper',
		'case-study': 'send a case study',
		issue: 'send a newsletter issue',
		system: "send a system's page to the lists of the audiences that depend on it",
	} as const;
	/** What every send takes, whatever it sends. */
	const sendOptions = (command: Command) =>
		command
			.option('--dry-run', 'write one .eml per recipient to the outbox and send nothing')
			.option('--again', 'send also to those the ledger says already received it')
			.option('--resend-uncertain', 'send also to those a stopped run may have reached (uncertain in the ledger)')
			.option('--dist <dir>', 'the built site to take the email from', 'dist')
			.option('--outbox <dir>', 'where --dry-run writes', 'outbox')
			.option('--retries <n>', 'retries after a transient failure (4xx, dropped connection)', '3')
			.option('--backoff <ms>', 'pause before the first retry; each further pause doubles', '2000');
	for (const kind of ['paper', 'case-study', 'issue', 'system'] as const) {
		sendOptions(
			program
				.command(kind)
				.description(descriptions[kind])
				.argument(kind === 'issue' ? '<number>' : '<id>', kind === 'issue' ? 'the issue number' : 'its id (the file name)'),
		).action(exits((id: string, options: Options) => run(kind, id, options, io)));
	}
	sendOptions(
		program
			.command('ballot')
			.description(
				"ask a segment's focus group (its contacts who agreed to give feedback) to pick the measures that matter most: the first run writes the ballot, the run after a build sends it",
			)
			.argument('<segment>', 'the segment id (the file name in segments/)')
			.option('--all', 'a new ballot offers every published metric, not only those written for the segment')
			.option('--closes <day>', "a new ballot's last day, e.g. 2026-12-18 (default: two weeks from today)"),
	).action(exits((segment: string, options: Options) => run('ballot', segment, options, io)));
	return runCommand(argv);
}
