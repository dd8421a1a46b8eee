/**
 * `npm run send` against a real SMTP server (smtp-server on a random port, STARTTLS), reading
 * the example hub's build: what each recipient gets, the ledger, failures, resuming and re-sending.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { parse } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { sendCommand } from '../../src/tools/send/cli';
import { ROOT, TMP } from '../helpers/build-hub';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

const NOW = '2026-11-29';
const EDITORS = 'it-editors@northwind.example';

/** Three follow the cloud-spend paper's segments (finance, executives); the others must get nothing. */
const CONTACTS = `# Test list
contacts:
  - name: Imogen Clarke
    email: imogen.clarke@test.example
    segments: [executives]
    joined: 2026-01-05
    asked: asked at the offsite
    feedback: true
  - name: Victor Osei
    email: victor.osei@test.example
    segments: [finance]
    joined: 2026-02-01
    asked: asked after the month-end paper
  - name: Lena Fischer
    email: Lena.Fischer@test.example
    segments: [executives, finance]
    joined: 2026-03-01
    asked: asked by email
    feedback: true
  - name: Paul Grant
    email: paul.grant@test.example
    segments: [superusers]
    joined: 2026-03-01
    asked: store manager
  - name: Nora Quinn
    email: nora.quinn@test.example
    segments: [executives]
    joined: 2026-01-05
    asked: asked at the offsite
    left: 2026-05-01
  - name: Zara Ahmed
    email: zara.ahmed@test.example
    segments: [executives]
    joined: 2027-01-04
    asked: joins in the new year
`;
const FOLLOWERS = ['imogen.clarke@test.example', 'victor.osei@test.example', 'lena.fischer@test.example'];

let dist: string;
let content: string;
let smtp: TestSmtp | undefined;
let out: string;
let err: string;

/** Runs the command in this process, as `npm run send -- …` would, against `url`. */
const send = (url: string | undefined, ...argv: string[]) => {
	out = '';
	err = '';
	return sendCommand([...argv, '--dist', dist, '--retries', '2', '--backoff', '5'], {
		out: (text) => (out += text),
		err: (text) => (err += text),
		env: { HOURGLASS_NOW: NOW, ...(url ? { SMTP_URL: url } : {}) },
		tty: false,
	});
};

interface Entry {
	entry: string;
	to: string;
	messageId: string;
	at: string;
	result: 'sent' | 'failed' | 'uncertain';
	error?: string;
}
const ledger = (): Entry[] => {
	const folder = path.join(content, 'sent');
	if (!fs.existsSync(folder)) return [];
	return fs.readdirSync(folder).flatMap((file) => (parseYaml(fs.readFileSync(path.join(folder, file), 'utf8')) as Entry[] | null) ?? []);
};
const inFlight = () => path.join(content, 'sent', 'in-flight.yaml');
const addressesOf = (smtpServer: TestSmtp) => smtpServer.received.flatMap((r) => r.rcpt.map((a) => a.toLowerCase())).sort();

beforeAll(() => {
	dist = inject('exampleDist');
});

beforeEach((context) => {
	// Each test sends from its own copy of the example content, with the test list and no ledger.
	content = path.join(TMP, 'send', context.task.id, 'content');
	fs.rmSync(path.dirname(content), { recursive: true, force: true });
	fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
	fs.rmSync(path.join(content, 'sent'), { recursive: true, force: true });
	fs.writeFileSync(path.join(content, 'contacts.yaml'), CONTACTS);
	vi.stubEnv('HOURGLASS_CONTENT', content);
});

afterEach(async () => {
	await smtp?.close();
	smtp = undefined;
	vi.unstubAllEnvs();
});

describe('npm run send', () => {
	it('sends each follower their own message: headers, both parts, absolute links, the feedback ask only to those who agreed', async () => {
		smtp = await startSmtp();
		expect(await send(smtp.url, 'paper', 'cutting-cloud-spend')).toBe(0);

		expect(addressesOf(smtp)).toEqual([...FOLLOWERS].sort());
		const records = ledger();
		for (const { mail, rcpt, secure } of smtp.received) {
			expect(secure, 'STARTTLS before the message').toBe(true);
			expect(rcpt).toHaveLength(1);
			const to = rcpt[0]!.toLowerCase();
			expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address?.toLowerCase()) : []).toEqual([to]);
			expect(mail.cc).toBeUndefined();
			expect(mail.from?.value).toEqual([{ name: 'Priya Raman via Northwind IT Hub', address: EDITORS }]);
			expect(mail.replyTo?.value).toEqual([{ name: 'Priya Raman', address: 'priya.raman@northwind.example' }]);
			expect(mail.subject).toBe('How we are cutting our cloud bill by a fifth');
			expect(mail.messageId).toMatch(/^<paper\.cutting-cloud-spend\.[0-9a-f-]+@northwind\.example>$/);
			expect(records.find((r) => r.to.toLowerCase() === to)).toMatchObject({
				entry: 'paper/cutting-cloud-spend',
				result: 'sent',
				messageId: mail.messageId,
			});
			const unsubscribe = mail.headers.get('list-unsubscribe') ?? mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line;
			expect(JSON.stringify(unsubscribe)).toContain(`mailto:${EDITORS}`);

			expect(mail.text).toContain('Why it matters to the business: Bringing cloud spend back within budget');
			expect(mail.text).toContain('Read it on the hub: https://intranet.example/papers/cutting-cloud-spend/');
			const html = parse(typeof mail.html === 'string' ? mail.html : '');
			expect(html.querySelector('h1')?.text).toBe('How we are cutting our cloud bill by a fifth');
			const links = html.querySelectorAll('a').map((a) => a.getAttribute('href') ?? '');
			expect(links.length).toBeGreaterThan(3);
			for (const link of links) expect(link, link).toMatch(/^(https:\/\/intranet\.example\/|mailto:)/);
			expect(html.querySelectorAll('img').every((img) => img.getAttribute('src')?.startsWith('https://'))).toBe(true);
			const logo = html.querySelector('.masthead img');
			expect(logo?.getAttribute('alt')).toBe('Northwind IT Hub');
			expect(fs.existsSync(path.join(dist, new URL(logo!.getAttribute('src')!).pathname)), 'the logo PNG is on the hub').toBe(true);

			const asked = to !== 'victor.osei@test.example';
			expect(mail.text?.includes('a one-line reply to Priya Raman is plenty'), to).toBe(asked);
			expect(html.text.includes('a one-line reply to Priya Raman is plenty'), to).toBe(asked);
		}
		expect(new Set(smtp.received.map((r) => r.mail.messageId)).size).toBe(3);
		expect(records).toHaveLength(3);
		expect(out).toContain('Sent 3 of 3');
	});

	it('sends nothing the second time without --again, and everything again with it', async () => {
		smtp = await startSmtp();
		expect(await send(smtp.url, 'case-study', 'black-friday-checkout')).toBe(0);
		expect(smtp.received).toHaveLength(3);

		expect(await send(smtp.url, 'case-study', 'black-friday-checkout')).toBe(0);
		expect(smtp.received).toHaveLength(3);
		expect(out).toContain('Skipping 3 who already received it');
		expect(out).toContain('Nothing to send');
		expect(ledger()).toHaveLength(3);

		expect(await send(smtp.url, 'case-study', 'black-friday-checkout', '--again')).toBe(0);
		expect(smtp.received).toHaveLength(6);
		expect(ledger()).toHaveLength(6);
	});

	it('records a recipient the server refuses with a 5xx, delivers to the others, and exits non-zero naming them', async () => {
		smtp = await startSmtp({ refuse: (address) => (address === 'victor.osei@test.example' ? 550 : undefined) });
		expect(await send(smtp.url, 'paper', 'cutting-cloud-spend')).toBe(1);

		expect(addressesOf(smtp)).toEqual(['imogen.clarke@test.example', 'lena.fischer@test.example']);
		// A permanent refusal is not retried.
		expect(smtp.rcptAttempts.filter((a) => a === 'victor.osei@test.example')).toHaveLength(1);
		const failed = ledger().filter((r) => r.result === 'failed');
		expect(failed).toEqual([expect.objectContaining({ to: 'victor.osei@test.example', entry: 'paper/cutting-cloud-spend' })]);
		expect(failed[0]!.error).toMatch(/^550\b/);
		expect(err).toContain('1 not delivered');
		expect(err).toMatch(/failed: Victor Osei <victor\.osei@test\.example>: 550/);
	});

	it('stops at once, with one line and nothing recorded, when the server does not offer STARTTLS', async () => {
		smtp = await startSmtp({ starttls: false });
		expect(await send(smtp.url, 'paper', 'cutting-cloud-spend')).toBe(1);
		expect(err).toMatch(
			/^npm run send: 127\.0\.0\.1:\d+ does not offer STARTTLS, and the hub sends only over TLS: if the server takes TLS from the start, use SMTP_URL=smtps:\/\/…@127\.0\.0\.1:465\n$/,
		);
		expect(smtp.received).toEqual([]);
		expect(smtp.rcptAttempts).toEqual([]);
		expect(ledger()).toEqual([]);
	});

	it('retries a recipient the server turns away with a 4xx, and delivers once it accepts', async () => {
		smtp = await startSmtp({ refuse: (address, attempt) => (address === 'imogen.clarke@test.example' && attempt < 3 ? 451 : undefined) });
		expect(await send(smtp.url, 'paper', 'cutting-cloud-spend')).toBe(0);
		expect(smtp.rcptAttempts.filter((a) => a === 'imogen.clarke@test.example')).toHaveLength(3);
		expect(addressesOf(smtp)).toEqual([...FOLLOWERS].sort());
		expect(ledger().every((r) => r.result === 'sent')).toBe(true);
	});

	it('stops when the connection drops and stays down; a second run sends only to those not yet served', async () => {
		const first = await startSmtp({ dropAfter: 1 });
		smtp = first;
		expect(await send(first.url, 'paper', 'cutting-cloud-spend')).toBe(1);
		expect(first.received).toHaveLength(1);
		const served = addressesOf(first);
		expect(ledger().filter((r) => r.result === 'sent')).toHaveLength(1);
		expect(err).toContain('2 not delivered');
		expect(err).toContain('not tried (the run stopped)');
		expect(err).toMatch(/\[1\/3\] sent: .* · sent 1, failed 0, remaining 2/);
		await first.close();

		smtp = await startSmtp();
		expect(await send(smtp.url, 'paper', 'cutting-cloud-spend')).toBe(0);
		expect(out).toContain('Skipping 1 who already received it');
		expect(addressesOf(smtp)).toEqual(FOLLOWERS.filter((a) => !served.includes(a)).sort());
		expect([...served, ...addressesOf(smtp)].sort()).toEqual([...FOLLOWERS].sort());
	});

	it('notes each message on disk before the server has it, and clears the note once the answer is in the ledger', async () => {
		const noted: (string | undefined)[] = [];
		smtp = await startSmtp({
			refuse: (address) => {
				noted.push(fs.existsSync(inFlight()) ? (parseYaml(fs.readFileSync(inFlight(), 'utf8')) as Entry).to.toLowerCase() : undefined);
				return address === 'victor.osei@test.example' ? 550 : undefined;
			},
		});
		expect(await send(smtp.url, 'paper', 'cutting-cloud-spend')).toBe(1);
		expect(noted).toEqual(smtp.rcptAttempts.map((address) => address.toLowerCase()));
		expect(noted).toHaveLength(3);
		expect(fs.existsSync(inFlight())).toBe(false);
	});

	it('never sends again a message a stopped run may have delivered, until told to', async () => {
		// What a run leaves when it dies after the server took Imogen's message and before its answer was recorded.
		const messageId = '<paper.cutting-cloud-spend.stopped@northwind.example>';
		fs.mkdirSync(path.dirname(inFlight()), { recursive: true });
		fs.writeFileSync(
			inFlight(),
			`entry: paper/cutting-cloud-spend\nto: imogen.clarke@test.example\nmessageId: "${messageId}"\nat: 2026-11-29T07:45:00.000Z\n`,
		);
		smtp = await startSmtp();
		expect(await send(smtp.url, 'paper', 'cutting-cloud-spend')).toBe(0);
		expect(err).toContain('The last run stopped while the mail server had paper/cutting-cloud-spend for imogen.clarke@test.example');
		expect(out).toContain('Skipping 1 a stopped run may have reached');
		expect(out).toContain(`Imogen Clarke <imogen.clarke@test.example>: Message-ID ${messageId}`);
		expect(addressesOf(smtp)).toEqual(['lena.fischer@test.example', 'victor.osei@test.example']);
		expect(ledger().filter((r) => r.result === 'uncertain')).toEqual([
			expect.objectContaining({ to: 'imogen.clarke@test.example', messageId }),
		]);
		expect(fs.existsSync(inFlight())).toBe(false);

		expect(await send(smtp.url, 'paper', 'cutting-cloud-spend')).toBe(0);
		expect(out).toContain('Skipping 2 who already received it');
		expect(out).toContain('Skipping 1 a stopped run may have reached');
		expect(smtp.received).toHaveLength(2);

		expect(await send(smtp.url, 'paper', 'cutting-cloud-spend', '--resend-uncertain')).toBe(0);
		expect(addressesOf(smtp)).toEqual([...FOLLOWERS].sort());
		expect(await send(smtp.url, 'paper', 'cutting-cloud-spend')).toBe(0);
		expect(out).toContain('Nothing to send');
		expect(smtp.received).toHaveLength(3);
	});

	it('refuses a draft, a scheduled and an archived paper, and sends nothing', async () => {
		smtp = await startSmtp();
		expect(await send(smtp.url, 'paper', 'draft-quantum-ready-encryption')).toBe(1);
		expect(err).toContain('content/papers/draft-quantum-ready-encryption.mdx is a draft (draft: true): only published entries can be sent');
		expect(await send(smtp.url, 'paper', 'future-retail-ai-assistants')).toBe(1);
		expect(err).toContain('is scheduled for 2099-01-15');
		expect(await send(smtp.url, 'paper', 'windows-10-end-of-support')).toBe(1);
		expect(err).toContain('was archived on 2026-03-31');
		expect(smtp.rcptAttempts).toEqual([]);
		expect(ledger()).toEqual([]);
	});

	it('sends an issue from the editors to the followers of its items’ segments', async () => {
		smtp = await startSmtp();
		expect(await send(smtp.url, 'issue', '2')).toBe(0);
		// Issue 2 has items for every segment: everyone on the list today, not Nora (left) or Zara (not yet).
		expect(addressesOf(smtp)).toEqual([...FOLLOWERS, 'paul.grant@test.example'].sort());
		const { mail } = smtp.received[0]!;
		expect(mail.from?.value).toEqual([{ name: 'The IT editors', address: EDITORS }]);
		expect(mail.replyTo?.value).toEqual([{ name: 'The IT editors', address: EDITORS }]);
		expect(mail.subject).toMatch(/^Northwind IT Hub #2: /);
		expect(mail.headers.get('x-unsent')).toBeUndefined();
	});

	it("sends a system's page from its owner to the followers of its dependents' segments, and refuses a draft system", async () => {
		smtp = await startSmtp();
		// Payroll: Finance (a segment) and the People team (a department, with no list of its own).
		expect(await send(smtp.url, 'system', 'payroll')).toBe(0);
		expect(addressesOf(smtp)).toEqual(['lena.fischer@test.example', 'victor.osei@test.example']);
		const { mail } = smtp.received[0]!;
		expect(mail.from?.value).toEqual([{ name: 'Elena Marsh via Northwind IT Hub', address: EDITORS }]);
		expect(mail.replyTo?.value).toEqual([{ name: 'Elena Marsh', address: 'elena.marsh@northwind.example' }]);
		expect(mail.subject).toContain('Payroll');
		expect(parse(mail.html as string).textContent).toContain('Finance can wait 3 days');
		expect(mail.text).toContain('Tier 4: back within 3 days');
		expect(ledger().map((entry) => entry.entry)).toEqual(['system/payroll', 'system/payroll']);
		expect(await send(smtp.url, 'system', 'draft-stock-app')).toBe(1);
		expect(err).toContain('content/systems/draft-stock-app.yaml is a draft (draft: true): only published entries can be sent');
		expect(await send(smtp.url, 'system', 'no-such-system')).toBe(1);
		expect(err).toContain('no system "no-such-system": expected an existing system, one of: crm, draft-stock-app, email');
	});

	it('--dry-run writes one .eml per recipient to the outbox and sends nothing, without SMTP_URL', async () => {
		const outbox = path.join(path.dirname(content), 'outbox');
		expect(await send(undefined, 'paper', 'cutting-cloud-spend', '--dry-run', '--outbox', outbox)).toBe(0);
		const folder = path.join(outbox, 'paper-cutting-cloud-spend');
		const files = fs.readdirSync(folder).sort();
		expect(files).toEqual(FOLLOWERS.map((a) => `${a}.eml`).sort());
		for (const file of files) {
			const mail = await simpleParser(fs.readFileSync(path.join(folder, file)));
			expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address?.toLowerCase() : undefined).toBe(file.replace(/\.eml$/, ''));
			expect(mail.html).toContain('How we are cutting our cloud bill by a fifth');
		}
		expect(ledger()).toEqual([]);
		expect(out).toContain('sent nothing');
	});

	it('runs as npm run send (the script under Node 24), and says SMTP_URL is missing', () => {
		const result = spawnSync(
			path.join(ROOT, 'node_modules/.bin/node'),
			[path.join(ROOT, 'scripts/send.ts'), 'paper', 'cutting-cloud-spend', '--dist', dist],
			{
				cwd: ROOT,
				encoding: 'utf8',
				env: { PATH: process.env.PATH, HOURGLASS_CONTENT: content, HOURGLASS_NOW: NOW },
			},
		);
		expect(result.stderr).toContain('set SMTP_URL to your mail server');
		expect(result.stdout).toContain('3 on the list for finance, executives');
		expect(result.status).toBe(1);
	});
});
