import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inboxProblems } from '../../../src/checks/inbox';
import {
	appendInboxRecord,
	readInbox,
	readInboxFiles,
	readWatermarks,
	updateInboxRecords,
	writeWatermark,
	type InboxRecord,
} from '../../../src/content/inbox';
import { ENGLISH, formatProblem } from '../../../src/content/problems';
import { listeningOf, openQuestions, receptionOf } from '../../../src/hub/listening';

let dir: string;
let cwd: string;
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hourglass-inbox-'));
	cwd = process.cwd();
	process.chdir(dir);
});
afterEach(() => {
	process.chdir(cwd);
	fs.rmSync(dir, { recursive: true, force: true });
});

const sent = (n: number, date = '2026-11-03T09:00:00Z') => ({ messageId: `<m${n}@northwind.example>`, date: new Date(date), from: `p${n}@northwind.example` });
const yes: InboxRecord = { kind: 'feedback', ...sent(1), entry: 'paper/cutting-cloud-spend', useful: true, why: 'Numbers: "30 %" & a # that YAML: would [break]' };
const question: InboxRecord = {
	kind: 'question',
	...sent(2),
	id: 'how-will-ai-affect-me',
	segment: 'executives',
	question: 'How will AI affect me?',
	status: 'open',
};
const request: InboxRecord = { kind: 'list-request', ...sent(3, '2025-12-30T09:00:00Z'), segments: ['executives'], status: 'pending' };

describe('inbox records', () => {
	it('are appended to the file of their year and read back whole, whatever the text holds', () => {
		for (const record of [yes, question, request]) appendInboxRecord(record, dir);
		expect(fs.readdirSync(path.join(dir, 'inbox')).sort()).toEqual(['2025.yaml', '2026.yaml']);
		expect(readInbox(dir)).toEqual([request, yes, question]);
		expect(fs.readFileSync(path.join(dir, 'inbox', '2026.yaml'), 'utf8')).toMatch(/^# Inbox records/);
	});

	it('change in place, keeping the comments in the file', () => {
		appendInboxRecord(request, dir);
		expect(updateInboxRecords((r) => (r.kind === 'list-request' ? { ...r, status: 'approved' } : undefined), dir)).toBe(1);
		expect(readInbox(dir)).toEqual([{ ...request, status: 'approved' }]);
		expect(fs.readFileSync(path.join(dir, 'inbox', '2025.yaml'), 'utf8')).toMatch(/^# Inbox records/);
	});

	it('report a broken file with its line, through the one formatter', () => {
		fs.mkdirSync(path.join(dir, 'inbox'));
		fs.writeFileSync(path.join(dir, 'inbox', '2026.yaml'), '- kind: feedback\n  messageId: <a@b>\n  date: 2026-11-03\n  from: not-an-address\n  entry: paper/x\n  useful: true\n');
		const { problems } = readInboxFiles(dir);
		expect(problems.map((problem) => formatProblem(problem, ENGLISH))).toEqual([expect.stringMatching(/^inbox\/2026\.yaml:4:9 \[0\]\.from: expected .*address/)]);
	});

	it('keep a watermark per mailbox', () => {
		writeWatermark({ mailbox: 'editors@host:993/INBOX', uidValidity: 7, lastUid: 40 }, dir);
		writeWatermark({ mailbox: 'other@host:993/INBOX', uidValidity: 1, lastUid: 2 }, dir);
		writeWatermark({ mailbox: 'editors@host:993/INBOX', uidValidity: 7, lastUid: 41 }, dir);
		expect(readWatermarks(dir).mailboxes).toEqual([
			{ mailbox: 'other@host:993/INBOX', uidValidity: 1, lastUid: 2 },
			{ mailbox: 'editors@host:993/INBOX', uidValidity: 7, lastUid: 41 },
		]);
		// The watermark is not a year file: it is no record.
		expect(readInbox(dir)).toEqual([]);
	});
});

describe('the inbox checks', () => {
	const ids = (collection: string) => ({ papers: ['cutting-cloud-spend'], segments: ['executives'], metrics: ['till-uptime'] })[collection] ?? [];
	it('name every record that points nowhere, a message recorded twice and an answer to no question', () => {
		const records: InboxRecord[] = [
			yes,
			{ ...yes, entry: 'paper/gone' },
			{ kind: 'feedback', ...sent(4), entry: 'issue/9', useful: false },
			{ kind: 'pick', ...sent(5), ballot: 'b1', metric: 'nps' },
			{ ...request, segments: ['executives', 'board'] },
			question,
			{ ...question, ...sent(6) },
		];
		const problems = inboxProblems([{ file: 'inbox/2026.yaml', records }], {
			ids,
			issues: [1],
			answers: [{ file: 'papers/ai.mdx', id: 'how-will-ai-affect-you' }],
		});
		expect(problems.map((problem) => formatProblem(problem, ENGLISH))).toEqual([
			'inbox/2026.yaml [1].messageId: expected a message recorded once, but inbox/2026.yaml [0] already has it; found "<m1@northwind.example>"',
			'inbox/2026.yaml [1].entry: expected an existing position paper, one of: cutting-cloud-spend; found "gone"',
			'inbox/2026.yaml [2].entry: expected an existing newsletter issue, one of: 1; found "issue/9"',
			'inbox/2026.yaml [3].metric: expected an existing metric, one of: till-uptime; found "nps"',
			'inbox/2026.yaml [4].segments[1]: expected an existing segment, one of: executives; found "board"',
			'inbox/2026.yaml [6].id: expected a question id no other question has, but inbox/2026.yaml [5] already has it; found "how-will-ai-affect-me"',
			'papers/ai.mdx answers: expected an existing question id (from content/inbox/), one of: how-will-ai-affect-me; found "how-will-ai-affect-you"',
		]);
	});
});

describe('what the hub heard', () => {
	it('counts yes and no per entry, and a question is open until a page answers it', () => {
		const no: InboxRecord = { kind: 'feedback', ...sent(7), entry: 'paper/cutting-cloud-spend', useful: false };
		const open = listeningOf([yes, no, question, request], new Map<string, string>());
		expect(receptionOf(open, 'paper/cutting-cloud-spend')).toMatchObject({ yes: 1, no: 1 });
		expect(receptionOf(open, 'paper/other')).toMatchObject({ yes: 0, no: 0 });
		expect(openQuestions(open).map((q) => q.record.id)).toEqual(['how-will-ai-affect-me']);
		expect(open.pendingRequests).toEqual([request]);
		const answered = listeningOf([question], new Map([['how-will-ai-affect-me', 'the AI paper']]));
		expect(answered.questions).toEqual([{ record: question, status: 'answered', answer: 'the AI paper' }]);
	});
});
