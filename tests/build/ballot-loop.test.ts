/**
 * The whole listening loop, end to end, with every real part, on a copy of the example hub:
 * `npm run send -- ballot` writes the ballot, a build turns it into email, the send goes through a
 * real SMTP server to the executives who agreed to give feedback, and five of them click "Pick
 * this" in what they received. Meanwhile, on the built pages, a reader clicks Yes on a paper, an
 * executive asks to join the list and another asks IT a question. All their replies are
 * delivered into a real Dovecot as Outlook and Gmail send them; `npm run inbox` records them, an
 * editor approves the request (`npm run contacts -- approve`), `npm run ballot -- close` writes
 * the ranks and a writer declares that a paper answers the question. The next build's audience
 * page, `/questions/` and the answering page then show it all, by role and counts, never by name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readInbox, type PickRecord } from '../../src/content/inbox';
import { contactsCommand } from '../../src/tools/contacts-cli';
import { ballotCommand } from '../../src/tools/ballot-cli';
import { inboxCommand } from '../../src/tools/inbox/cli';
import { sendCommand } from '../../src/tools/send/cli';
import { buildHub, ROOT, TMP } from '../helpers/build-hub';
import { startDevServer, type DevServer } from '../helpers/dev-server';
import { startDovecot, type TestDovecot } from '../helpers/dovecot';
import { replyTo, type ClientStyle } from '../helpers/mail-client';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

const NOW = '2026-12-01T09:00:00Z';
const CLOSING = '2026-12-15T09:00:00Z';
const BALLOT = 'executives-2026-12';
/** The paper a reader finds useful, and which later answers an executive's question. */
const PAPER = 'file-shares-to-the-cloud';
const READER = { from: 'ivy.lund@northwind.example', name: 'Ivy Lund' };
const JOINER = { from: 'hana.okafor@northwind.example', name: 'Hana Okafor' };
const ASKER = { from: 'omar.haddad@northwind.example', name: 'Omar Haddad' };
const QUESTION = 'Once our shared files move to the cloud, who else can read them?';

/** Six executives who agreed to give feedback, and one who did not (she gets no ballot). */
const EXECUTIVES = ['ada', 'ben', 'cleo', 'dev', 'eve', 'finn'];
const CONTACTS = `contacts:
${EXECUTIVES.map(
	(name) => `  - name: ${name[0]!.toUpperCase()}${name.slice(1)} Testperson
    email: ${name}@northwind.example
    segments: [executives]
    joined: 2026-03-01
    asked: asked at the offsite
    feedback: true`,
).join('\n')}
  - name: Gwen Quiet
    email: gwen@northwind.example
    segments: [executives]
    joined: 2026-03-01
    asked: reads, never answers
`;

/** Who picks what: web shop speed 5, cloud spend 4, phishing 3, then 1 and 1. Finn never votes. */
const PICKS: Record<string, { metrics: string[]; style: ClientStyle; prefix?: string }> = {
	ada: { metrics: ['web-shop-page-load', 'cloud-spend-variance', 'phishing-click-rate'], style: 'outlook', prefix: 'RE: ' },
	ben: { metrics: ['web-shop-page-load', 'cloud-spend-variance', 'phishing-click-rate'], style: 'gmail' },
	cleo: { metrics: ['web-shop-page-load', 'cloud-spend-variance', 'checkout-availability'], style: 'html-only', prefix: 'AW: ' },
	dev: { metrics: ['web-shop-page-load', 'phishing-click-rate', 'quote-turnaround'], style: 'plain' },
	eve: { metrics: ['web-shop-page-load', 'cloud-spend-variance'], style: 'outlook' },
};

let content: string;
let smtp: TestSmtp | undefined;
let dovecot: TestDovecot | undefined;
let preview: DevServer | undefined;

const io = (env: Record<string, string | undefined>) => {
	const io = { out: '', err: '' };
	return {
		io,
		cli: {
			out: (text: string) => (io.out += text),
			err: (text: string) => (io.err += text),
			env: { HOURGLASS_NOW: NOW, ...env },
			tty: false,
		},
	};
};
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
const build = async (name: string, now: string) => {
	const result = await buildHub({ name, content, now });
	expect(result.code, result.output).toBe(0);
	return result;
};

beforeAll(() => {
	content = path.join(TMP, 'ballot-loop', 'content');
	fs.rmSync(path.dirname(content), { recursive: true, force: true });
	fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
	// The example's records stay (its papers answer questions in them); the ledger goes with its contacts.
	fs.rmSync(path.join(content, 'sent'), { recursive: true, force: true });
	fs.writeFileSync(path.join(content, 'contacts.yaml'), CONTACTS);
	vi.stubEnv('HOURGLASS_CONTENT', content);
});

afterAll(async () => {
	await smtp?.close();
	await dovecot?.stop();
	preview?.stop();
	vi.unstubAllEnvs();
});

describe('listening, from a reader’s click to the published pages', () => {
	it('runs the whole loop against real SMTP and IMAP servers', async () => {
		// 1. The first run writes the ballot; nothing can be sent before a build.
		const first = io({});
		expect(await sendCommand(['ballot', 'executives', '--all', '--closes', '2026-12-14'], first.cli)).toBe(0);
		expect(first.io.out).toContain(
			`Wrote ${path.relative(process.cwd(), path.join(content, 'ballots', `${BALLOT}.yaml`))}: 9 candidate metrics`,
		);
		const ballot = parseYaml(fs.readFileSync(path.join(content, 'ballots', `${BALLOT}.yaml`), 'utf8')) as Record<string, unknown>;
		expect(ballot).toMatchObject({ segment: 'executives', opens: '2026-12-01', closes: '2026-12-14' });

		// 2. The build writes the open ballot's email; the send goes to those who agreed to give feedback.
		const { dist } = await build('ballot-loop-open', NOW);
		expect(fs.existsSync(path.join(dist, 'ballots', BALLOT, 'email.html'))).toBe(true);
		const built = (route: string) => parse(fs.readFileSync(path.join(dist, route, 'index.html'), 'utf8')).querySelector('main')!;
		const linkIn = (main: HTMLElement, words: string) =>
			main
				.querySelectorAll('a')
				.find((a) => a.text.trim() === words)!
				.getAttribute('href')!;
		const yesLink = linkIn(built(`papers/${PAPER}`), 'Yes');
		const audience = built('segments/executives');
		const joinLink = linkIn(audience, 'Get these by email');
		const askLink = linkIn(audience, 'Ask IT a question');
		expect(fold(audience.querySelector('.get-by-email .muted')!.text)).toBe('· 7 colleagues get them by email already');
		smtp = await startSmtp();
		const send = io({ SMTP_URL: smtp.url });
		expect(await sendCommand(['ballot', 'executives', '--dist', dist, '--retries', '1', '--backoff', '5'], send.cli), send.io.err).toBe(0);
		expect(send.io.out).toContain(
			`ballot/${BALLOT} (Which three measures matter most to Executives?): 6 on the list who agreed to give feedback for executives.`,
		);
		const received = new Map(smtp.received.map(({ rcpt, mail }) => [rcpt[0]!.split('@')[0]!, mail]));
		expect([...received.keys()].sort()).toEqual(EXECUTIVES);
		// At most once: a second run sends nothing.
		const again = io({ SMTP_URL: smtp.url });
		expect(await sendCommand(['ballot', 'executives', '--dist', dist], again.cli)).toBe(0);
		expect(again.io.out).toContain('Nothing to send.');
		expect(smtp.received).toHaveLength(EXECUTIVES.length);

		// 3. Five of them click "Pick this" in the email they got, in their own mail program.
		dovecot = await startDovecot();
		for (const [voter, { metrics, style, prefix }] of Object.entries(PICKS)) {
			const mail = received.get(voter)!;
			expect(mail.subject).toBe('Which three measures matter most to Executives?');
			const links = new Map(
				parse(typeof mail.html === 'string' ? mail.html : '')
					.querySelectorAll('a')
					.filter((a) => a.text.startsWith('Pick this'))
					.map((a) => {
						const href = a.getAttribute('href')!;
						const subject = new URL(href).searchParams.get('subject') ?? '';
						return [/\[hub:pick \S+ (\S+)\]/.exec(subject)![1]!, href] as const;
					}),
			);
			expect(links.size).toBe(9);
			// As every email the hub sends, it ends with "Ask IT a question", from the ballot's segment.
			const ask = parse(typeof mail.html === 'string' ? mail.html : '').querySelector('.footer a[href*="hub%3Aquestion%20executives"]');
			expect(ask?.text).toBe('Ask IT a question');
			expect(mail.text).toContain('Ask IT a question: mailto:');
			for (const metric of metrics)
				await dovecot.append(await replyTo(links.get(metric)!, { from: `${voter}@northwind.example`, style, prefix }));
		}
		// Meanwhile, on the built pages: a reader finds a paper useful, an executive asks to join the
		// list, another asks IT a question (writing it over the subject's first words, as the link asks).
		await dovecot.append(await replyTo(yesLink, { ...READER, style: 'gmail', says: 'Now I know what happens to the old file server.' }));
		await dovecot.append(await replyTo(joinLink, { ...JOINER, style: 'outlook', says: 'The CFO forwarded me the cloud paper.' }));
		const askSubject = new URL(askLink).searchParams.get('subject')!;
		expect(askSubject).toMatch(/^Question for IT \[hub:question executives\]$/);
		await dovecot.append(
			await replyTo(askLink, { ...ASKER, style: 'html-only', subject: askSubject.replace('Question for IT', QUESTION) }),
		);
		const inbox = io({ IMAP_URL: dovecot.url, IMAP_PASSWORD: dovecot.password });
		expect(await inboxCommand([], inbox.cli), inbox.io.err).toBe(0);
		const picks = readInbox(content).filter((record): record is PickRecord => record.kind === 'pick' && record.ballot === BALLOT);
		expect(picks.map((pick) => `${pick.from.split('@')[0]!} ${pick.metric}`).sort()).toEqual(
			Object.entries(PICKS)
				.flatMap(([voter, { metrics }]) => metrics.map((metric) => `${voter} ${metric}`))
				.sort(),
		);
		const records = readInbox(content);
		const sentBy = (from: string) => records.filter((record) => record.from === from);
		expect(sentBy(READER.from)).toMatchObject([
			{ kind: 'feedback', entry: `paper/${PAPER}`, useful: true, why: 'Now I know what happens to the old file server.' },
		]);
		expect(sentBy(JOINER.from)).toMatchObject([{ kind: 'list-request', segments: ['executives'], status: 'pending' }]);
		const [question] = sentBy(ASKER.from);
		expect(question).toMatchObject({ kind: 'question', segment: 'executives', question: QUESTION, status: 'open' });
		const questionId = question?.kind === 'question' ? question.id : '';

		// The editors approve the request: the executive becomes a contact, with how they asked.
		const approve = io({});
		expect(await contactsCommand(['approve', JOINER.from], approve.cli), approve.io.err).toBe(0);
		const contacts = (parseYaml(fs.readFileSync(path.join(content, 'contacts.yaml'), 'utf8')) as { contacts: Record<string, unknown>[] })
			.contacts;
		expect(contacts.find((contact) => contact.email === JOINER.from)).toMatchObject({
			name: JOINER.name,
			segments: ['executives'],
			asked: 'asked by email on 2026-11-03 for executives',
		});
		expect(readInbox(content).find((record) => record.from === JOINER.from)).toMatchObject({ status: 'approved' });

		// 4. After the closing day, the editors close it: the most picked become the segment's ranks.
		const close = io({});
		close.cli.env.HOURGLASS_NOW = CLOSING;
		expect(await ballotCommand(['close', BALLOT], close.cli), close.io.err).toBe(0);
		expect(close.io.out).toContain('5 people voted of the 6 it was sent to');
		expect(close.io.out).toMatch(/1\. web-shop-page-load[^\n]*\n {2}2\. cloud-spend-variance[^\n]*\n {2}3\. phishing-click-rate/);

		// 5. A writer declares that the paper the reader liked answers the executive's question. The next
		// build's audience page says who chose the measures, with the tally, and counts the new contact;
		// this hub also publishes how useful colleagues found each page (usefulCounts), as counts.
		fs.appendFileSync(path.join(content, 'hub.yaml'), 'usefulCounts: true\n');
		const paperFile = path.join(content, 'papers', `${PAPER}.mdx`);
		fs.writeFileSync(paperFile, fs.readFileSync(paperFile, 'utf8').replace(/^author: .*$/m, `$&\nanswers: ${questionId}`));
		const { dist: closed, project } = await build('ballot-loop-closed', CLOSING);
		const main = parse(fs.readFileSync(path.join(closed, 'segments', 'executives', 'index.html'), 'utf8')).querySelector('main')!;
		expect(fold(main.querySelector('.get-by-email .muted')!.text)).toBe('· 8 colleagues get them by email already');
		expect(fold(main.querySelector('.critical-choice .chosen-by')!.text)).toBe('Chosen by 5 of 6 executives in the December 2026 ballot.');
		expect(main.querySelectorAll('.critical-metrics > li [data-metric]').map((card) => card.getAttribute('data-metric'))).toEqual([
			'web-shop-page-load',
			'cloud-spend-variance',
			'phishing-click-rate',
		]);
		expect(main.querySelectorAll('table.tally tbody td').map((td) => fold(td.text))).toEqual(['5', '4', '3', '1', '1']);
		const usefulCount = (paper: string) =>
			parse(fs.readFileSync(path.join(closed, 'papers', paper, 'index.html'), 'utf8'))
				.querySelector('.useful-count')
				?.text.trim();
		expect(usefulCount('crm-beta-first-fortnight')).toBe('Useful to 2 of 3 colleagues who answered.');
		expect(usefulCount('cutting-cloud-spend')).toBe('Useful to 2 of 3 colleagues who answered.');
		expect(usefulCount(PAPER)).toBe('Useful to 1 of 1 colleague who answered.');
		expect(usefulCount('windows-10-end-of-support')).toBeUndefined();
		// The question, on /questions/ and on the page that answers it: by audience, never by name.
		const questions = parse(fs.readFileSync(path.join(closed, 'questions', 'index.html'), 'utf8')).querySelector('main')!;
		expect(questions.querySelectorAll('.questions > li').map((li) => li.getAttribute('data-question'))).toContain(questionId);
		const answered = questions.querySelector(`.questions > li[data-question="${questionId}"]`)!;
		expect(fold(answered.querySelector('h2')!.text)).toBe(QUESTION);
		expect(fold(answered.querySelector('.muted')!.text)).toBe('Asked by a reader in Executives on 3 November 2026');
		expect(answered.querySelector('a')!.getAttribute('href')).toBe(`/papers/${PAPER}/`);
		const paperPage = parse(fs.readFileSync(path.join(closed, 'papers', PAPER, 'index.html'), 'utf8')).querySelector('main')!;
		const aside = paperPage.querySelector('.answered-question')!;
		expect(fold(aside.querySelector('.question')!.text)).toBe(`“${QUESTION}”`);
		expect(fold(aside.querySelector('.muted')!.text)).toBe('Asked by a reader in Executives on 3 November 2026.');
		for (const page of [questions, paperPage, main])
			for (const person of [READER, JOINER, ASKER]) {
				expect(page.toString()).not.toContain(person.name);
				expect(page.toString()).not.toContain(person.from);
			}
		// The closed ballot's email is no longer published.
		expect(fs.existsSync(path.join(closed, 'ballots'))).toBe(false);

		// 6. The editors' page (the preview only) shows the Yes with its line of why, the request no
		// longer waiting, the question no longer open, and the ballot's tally.
		preview = await startDevServer({ project, content, now: CLOSING });
		const editors = await preview.page('editors/');
		const reception = editors.querySelector(`.reception[data-entry="paper/${PAPER}"]`)!;
		expect(fold(reception.querySelector('p')!.text)).toBe('Useful: 1 yes, 0 no.');
		expect(reception.querySelectorAll('li').map((li) => fold(li.text))).toEqual([
			`Yes: “Now I know what happens to the old file server.” (${READER.name}, 3 November 2026)`,
		]);
		const waiting = editors.querySelector('section[aria-labelledby="waiting-heading"]')!;
		expect(waiting.querySelectorAll('.requests li').length).toBeGreaterThan(0);
		expect(fold(waiting.querySelector('.requests')!.text)).not.toContain(JOINER.from);
		expect(waiting.querySelectorAll('.open-questions li').length).toBeGreaterThan(0);
		expect(waiting.querySelector(`.open-questions li[data-question="${questionId}"]`)).toBeNull();
		const tally = editors.querySelector(`.ballot[data-ballot="${BALLOT}"]`)!;
		expect(fold(tally.querySelector('p')!.text)).toBe('Closed on 15 December 2026. 5 voted of the 6 it was sent to.');
	});
});
