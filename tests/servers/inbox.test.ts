/**
 * `npm run inbox` against a real Dovecot: replies built from the hub's own links the way Outlook
 * and Gmail send them, delivered by IMAP APPEND, then read, recorded and moved.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readContacts } from '../../src/checks/contacts';
import { tallyBallot } from '../../src/content/ballots';
import { readInbox, readWatermarks, type InboxRecord } from '../../src/content/inbox';
import { listRequest, pickLink, questionLink, usefulLinks } from '../../src/content/mailto';
import { contactsCommand } from '../../src/tools/contacts-cli';
import { HANDLED, inboxCommand, NEEDS_A_LOOK, type Hooks } from '../../src/tools/inbox/cli';
import { lockPath, STALE_MS } from '../../src/tools/inbox/lock';
import { startDovecot, type TestDovecot } from '../helpers/dovecot';
import { replyTo, type Reply } from '../helpers/mail-client';
import { createLocale } from '../../src/content/i18n';

const en = createLocale('en-GB');

const ROOT = path.resolve(import.meta.dirname, '../..');
const EDITORS = 'it-editors@northwind.example';
const NOW = '2026-11-25T12:00:00Z';
const BALLOT = 'superusers-2026-11';
const executives = { id: 'executives', name: 'Executives' };

let content: string;
let dovecot: TestDovecot | undefined;

beforeEach(() => {
	content = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hourglass-inbox-')), 'content');
	fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
	fs.rmSync(path.join(content, 'inbox'), { recursive: true, force: true });
	fs.mkdirSync(path.join(content, 'ballots'), { recursive: true });
	const ballot = (closes: string, closed?: string) =>
		`segment: superusers\nopens: 2026-11-02\ncloses: ${closes}\n${closed ? `closed: ${closed}\n` : ''}candidates: [crm-adoption, till-outage-minutes, phishing-click-rate, web-shop-page-load, first-contact-resolution]\n`;
	fs.writeFileSync(path.join(content, 'ballots', `${BALLOT}.yaml`), ballot('2026-11-30'));
	fs.writeFileSync(path.join(content, 'ballots', 'superusers-2026-05.yaml'), ballot('2026-05-31', '2026-06-01'));
	vi.stubEnv('HOURGLASS_CONTENT', content);
	vi.stubEnv('HOURGLASS_NOW', NOW);
});

afterEach(async () => {
	await dovecot?.stop();
	dovecot = undefined;
	vi.unstubAllEnvs();
	fs.rmSync(path.dirname(content), { recursive: true, force: true });
});

async function inbox(url: string, args: string[] = [], hooks: Hooks = {}) {
	let out = '';
	let err = '';
	const code = await inboxCommand(
		args,
		{
			out: (text) => (out += text),
			err: (text) => (err += text),
			env: { IMAP_PASSWORD: dovecot?.password, IMAP_URL: url, HOURGLASS_NOW: NOW },
		},
		hooks,
	);
	return { code, out, err };
}

const useful = (entry: Parameters<typeof usefulLinks>[2], title: string) =>
	usefulLinks(en, EDITORS, entry, title, 'priya.raman@northwind.example');
const deliver = async (link: string, reply: Reply) => dovecot!.append(await replyTo(link, reply));
const records = (): InboxRecord[] => readInbox(content);
const ofKind = <K extends InboxRecord['kind']>(kind: K) => records().filter((r): r is Extract<InboxRecord, { kind: K }> => r.kind === kind);

describe('npm run inbox', () => {
	it('records each tagged reply once, moves it to Handled, sends what it cannot place to Needs a look, and a second run records nothing', async () => {
		dovecot = await startDovecot();
		const cloud = useful('paper/cutting-cloud-spend', 'How we are cutting our cloud bill by a fifth');
		await deliver(cloud.yes, {
			from: 'margaret.holloway@northwind.example',
			name: 'Margaret Holloway',
			style: 'outlook',
			prefix: 'RE: ',
			says: 'Clear numbers: I forwarded it to the board.',
		});
		await deliver(useful('issue/2', 'Issue 2').no, {
			from: 'daniel.achebe@northwind.example',
			style: 'gmail',
			prefix: 'AW: ',
			says: 'Too long for a Monday.',
		});
		await deliver(useful('case-study/halving-phishing-clicks', 'Halving phishing clicks').yes, {
			from: 'sofia.lindqvist@northwind.example',
			style: 'html-only',
			prefix: 'SV: ',
			says: 'We used it in our team meeting.',
		});
		await deliver(listRequest(en, EDITORS, [executives, { id: 'finance', name: 'Finance' }]), {
			from: 'olu.adeyemi@northwind.example',
			name: 'Olu Adeyemi',
			says: 'Name: Olu Adeyemi\nRole: Finance Director',
		});
		await deliver(listRequest(en, EDITORS, [executives]), { from: 'someone@gmail.example', style: 'gmail' });
		await deliver(questionLink(en, EDITORS, executives), {
			from: 'margaret.holloway@northwind.example',
			prefix: 'Re : ',
			subject: `What's "50: 50" # {risk} - [and] AI assistants in stores? [hub:question executives]`,
			says: 'Asking for the board: will the assistants replace staff?',
			style: 'outlook',
		});
		// Four picks by one superuser on four days: the fourth counts in place of the first, and the editors see it.
		for (const [day, metric] of ['crm-adoption', 'till-outage-minutes', 'phishing-click-rate', 'web-shop-page-load'].entries()) {
			await deliver(pickLink(en, EDITORS, BALLOT, { id: metric, title: metric }), {
				from: 'ana.ruiz@northwind.example',
				date: new Date(Date.UTC(2026, 10, 10 + day, 9)),
			});
		}
		await deliver(pickLink(en, EDITORS, 'superusers-2026-05', { id: 'crm-adoption', title: 'CRM adoption' }), {
			from: 'ana.ruiz@northwind.example',
		});
		await deliver(pickLink(en, EDITORS, BALLOT, { id: 'no-such-metric', title: 'Nothing' }), { from: 'ana.ruiz@northwind.example' });
		await deliver(useful('paper/no-such-paper', 'Gone').yes, { from: 'margaret.holloway@northwind.example' });
		await deliver(useful('paper/draft-quantum-ready-encryption', 'Quantum').yes, { from: 'margaret.holloway@northwind.example' });
		await deliver(cloud.yes, { from: 'mallory@elsewhere.example', says: 'Forged' });
		await deliver(cloud.no, { from: 'margaret.holloway@northwind.example', attachmentBytes: 19 * 1024 * 1024 });
		await dovecot.append(
			'From: colleague@northwind.example\r\nTo: it-editors@northwind.example\r\nSubject: Lunch on Friday?\r\nMessage-ID: <lunch@northwind.example>\r\n\r\nPizza?\r\n',
		);

		const first = await inbox(dovecot.url);
		expect(first.err).toBe('');
		expect(first.code).toBe(0);

		expect(ofKind('feedback')).toEqual([
			expect.objectContaining({
				entry: 'paper/cutting-cloud-spend',
				useful: true,
				from: 'margaret.holloway@northwind.example',
				name: 'Margaret Holloway',
				why: 'Clear numbers: I forwarded it to the board.',
			}),
			expect.objectContaining({ entry: 'issue/2', useful: false, why: 'Too long for a Monday.' }),
			expect.objectContaining({ entry: 'case-study/halving-phishing-clicks', useful: true, why: 'We used it in our team meeting.' }),
		]);
		expect(ofKind('list-request')).toEqual([
			expect.objectContaining({
				from: 'olu.adeyemi@northwind.example',
				segments: ['executives', 'finance'],
				status: 'pending',
			}),
			expect.objectContaining({
				from: 'someone@gmail.example',
				status: 'pending',
				reason: "from outside the organisation's mail domains (northwind.example)",
			}),
		]);
		expect(ofKind('list-request')[0]?.note).toContain('Role: Finance Director');
		const [question] = ofKind('question');
		expect(question).toMatchObject({
			segment: 'executives',
			question: `What's "50: 50" # {risk} - [and] AI assistants in stores?`,
			body: 'Asking for the board: will the assistants replace staff?',
			status: 'open',
		});
		// The latest picks count (the tally takes each person's latest three); the fourth is also shown to the editors.
		expect(ofKind('pick').map((p) => p.metric)).toEqual([
			'crm-adoption',
			'till-outage-minutes',
			'phishing-click-rate',
			'web-shop-page-load',
		]);
		expect(ofKind('pick').every((p) => p.ballot === BALLOT && p.from === 'ana.ruiz@northwind.example')).toBe(true);

		const reasons = first.out.split('\n').filter((line) => line.startsWith('  UID'));
		expect(reasons).toEqual([
			expect.stringMatching(
				/recorded, but look: pick number 4 in ballot superusers-2026-11 from ana\.ruiz@northwind\.example: it counts, and their earlier pick of crm-adoption no longer does/,
			),
			expect.stringMatching(/a vote in ballot superusers-2026-05, closed on 2026-06-01/),
			expect.stringMatching(/no-such-metric, which is not a metric of ballot/),
			expect.stringMatching(/feedback on paper\/no-such-paper, which does not exist/),
			expect.stringMatching(/feedback on paper\/draft-quantum-ready-encryption, which is a draft/),
			expect.stringMatching(/from mallory@elsewhere\.example, outside the organisation's mail domains \(northwind\.example\)/),
			expect.stringMatching(/UID 16 from margaret\.holloway@northwind\.example .*too large to read \(2[56]\.\d MB; the limit is 10 MB/),
		]);
		expect(await dovecot.folders()).toEqual({ INBOX: 1, [HANDLED]: 9, [NEEDS_A_LOOK]: 7, Hourglass: 0 });

		// The editor approves the executive who asked to join the list.
		let said = '';
		const approved = await contactsCommand(['approve', 'olu.adeyemi@northwind.example'], {
			out: (text) => (said += text),
			err: (text) => (said += text),
		});
		expect([approved, said]).toEqual([0, 'Added Olu Adeyemi <olu.adeyemi@northwind.example> to executives, finance from 2026-11-25.\n']);
		expect((await readContacts(content)).contacts.find((c) => c.email === 'olu.adeyemi@northwind.example')).toMatchObject({
			segments: ['executives', 'finance'],
			asked: 'asked by email on 2026-11-03 for executives, finance',
		});
		expect(ofKind('list-request').map((r) => r.status)).toEqual(['approved', 'pending']);

		const before = fs.readFileSync(path.join(content, 'inbox', '2026.yaml'), 'utf8');
		const second = await inbox(dovecot.url);
		expect(second.out).toMatch(/0 new messages/);
		expect(second.out).toMatch(/Recorded 0 messages/);
		expect(fs.readFileSync(path.join(content, 'inbox', '2026.yaml'), 'utf8')).toBe(before);
		expect(readWatermarks(content).mailboxes).toEqual([expect.objectContaining({ lastUid: 17 })]);
	});

	it('with inbox.authservId in hub.yaml, counts a pick the mail server vouches for, and sends a forged one to Needs a look', async () => {
		fs.appendFileSync(path.join(content, 'hub.yaml'), 'inbox:\n  authservId: mail.northwind.example\n  require: dmarc\n');
		dovecot = await startDovecot();
		/** What the organisation's server adds on the way in, above everything the sender wrote. */
		const received = (results: string) =>
			`Authentication-Results: mail.northwind.example;\r\n\t${results}\r\nReceived: from mx.fabrikam.example (mx.fabrikam.example [203.0.113.9])\r\n\tby mail.northwind.example with ESMTPS; Tue, 3 Nov 2026 10:00:02 +0000\r\n`;
		const pick = (metric: string) => pickLink(en, EDITORS, BALLOT, { id: metric, title: metric });
		await dovecot.append(
			Buffer.concat([
				Buffer.from(
					received(
						'dkim=pass (2048-bit key) header.d=northwind.example header.s=s1 header.b="Xy1;Z"; spf=pass smtp.mailfrom=ana.ruiz@northwind.example; dmarc=pass (p=reject) header.from=northwind.example',
					),
				),
				await replyTo(pick('crm-adoption'), { from: 'ana.ruiz@northwind.example', style: 'outlook' }),
			]),
		);
		// Someone outside writes as a colleague, with a header claiming the hub's server passed it; the server says otherwise above it.
		const forged = Buffer.concat([
			Buffer.from('Authentication-Results: mail.northwind.example; dmarc=pass header.from=northwind.example\r\n'),
			await replyTo(pick('till-outage-minutes'), { from: 'ana.ruiz@northwind.example', messageId: '<forged@fabrikam.example>' }),
		]);
		await dovecot.append(
			Buffer.concat([
				Buffer.from(received('dkim=none; spf=fail smtp.mailfrom=ana.ruiz@northwind.example; dmarc=fail header.from=northwind.example')),
				forged,
			]),
		);

		const run = await inbox(dovecot.url);
		expect(run.code).toBe(0);
		expect(ofKind('pick')).toEqual([expect.objectContaining({ metric: 'crm-adoption', from: 'ana.ruiz@northwind.example' })]);
		const picks = ofKind('pick').map((p) => ({ metric: p.metric, voter: p.from, at: p.date }));
		const tally = tallyBallot({ candidates: ['crm-adoption', 'till-outage-minutes'], closes: new Date('2026-11-30') }, picks, 3);
		expect(tally).toEqual({
			voters: 1,
			rows: [
				{ metric: 'crm-adoption', picks: 1 },
				{ metric: 'till-outage-minutes', picks: 0 },
			],
		});
		expect(run.out.split('\n').filter((line) => line.startsWith('  UID'))).toEqual([
			expect.stringMatching(
				/^ {2}UID 2 .*till-outage-minutes\]": not believed to be from ana\.ruiz@northwind\.example: mail\.northwind\.example says dmarc=fail, dkim=none, spf=fail \(smtp\.mailfrom=ana\.ruiz@northwind\.example\), and the hub needs dmarc=pass for northwind\.example$/,
			),
		]);
		expect(await dovecot.folders()).toMatchObject({ INBOX: 0, [HANDLED]: 1, [NEEDS_A_LOOK]: 1 });
	});

	it('--dry-run prints what it would record and writes, moves and flags nothing', async () => {
		dovecot = await startDovecot();
		await deliver(useful('paper/cutting-cloud-spend', 'Cloud').yes, { from: 'margaret.holloway@northwind.example', says: 'Useful.' });
		const run = await inbox(dovecot.url, ['--dry-run']);
		expect(run.out).toMatch(/Dry run: would record 1 message \(1 feedback\)/);
		expect(run.out).toMatch(/feedback on paper\/cutting-cloud-spend: yes \("Useful\."\)/);
		expect(fs.existsSync(path.join(content, 'inbox'))).toBe(false);
		expect(await dovecot.folders()).toEqual({ INBOX: 1 });
	});

	it('flags a message where the server refuses to move it, and leaves it where it was', async () => {
		dovecot = await startDovecot();
		const imap = await dovecot.client();
		await imap.mailboxCreate('Hourglass/Handled');
		await imap.logout();
		// The folder's files belong to the mail user, who may no longer write them: every MOVE into it fails.
		for (const part of ['cur', 'new', 'tmp']) fs.chmodSync(path.join(dovecot.maildir, 'Hourglass', 'Handled', part), 0o555);
		await deliver(useful('paper/cutting-cloud-spend', 'Cloud').yes, { from: 'a@northwind.example', says: 'Yes.' });

		const run = await inbox(dovecot.url);
		expect(run.code).toBe(0);
		expect(run.out).toMatch(/The server refused to move 1 message: flagged instead, and left where it was\./);
		expect(records()).toHaveLength(1);
		const look = await dovecot.client();
		await look.mailboxOpen('INBOX');
		const [message] = await look.fetchAll('1:*', { flags: true });
		await look.logout();
		expect([...(message?.flags ?? [])]).toContain('\\Flagged');

		// Past the watermark: the next run neither records nor flags it again.
		const again = await inbox(dovecot.url);
		expect(again.out).toMatch(/0 new messages/);
		expect(records()).toHaveLength(1);
	});

	it('makes its folders the server’s way where the separator is a dot', async () => {
		dovecot = await startDovecot({ separator: '.' });
		await deliver(useful('paper/cutting-cloud-spend', 'Cloud').yes, { from: 'a@northwind.example' });
		await deliver(useful('paper/no-such-paper', 'Gone').yes, { from: 'a@northwind.example' });
		expect((await inbox(dovecot.url)).code).toBe(0);
		expect(await dovecot.folders()).toEqual({ INBOX: 0, Hourglass: 0, 'Hourglass.Handled': 1, 'Hourglass.Needs a look': 1 });
		expect((await inbox(dovecot.url)).code).toBe(0);
	});

	it('a run stopped after recording a message and before moving it records nothing twice and loses nothing', async () => {
		dovecot = await startDovecot();
		for (const from of ['a', 'b', 'c', 'd', 'e']) {
			await deliver(useful('paper/cutting-cloud-spend', 'Cloud').yes, { from: `${from}@northwind.example`, says: `Said by ${from}` });
		}
		let count = 0;
		const stop: Hooks = {
			recorded: () => {
				if (++count === 2) throw new Error('the power went');
			},
		};
		await expect(inbox(dovecot.url, ['--batch', '3'], stop)).rejects.toThrow('the power went');
		expect(records()).toHaveLength(2);
		expect(await dovecot.folders()).toMatchObject({ INBOX: 5 });

		const again = await inbox(dovecot.url, ['--batch', '3']);
		expect(again.code).toBe(0);
		expect(again.out).toMatch(/Moved 2 messages an earlier run had recorded/);
		expect(records().map((r) => r.from)).toEqual(['a', 'b', 'c', 'd', 'e'].map((who) => `${who}@northwind.example`));
		expect(await dovecot.folders()).toMatchObject({ INBOX: 0, [HANDLED]: 5 });
	});

	it('refuses a second run while one is recording, with what to do, and records nothing twice', async () => {
		dovecot = await startDovecot();
		const senders = ['a', 'b', 'c'].map((who) => `${who}@northwind.example`);
		for (const from of senders) await deliver(useful('paper/cutting-cloud-spend', 'Cloud').yes, { from });
		const { url } = dovecot;
		let second: ReturnType<typeof inbox> | undefined;
		// An editor starts a run by hand while the scheduled one has recorded a message and has two to go.
		const first = await inbox(url, ['--batch', '1'], {
			recorded: () => {
				second ??= inbox(url);
			},
		});
		expect(first.code).toBe(0);
		const refused = await second!;
		expect(refused.code).toBe(1);
		expect(refused.err).toMatch(
			/^npm run inbox: another command is writing to \S*content\/inbox\/ now \(npm run inbox, or npm run contacts -- approve or decline\); run this again once it has finished \(nothing was changed\)\./,
		);
		expect(refused.out).toBe('');
		expect(records().map((record) => record.from)).toEqual(senders);
		expect(await dovecot.folders()).toMatchObject({ INBOX: 0, [HANDLED]: 3 });

		// The lock went with the first run: the next one goes ahead.
		expect(fs.existsSync(lockPath(content))).toBe(false);
		const third = await inbox(dovecot.url);
		expect(third.code).toBe(0);
		expect(third.out).toMatch(/0 new messages/);
	});

	it('takes over the lock a run left when it was killed, once the lock is stale', async () => {
		dovecot = await startDovecot();
		await deliver(useful('paper/cutting-cloud-spend', 'Cloud').yes, { from: 'a@northwind.example' });
		// What a run killed outright leaves behind (an orderly exit removes it).
		const lock = lockPath(content);
		fs.mkdirSync(lock, { recursive: true });
		expect((await inbox(dovecot.url)).code).toBe(1);
		expect(records()).toEqual([]);

		const touched = fs.statSync(lock).mtimeMs;
		fs.utimesSync(lock, new Date(touched - STALE_MS - 1000), new Date(touched - STALE_MS - 1000));
		const run = await inbox(dovecot.url);
		expect(run.err).toBe('');
		expect(run.code).toBe(0);
		expect(records()).toHaveLength(1);
		expect(fs.existsSync(lock)).toBe(false);
	});

	it('opens the connection again when it drops in the middle of a run, and goes on', async () => {
		dovecot = await startDovecot();
		for (const from of ['a', 'b', 'c', 'd']) await deliver(useful('issue/2', 'Issue 2').yes, { from: `${from}@northwind.example` });
		// A proxy between the hub and Dovecot that can cut every connection, as a network would.
		const sockets = new Set<net.Socket>();
		const proxy = net.createServer((socket) => {
			const upstream = net.connect(dovecot!.imapsPort, '127.0.0.1');
			for (const s of [socket, upstream]) {
				sockets.add(s);
				s.on('error', () => undefined);
			}
			socket.pipe(upstream).pipe(socket);
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		const port = (proxy.address() as net.AddressInfo).port;
		let count = 0;
		const cut: Hooks = {
			recorded: () => {
				if (++count === 2) for (const s of sockets) s.destroy();
			},
		};
		try {
			const run = await inbox(dovecot.url.replace(`:${dovecot.imapsPort}/`, `:${port}/`), ['--batch', '1', '--backoff', '10'], cut);
			expect(run.err).toMatch(/^The connection to 127\.0\.0\.1 dropped; reconnecting \(1 of 3\)\.\n$/);
			expect(run.code).toBe(0);
		} finally {
			proxy.close();
		}
		expect(records().map((r) => r.from)).toEqual(['a', 'b', 'c', 'd'].map((who) => `${who}@northwind.example`));
		expect(await dovecot.folders()).toMatchObject({ INBOX: 0, [HANDLED]: 4 });
	});

	it('wrong credentials, an untrusted certificate or a server without TLS: one clear line, nothing recorded', async () => {
		dovecot = await startDovecot();
		await deliver(useful('issue/2', 'Issue 2').yes, { from: 'a@northwind.example' });
		const wrong = await inbox(dovecot.url.replace('it-editors%40', 'nobody%40'));
		expect(wrong.code).toBe(1);
		expect(wrong.err).toMatch(
			/^npm run inbox: 127\.0\.0\.1:\d+ refused the login for nobody@northwind\.example: check the user name in IMAP_URL and the password \(IMAP_PASSWORD\)\n$/,
		);

		const untrusted = await inbox(dovecot.url.replace(/\?ca=.*$/, ''));
		expect(untrusted.err).toMatch(
			/^npm run inbox: the certificate of 127\.0\.0\.1:\d+ is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\): give its CA with \?ca=/,
		);
		expect(untrusted.err.split('\n')).toHaveLength(2);

		const optedOut = await inbox(dovecot.url.replace(/\?ca=.*$/, '?tls.rejectUnauthorized=false'), ['--dry-run']);
		expect(optedOut.code).toBe(0);
		expect(optedOut.err).toMatch(/certificate of 127\.0\.0\.1 is not checked/);
		expect(fs.existsSync(path.join(content, 'inbox'))).toBe(false);
		await dovecot.stop();

		dovecot = await startDovecot({ tls: false });
		const plain = await inbox(`imap://${encodeURIComponent(dovecot.user)}@127.0.0.1:${dovecot.imapPort}/INBOX`);
		expect(plain.code).toBe(1);
		expect(plain.err).toMatch(
			/^npm run inbox: 127\.0\.0\.1:\d+ does not offer STARTTLS, and the hub reads mail only over TLS: use imaps:\/\/ with the server's TLS port \(usually 993\)\n$/,
		);
		const tlsToPlain = await inbox(`imaps://${encodeURIComponent(dovecot.user)}@127.0.0.1:${dovecot.imapPort}/INBOX`);
		expect(tlsToPlain.code).toBe(1);
		expect(tlsToPlain.err).toMatch(/^npm run inbox: 127\.0\.0\.1:\d+ did not answer with TLS .*\n$/);
		expect(fs.existsSync(path.join(content, 'inbox'))).toBe(false);
	});
});
