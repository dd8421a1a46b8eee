/**
 * `npm run inbox` over a big mailbox (issue 24): a real Dovecot holding `messages` messages, of
 * which `tagged` are replies built from the hub's own links (feedback, list requests, questions),
 * the rest ordinary mail. Times the first run, which records every tagged message, and a second
 * run with nothing new, which only asks the server for messages after the watermark.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDovecot } from '../tests/helpers/dovecot.ts';
import { replyTo } from '../tests/helpers/mail-client.ts';
import { measure, mb, seconds, type RunResult } from './measure.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const EDITORS = 'it-editors@northwind.example';
const PAPERS = ['cutting-cloud-spend', 'phishing-is-our-biggest-risk', 'replacing-store-tills', 'month-end-reports-in-hours'];

// The hub's modules import without extensions, as Astro's bundler allows: Node needs the hub's hooks for them.
await import('../src/tools/lint/node-hooks.ts');
const { listRequest, questionLink, usefulLinks } = await import('../src/content/mailto.ts');
const { createLocale } = await import('../src/content/i18n/index.ts');
const en = createLocale('en-GB');

/** The i-th tagged reply: mostly Yes and No on papers, some list requests and questions, from several mail clients. */
function taggedLink(i: number): string {
	if (i % 10 === 7) return listRequest(en, EDITORS, [{ id: 'executives', name: 'Executives' }]);
	if (i % 10 === 9) return questionLink(en, EDITORS, { id: 'finance', name: 'Finance' });
	const links = usefulLinks(en, EDITORS, `paper/${PAPERS[i % PAPERS.length]!}`, 'A paper', 'priya.raman@northwind.example');
	return i % 3 === 0 ? links.no : links.yes;
}

const ordinary = (i: number) =>
	`From: colleague${i}@northwind.example\r\nTo: ${EDITORS}\r\nSubject: Re: rota for week ${i % 52}\r\nMessage-ID: <plain.${i}@northwind.example>\r\nDate: Mon, 2 Nov 2026 09:00:00 +0000\r\n\r\nSee you then.\r\n`;

export interface InboxBench {
	first: RunResult;
	again: RunResult;
	recorded: number;
}

export async function benchInbox(messages: number, tagged: number, tmp: string): Promise<InboxBench> {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hourglass-bench-inbox-'));
	const content = path.join(work, 'content');
	fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
	fs.rmSync(path.join(content, 'inbox'), { recursive: true, force: true });
	const dovecot = await startDovecot();
	try {
		const every = Math.max(1, Math.floor(messages / tagged));
		const raws: Buffer[] = [];
		for (let i = 0, t = 0; i < messages; i++) {
			if (i % every === 0 && t < tagged) {
				raws.push(
					await replyTo(taggedLink(t), {
						from: `reader${t}@northwind.example`,
						says: `Reason number ${t}: it spoke to our costs.`,
						style: (['outlook', 'gmail', 'html-only', 'plain'] as const)[t % 4],
						prefix: t % 2 ? 'Re: ' : 'AW: ',
						messageId: `<tagged.${t}@northwind.example>`,
						date: new Date(Date.UTC(2026, 10, 1 + (t % 20), 9)),
					}),
				);
				t++;
			} else raws.push(Buffer.from(ordinary(i)));
		}
		await dovecot.deliverMany(raws);
		const env = {
			...process.env,
			HOURGLASS_CONTENT: content,
			HOURGLASS_NOW: '2026-11-25T12:00:00Z',
			IMAP_URL: dovecot.url,
			IMAP_PASSWORD: dovecot.password,
		};
		const run = (name: string) =>
			measure(process.execPath, ['scripts/inbox.ts'], { cwd: ROOT, env, logFile: path.join(tmp, `inbox-${name}.log`) });
		const first = await run('first');
		const again = await run('again');
		for (const [name, result] of [
			['first', first],
			['again', again],
		] as const) {
			if (result.code !== 0) throw new Error(`npm run inbox (${name} run) failed:\n${result.lines.map((line) => line.text).join('\n')}`);
		}
		const recorded = fs
			.readdirSync(path.join(content, 'inbox'))
			.filter((file) => /^\d{4}\.yaml$/.test(file))
			.reduce((sum, file) => sum + (fs.readFileSync(path.join(content, 'inbox', file), 'utf8').match(/^- kind:/gm)?.length ?? 0), 0);
		return { first, again, recorded };
	} finally {
		await dovecot.stop();
		fs.rmSync(work, { recursive: true, force: true });
	}
}

/** Prints the figures beside the targets. */
export function reportInbox(result: InboxBench, messages: number, tagged: number, report: (label: string, value: string) => void): void {
	console.log(`\n=== npm run inbox: ${messages.toLocaleString('en-GB')} messages, ${tagged.toLocaleString('en-GB')} tagged (issue 24) ===`);
	// Wall time is what an editor waits; CPU time (the process tree's) says what a run costs when other work shares the cores.
	report(
		'first run (records every tagged message)',
		`${seconds(result.first.wallMs)} (target < 60 s), CPU ${seconds(result.first.cpuMs)}, peak ${mb(result.first.peakRssBytes)}`,
	);
	report('second run (nothing new)', `${seconds(result.again.wallMs)} (target < 5 s), CPU ${seconds(result.again.cpuMs)}`);
	report(
		'load average after',
		os
			.loadavg()
			.map((load) => load.toFixed(1))
			.join(' '),
	);
	report('records written', String(result.recorded));
}
