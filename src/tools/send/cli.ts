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
import { contentDir, displayPath } from '../../content/content-dir';
import { isoDate } from '../../content/format';
import { appendRecord, endInFlight, readLedger, servedBy, settleInFlight, startInFlight, uncertainFor } from '../../content/ledger';
import { loadSettings } from '../../content/settings';
import { hubLocale, writerLocale, type Locale } from '../../content/i18n/index.ts';
import { phrase } from '../../content/problems';
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

async function dryRun(
	target: SendTarget,
	recipients: readonly Contact[],
	options: Options,
	io: Io,
	message: (c: Contact) => object,
	words: Locale,
) {
	const folder = path.resolve(options.outbox, target.key.replace('/', '-'));
	fs.rmSync(folder, { recursive: true, force: true });
	fs.mkdirSync(folder, { recursive: true });
	for (const contact of recipients) {
		const eml = await new MailComposer(message(contact)).compile().build();
		fs.writeFileSync(path.join(folder, emlName(contact)), eml);
	}
	io.out(`${words.t('cli.send.dryRun', { count: recipients.length, folder: `${displayPath(folder) || '.'}/` })}\n`);
}

function progressDisplay(total: number, io: Io, words: Locale): { update: (outcome: Outcome, done: Outcome[]) => void; stop: () => void } {
	const counts = (done: Outcome[]) => ({
		sent: done.filter((o) => o.record?.result === 'sent').length,
		failed: done.filter((o) => o.record?.result === 'failed' || o.skipped).length,
		remaining: total - done.length,
	});
	if (io.tty) {
		const bar = new SingleBar({
			// No values: cli-progress fills {bar}, {value} and the rest itself.
			format: words.t('cli.send.bar'),
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
			const what = outcome.skipped
				? words.t('cli.send.notTried')
				: outcome.record?.result === 'sent'
					? words.t('cli.send.sentOne')
					: words.t('cli.send.failedOne', { error: outcome.record?.error ?? '' });
			io.err(`[${done.length}/${total}] ${words.t('cli.send.progress', { what, who: who(outcome.contact), sent, failed, remaining })}\n`);
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
		throw new SendRefused(phrase('cli.send.noStartTls', { server: `${hostname}:${port || 587}`, host: hostname }));
	}
}

async function run(kind: SendKind, id: string, options: Options, io: Io): Promise<number> {
	const root = contentDir();
	const settings = loadSettings(root);
	const locale = hubLocale(root);
	const words = writerLocale(root);
	const now = nowOf(io);
	let target: SendTarget;
	if (kind === 'ballot') {
		const hub = readHub(root);
		const plan = planBallot(hub, id, options, settings, now);
		if (plan.kind === 'new') {
			const file = displayPath(plan.file);
			const what = words.t('cli.send.ballotFile', { file, count: plan.candidates, date: isoDate(plan.closes) });
			if (options.dryRun) {
				io.out(`${words.t('cli.send.ballotDryRun', { what })}\n`);
				return 0;
			}
			writeBallot(plan);
			io.out(`${words.t('cli.send.ballotWritten', { what })}\n`);
			return 0;
		}
		target = ballotTarget(hub, id, plan.ballot, settings, path.resolve(options.dist), locale);
	} else target = sendTarget(kind, id, { root, dist: path.resolve(options.dist), settings, locale, now });
	const followers = followersOf(await loadContacts(root), target.segments, now).filter(
		(contact) => !target.feedbackOnly || contact.feedback,
	);
	const recorded = readLedger(root);
	const stopped = options.dryRun ? undefined : settleInFlight(recorded, root);
	if (stopped) io.err(`${words.t('cli.send.stopped', { entry: stopped.entry, to: stopped.to })}\n`);
	const ledger = stopped ? [...recorded, stopped] : recorded;
	const uncertain = uncertainFor(ledger, target.key);
	const served = options.again ? new Set<string>() : servedBy(ledger, target.key);
	if (options.resendUncertain) for (const address of uncertain.keys()) served.delete(address);
	const recipients = followers.filter((contact) => !served.has(contact.email.toLowerCase()));
	const skipped = followers.length - recipients.length;
	const audience = target.feedbackOnly ? 'cli.send.audienceFeedback' : 'cli.send.audience';
	io.out(
		`${words.t(audience, { key: target.key, subject: target.subject, count: followers.length, segments: target.segments.join(', ') })}\n`,
	);
	const unsure = options.again || options.resendUncertain ? [] : followers.filter((contact) => uncertain.has(contact.email.toLowerCase()));
	if (skipped > unsure.length) io.out(`${words.t('cli.send.skipping', { count: skipped - unsure.length })}\n`);
	if (unsure.length > 0) {
		const lines = unsure.map((contact) => `  ${who(contact)}: Message-ID ${uncertain.get(contact.email.toLowerCase())?.messageId ?? ''}`);
		io.out(`${words.t('cli.send.skippingUncertain', { count: unsure.length, lines: lines.join('\n') })}\n`);
	}
	if (recipients.length === 0) {
		io.out(`${words.t('cli.send.nothing')}\n`);
		return 0;
	}
	const message = (contact: Contact) =>
		messageFor(target, contact, { settings, locale, messageId: newMessageId(target, settings.editors.email), date: new Date() });
	if (options.dryRun) {
		await dryRun(target, recipients, options, io, message, words);
		return 0;
	}

	const url = io.env.SMTP_URL;
	if (!url) throw new SendRefused(phrase('cli.send.noSmtp'));
	// STARTTLS is required: a server that does not offer it is refused rather than sent to in clear.
	// Settings in the URL's query (e.g. ?tls.rejectUnauthorized=false) still apply.
	const transport = nodemailer.createTransport({ url, requireTLS: true });
	await assertStartTls(transport, url);
	const progress = progressDisplay(recipients.length, io, words);
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
		`${words.t('cli.send.sent', { sent: sent.length, count: recipients.length, folder: `${displayPath(path.join(root, 'sent')) || 'sent'}/` })}\n`,
	);
	if (failed.length === 0 && untried.length === 0) return 0;
	const lines = [
		...failed.map((o) => `  ${words.t('cli.send.failedLine', { who: who(o.contact), error: o.record!.error ?? '' })}`),
		...untried.map((o) => `  ${words.t('cli.send.untriedLine', { who: who(o.contact) })}`),
	];
	io.err(`${words.t('cli.send.notDelivered', { count: failed.length + untried.length, lines: lines.join('\n') })}\n`);
	return 1;
}

export async function sendCommand(argv: readonly string[], io: Io = terminalIo): Promise<number> {
	const words = writerLocale();
	const t = (key: Parameters<Locale['t']>[0]) => words.t(key);
	const { program, exits, run: runCommand } = commandLine('send', phrase('cli.send.description'), io);
	program.addHelpText('after', `\n${t('cli.send.help')}`);
	const descriptions = {
		paper: 'cli.send.paper',
		'case-study': 'cli.send.caseStudy',
		issue: 'cli.send.issue',
		system: 'cli.send.system',
	} as const;
	/** What every send takes, whatever it sends. */
	const sendOptions = (command: Command) =>
		command
			.option('--dry-run', t('cli.send.dryRunOption'))
			.option('--again', t('cli.send.againOption'))
			.option('--resend-uncertain', t('cli.send.resendOption'))
			.option('--dist <dir>', t('cli.send.distOption'), 'dist')
			.option('--outbox <dir>', t('cli.send.outboxOption'), 'outbox')
			.option('--retries <n>', t('cli.send.retriesOption'), '3')
			.option('--backoff <ms>', t('cli.send.backoffOption'), '2000');
	for (const kind of ['paper', 'case-study', 'issue', 'system'] as const) {
		sendOptions(
			program
				.command(kind)
				.description(t(descriptions[kind]))
				.argument(kind === 'issue' ? '<number>' : '<id>', t(kind === 'issue' ? 'cli.send.numberArgument' : 'cli.send.idArgument')),
		).action(exits((id: string, options: Options) => run(kind, id, options, io)));
	}
	sendOptions(
		program
			.command('ballot')
			.description(t('cli.send.ballot'))
			.argument('<segment>', t('cli.send.segmentArgument'))
			.option('--all', t('cli.send.allOption'))
			.option('--closes <day>', t('cli.send.closesOption')),
	).action(exits((segment: string, options: Options) => run('ballot', segment, options, io)));
	return runCommand(argv);
}
