import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentProblems } from '../../../src/content/problems';
import { loadSettings } from '../../../src/content/settings';
import { createLocale } from '../../../src/content/i18n';
import { authservIdOf, senderDoubt, verdict, type SenderCheck, type Verdict } from '../../../src/tools/inbox/authenticity';
import { readMessage } from '../../../src/tools/inbox/message';

const ours: SenderCheck = { authservId: 'mail.northwind.example', require: 'aligned' };
const dmarcOnly: SenderCheck = { ...ours, require: 'dmarc' };
const ANN = 'ann@northwind.example';
/** What the server said, when it did not vouch. */
const said = (result: Verdict) => (result.vouched ? undefined : result.results);

/** An Authentication-Results field as a server folds it, one result per line. */
const field = (server: string, ...results: string[]) => `Authentication-Results: ${server};\r\n\t${results.join(';\r\n\t')}`;

/** What Postfix with OpenDKIM and OpenDMARC writes for a colleague's message, comments and quoted strings included. */
const PASS = field(
	'mail.northwind.example',
	'dkim=pass (2048-bit key; unprotected) header.d=northwind.example header.i=@northwind.example header.s=s1 header.b="Xy1;Z"',
	'spf=pass (mail.northwind.example: domain of ann@northwind.example designates 10.0.0.5 as permitted sender) smtp.mailfrom=ann@northwind.example',
	'dmarc=pass (p=reject dis=none) header.from=northwind.example',
);
const FAIL = field(
	'mail.northwind.example',
	'dkim=none (no signature)',
	'spf=fail (mail.northwind.example: domain of ann@northwind.example does not designate 203.0.113.9 as permitted sender) smtp.mailfrom=ann@northwind.example',
	'dmarc=fail (p=none dis=none) header.from=northwind.example',
);

describe('the authserv-id of an Authentication-Results field', () => {
	it('is its first word, past comments, quoted or followed by a version, and there is none where a result comes first', () => {
		expect(authservIdOf(PASS)).toBe('mail.northwind.example');
		expect(authservIdOf('Authentication-Results: (our gateway (inbound)) mx.northwind.example 1; spf=pass')).toBe('mx.northwind.example');
		expect(authservIdOf('Authentication-Results: "mail.north\\"wind.example"; none')).toBe('mail.north"wind.example');
		// Microsoft 365 writes results with no authserv-id: such a field names no server.
		expect(authservIdOf('Authentication-Results: spf=pass (sender IP is 10.0.0.5) smtp.mailfrom=northwind.example; dmarc=pass')).toBe(
			undefined,
		);
	});
});

describe('whether the mail server vouches for the sender', () => {
	it('believes a DMARC pass from the configured server, whatever the case it is written in', () => {
		expect(verdict([PASS], ANN, ours)).toEqual({ vouched: true, by: 'dmarc' });
		expect(verdict([PASS], ANN, dmarcOnly)).toEqual({ vouched: true, by: 'dmarc' });
		expect(verdict([field('Mail.Northwind.Example', 'dmarc=Pass header.from=Northwind.Example')], ANN, ours)).toEqual({
			vouched: true,
			by: 'dmarc',
		});
	});

	it('does not believe a fail, and says what the server said', () => {
		expect(verdict([FAIL], ANN, ours)).toEqual({
			vouched: false,
			results: 'dmarc=fail, dkim=none, spf=fail (smtp.mailfrom=ann@northwind.example)',
		});
	});

	it('does not believe a server that checked nothing ("none") or a message with no field of its own', () => {
		expect(verdict(['Authentication-Results: mail.northwind.example; none'], ANN, ours)).toEqual({ vouched: false, results: 'none' });
		expect(verdict([], ANN, ours)).toEqual({ vouched: false });
	});

	it("ignores fields of other servers: the sender's own and a forwarder's", () => {
		const theirs = field('mx.fabrikam.example', 'dkim=pass header.d=northwind.example', 'dmarc=pass header.from=northwind.example');
		expect(verdict([theirs], ANN, ours)).toEqual({ vouched: false });
		// Nor is our id at the end of another server's name, or inside a comment, ours.
		expect(verdict([field('evil-mail.northwind.example', 'dmarc=pass')], ANN, ours)).toEqual({ vouched: false });
		expect(verdict([field('(mail.northwind.example) mx.fabrikam.example', 'dmarc=pass')], ANN, ours)).toEqual({ vouched: false });
	});

	it('reads only the topmost field with its id: a forged pass below the one the server added is ignored', () => {
		expect(verdict([FAIL, PASS], ANN, ours)).toMatchObject({ vouched: false });
		// The server wrote nothing at all this time: a forged field is all there is, and the rule cannot
		// tell; docs/operating.md asks the server to remove such fields (RFC 8601 section 5).
		expect(verdict([PASS, FAIL], ANN, ours)).toMatchObject({ vouched: true });
	});

	it('believes an aligned DKIM or SPF pass when asked for aligned, by Organizational Domain as DMARC does', () => {
		const dkim = (d: string) => [field('mail.northwind.example', `dkim=pass header.d=${d}`, 'spf=none', 'dmarc=none')];
		expect(verdict(dkim('northwind.example'), ANN, ours)).toEqual({ vouched: true, by: 'dkim' });
		expect(verdict(dkim('mail.northwind.example'), 'ann@uk.northwind.example', ours)).toEqual({ vouched: true, by: 'dkim' });
		expect(said(verdict(dkim('gmail.example'), ANN, ours))).toBe('dmarc=none, dkim=pass (header.d=gmail.example), spf=none');
		expect(verdict(dkim('northwind.example.attacker.example'), ANN, ours)).toMatchObject({ vouched: false });
		expect(verdict(dkim('northwind.example'), ANN, dmarcOnly)).toMatchObject({ vouched: false });
		const spf = (from: string) => [field('mail.northwind.example', 'dkim=none', `spf=pass smtp.mailfrom=${from}`, 'dmarc=none')];
		expect(verdict(spf('bounces@northwind.example'), ANN, ours)).toEqual({ vouched: true, by: 'spf' });
		expect(verdict(spf('bounces@mailer.example'), ANN, ours)).toMatchObject({ vouched: false });
		// DKIM's i= stands in for a missing d=.
		expect(verdict([field('mail.northwind.example', 'dkim=pass header.i=@northwind.example')], ANN, ours)).toEqual({
			vouched: true,
			by: 'dkim',
		});
	});

	it('does not believe a DMARC pass about another From domain, nor any pass for a message without an address', () => {
		expect(verdict([field('mail.northwind.example', 'dmarc=pass header.from=fabrikam.example')], ANN, ours)).toMatchObject({
			vouched: false,
		});
		expect(verdict([PASS], '', ours)).toMatchObject({ vouched: false });
	});
});

describe('the reason a message waits for a look', () => {
	it("is said in the hub's language, with what the server said and what the hub needs", () => {
		const en = createLocale('en-GB');
		expect(senderDoubt({ from: ANN, authResults: [PASS] }, ours, en)).toBeUndefined();
		expect(senderDoubt({ from: ANN, authResults: [] }, ours, en)).toBe(
			'not believed to be from ann@northwind.example: the message has no Authentication-Results header from mail.northwind.example',
		);
		expect(senderDoubt({ from: ANN, authResults: [FAIL] }, ours, en)).toBe(
			'not believed to be from ann@northwind.example: mail.northwind.example says dmarc=fail, dkim=none, spf=fail (smtp.mailfrom=ann@northwind.example), and the hub needs dmarc=pass, or dkim=pass or spf=pass for northwind.example',
		);
		expect(senderDoubt({ from: ANN, authResults: [FAIL] }, dmarcOnly, createLocale('de'))).toMatch(
			/^nicht als von ann@northwind\.example bestätigt: mail\.northwind\.example meldet dmarc=fail, .*, der Hub verlangt dmarc=pass für northwind\.example$/,
		);
	});
});

describe('a message as read from the mailbox', () => {
	it('keeps its Authentication-Results fields topmost first, folded ones whole', async () => {
		const source = [
			FAIL,
			'Received: from mx.fabrikam.example (mx.fabrikam.example [203.0.113.9]) by mail.northwind.example',
			PASS,
			`From: Ann <${ANN}>`,
			'To: it-editors@northwind.example',
			'Subject: [hub:pick b metric]',
			'Message-ID: <forged@fabrikam.example>',
			'',
			'Pick this.',
			'',
		].join('\r\n');
		const message = await readMessage(source);
		expect(message.authResults.map(authservIdOf)).toEqual(['mail.northwind.example', 'mail.northwind.example']);
		expect(said(verdict(message.authResults, message.from, ours))).toMatch(/^dmarc=fail, dkim=none, spf=fail/);
	});
});

describe('the inbox setting in hub.yaml', () => {
	const hub = (inbox: string) => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hourglass-inbox-auth-'));
		fs.writeFileSync(
			path.join(dir, 'hub.yaml'),
			`title: Test hub\ntagline: What IT does for the business.\norganisation: Northwind\neditors:\n  name: The IT editors\n  email: it-editors@northwind.example\n${inbox}`,
		);
		try {
			return loadSettings(dir);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
	/** The problem lines as the command prints them, in the hub's language. */
	const problems = (inbox: string) => {
		try {
			hub(inbox);
		} catch (error) {
			return error instanceof ContentProblems ? error.message.split('\n').slice(1) : [String(error)];
		}
		return [];
	};

	it('is off unless written, and requires an aligned pass unless it says dmarc', () => {
		expect(hub('').inbox).toBeUndefined();
		expect(hub('inbox:\n  authservId: mail.northwind.example\n').inbox).toEqual({
			authservId: 'mail.northwind.example',
			require: 'aligned',
		});
	});

	it('says what is wrong, where, all at once, a misspelt key included', () => {
		expect(problems('inbox:\n  authservId: mail northwind\n  require: spf\n  authservid: mail.northwind.example\n')).toEqual([
			expect.stringMatching(
				/hub\.yaml:8:15 inbox\.authservId: expected the name your mail server writes first in its Authentication-Results header, such as mail\.northwind\.example; found "mail northwind"/,
			),
			expect.stringMatching(/hub\.yaml:9:12 inbox\.require: expected one of "aligned", "dmarc"; found "spf"/),
			expect.stringMatching(/hub\.yaml:\d+:\d+ inbox: expected only the fields the hub knows \(check the spelling\); found "authservid"/),
		]);
		expect(problems('language: de\ninbox:\n  authservId: mail northwind\n')).toEqual([
			expect.stringMatching(
				/hub\.yaml:9:\d+ inbox\.authservId: .*der Name, den Ihr Mailserver als Erstes in seinen Authentication-Results-Header schreibt/,
			),
		]);
	});
});
