/**
 * The contacts file: checked like all content (file:line field: expected; found), edited by
 * `npm run contacts` without losing comments or order, and counted for the pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followerCount, readContacts, type Contact } from '../../src/checks/contacts';
import { appendInboxRecord, readInbox } from '../../src/content/inbox';
import { ENGLISH, formatProblem } from '../../src/content/problems';
import { listGrowth } from '../../src/outputs/list-growth';
import { contactsCommand } from '../../src/tools/contacts-cli';
import { withInboxLock } from '../../src/tools/inbox/lock';
import { ROOT, TMP } from '../helpers/build-hub';

let content: string;
let file: string;
let out: string;
let err: string;

const run = (...argv: string[]) => {
	out = '';
	err = '';
	return contactsCommand(argv, { out: (text) => (out += text), err: (text) => (err += text) });
};

const LIST = `# The list. Keep it short.
contacts:
  # Board members first.
  - name: Imogen Clarke
    email: imogen.clarke@test.example
    segments: [executives]
    joined: 2026-01-05
    asked: asked at the offsite
    feedback: true # said yes at once
  - name: Victor Osei
    email: victor.osei@test.example
    segments: [finance]
    joined: 2026-02-01
    asked: asked after the month-end paper
`;

beforeEach((context) => {
	content = path.join(TMP, 'contacts', context.task.id, 'content');
	fs.rmSync(path.dirname(content), { recursive: true, force: true });
	fs.mkdirSync(content, { recursive: true });
	fs.cpSync(path.join(ROOT, 'content/segments'), path.join(content, 'segments'), { recursive: true });
	file = path.join(content, 'contacts.yaml');
	fs.writeFileSync(file, LIST);
	vi.stubEnv('HOURGLASS_CONTENT', content);
	vi.stubEnv('HOURGLASS_NOW', '2026-11-29');
});

afterEach(() => {
	vi.unstubAllEnvs();
});

describe('the contacts file', () => {
	it('reads the example hub’s list without problems', async () => {
		const list = await readContacts(path.join(ROOT, 'content'));
		expect(list.problems).toEqual([]);
		expect(list.contacts.length).toBeGreaterThanOrEqual(8);
		for (const contact of list.contacts) expect(contact.email).toMatch(/@[a-z-]+\.example$/);
	});

	it('reports an unknown segment, an invalid address, a duplicate address and a leaving date before joining, each with its line', async () => {
		fs.writeFileSync(
			file,
			`${LIST}  - name: Lena Fischer
    email: lena.fischer@test
    segments: [executives, finanse]
    joined: 2026-03-01
    asked: asked by email
`,
		);
		const invalid = await readContacts(content);
		const relative = path.relative(process.cwd(), file);
		expect(invalid.problems.map((problem) => formatProblem(problem, ENGLISH))).toEqual([
			`${relative}:16:12 contacts[2].email: expected an email address such as name@example.com; found "lena.fischer@test"`,
		]);

		fs.writeFileSync(
			file,
			`${LIST}  - name: Lena Fischer
    email: Imogen.Clarke@test.example
    segments: [executives, finanse]
    joined: 2026-03-01
    asked: asked by email
    left: 2026-02-01
`,
		);
		const crossed = await readContacts(content);
		expect(crossed.problems.map((problem) => formatProblem(problem, ENGLISH))).toEqual([
			`${relative}:17:28 contacts[2].segments[1]: expected an existing segment, one of: all-staff, divisional-managers, executives, finance, superusers; found "finanse"`,
			`${relative}:16:12 contacts[2].email: expected an address no other contact has, but contacts[0] already has it; found "Imogen.Clarke@test.example"`,
			`${relative}:20:11 contacts[2].left: expected a date on or after joined (2026-03-01); found "2026-02-01"`,
		]);
	});

	it('counts followers on a day, and charts a segment’s growth from join and leave dates', () => {
		const contacts: Contact[] = [
			{ name: 'A A', email: 'a@x.example', segments: ['executives'], joined: new Date('2026-01-01'), asked: 'x x', feedback: false },
			{
				name: 'B B',
				email: 'b@x.example',
				segments: ['executives', 'finance'],
				joined: new Date('2026-02-01'),
				asked: 'x x',
				feedback: true,
				left: new Date('2026-04-01'),
			},
			{ name: 'C C', email: 'c@x.example', segments: ['finance'], joined: new Date('2026-03-01'), asked: 'x x', feedback: false },
		];
		expect(followerCount(contacts, 'executives', new Date('2026-03-15'))).toBe(2);
		expect(followerCount(contacts, 'executives', new Date('2026-04-01'))).toBe(1);
		expect(followerCount(contacts, 'finance', new Date('2025-12-31'))).toBe(0);
		expect(listGrowth(contacts, 'executives', new Date('2026-06-01')).map((p) => [p.date.toISOString().slice(0, 10), p.value])).toEqual([
			['2026-01-01', 1],
			['2026-02-01', 2],
			['2026-04-01', 1],
			['2026-06-01', 1],
		]);
		expect(listGrowth(contacts, 'superusers', new Date('2026-06-01'))).toEqual([]);
	});
});

describe('npm run contacts', () => {
	it('adds a contact at the end, keeping every comment and the order of the file', async () => {
		expect(
			await run(
				'add',
				'Lena Fischer',
				'lena.fischer@test.example',
				'--segment',
				'executives,finance',
				'--note',
				'asked after the CRM paper',
				'--feedback',
			),
		).toBe(0);
		expect(out).toBe('Added Lena Fischer <lena.fischer@test.example> to executives, finance from 2026-11-29.\n');
		expect(fs.readFileSync(file, 'utf8')).toBe(
			`${LIST}  - name: Lena Fischer
    email: lena.fischer@test.example
    segments: [executives, finance]
    joined: 2026-11-29
    asked: asked after the CRM paper
    feedback: true
`,
		);
		expect((await readContacts(content)).problems).toEqual([]);
	});

	it('adds a segment to someone already on the list instead of a second entry', async () => {
		expect(await run('add', 'Victor Osei', 'Victor.Osei@test.example', '--segment', 'executives')).toBe(0);
		expect(out).toContain('now also follows executives');
		const { contacts } = await readContacts(content);
		expect(contacts.map((c) => [c.email, c.segments])).toEqual([
			['imogen.clarke@test.example', ['executives']],
			['victor.osei@test.example', ['finance', 'executives']],
		]);
	});

	it('writes nothing for an unknown segment, and says which exist', async () => {
		expect(await run('add', 'Lena Fischer', 'lena.fischer@test.example', '--segment', 'finanse')).toBe(1);
		expect(err).toContain(
			'unknown segment "finanse": expected an existing segment, one of: all-staff, divisional-managers, executives, finance, superusers',
		);
		expect(fs.readFileSync(file, 'utf8')).toBe(LIST);
	});

	it('writes nothing for an invalid address', async () => {
		expect(await run('add', 'Lena Fischer', 'lena.fischer', '--segment', 'finance')).toBe(1);
		expect(err).toMatch(/contacts\[2\]\.email: expected an email address such as name@example\.com; found "lena\.fischer"/);
		expect(fs.readFileSync(file, 'utf8')).toBe(LIST);
	});

	it('remove keeps the contact with the day they left, and list shows only those on the list', async () => {
		expect(await run('remove', 'victor.osei@test.example', '--date', '2026-11-20')).toBe(0);
		expect(fs.readFileSync(file, 'utf8')).toBe(
			LIST.replace('    asked: asked after the month-end paper\n', '    asked: asked after the month-end paper\n    left: 2026-11-20\n'),
		);
		expect(await run('remove', 'victor.osei@test.example')).toBe(1);
		expect(err).toContain('already left the list on 2026-11-20');

		expect(await run('list')).toBe(0);
		expect(out).toContain('Imogen Clarke <imogen.clarke@test.example>');
		expect(out).not.toContain('Victor Osei');
		expect(out).toContain('1 on the list.');
		expect(await run('list', '--all')).toBe(0);
		expect(out).toContain('Victor Osei <victor.osei@test.example>');
		expect(out).toContain('left 2026-11-20');
	});
});

describe('npm run contacts -- approve', () => {
	const request = (from: string, note: string, reason?: string) => {
		appendInboxRecord(
			{
				kind: 'list-request',
				messageId: `<${from}>`,
				date: new Date('2026-11-20T09:00:00Z'),
				from,
				name: 'Display Name',
				segments: ['executives', 'finance'],
				status: 'pending',
				note,
				...(reason ? { reason } : {}),
			},
			content,
		);
	};

	it('adds the sender with the segments, name and feedback the request gave, and closes the request', async () => {
		request(
			'olu.adeyemi@test.example',
			'Please add me.\n\nI am happy to say whether they are useful (yes or no): yes\n\nName: Olu Adeyemi\nRole: Finance Director',
		);
		expect(await run('pending')).toBe(0);
		expect(out).toBe(
			'2026-11-20 Olu Adeyemi <olu.adeyemi@test.example>, Finance Director: executives, finance\n1 list request pending; npm run contacts -- approve <email> adds one.\n',
		);

		expect(await run('approve', 'olu.adeyemi@test.example')).toBe(0);
		expect(out).toBe('Added Olu Adeyemi <olu.adeyemi@test.example> to executives, finance from 2026-11-29.\n');
		const { contacts } = await readContacts(content);
		expect(contacts.at(-1)).toEqual({
			name: 'Olu Adeyemi',
			email: 'olu.adeyemi@test.example',
			segments: ['executives', 'finance'],
			joined: new Date('2026-11-29'),
			asked: 'asked by email on 2026-11-20 for executives, finance',
			feedback: true,
		});
		expect(readInbox(content)).toEqual([expect.objectContaining({ status: 'approved' })]);
		expect(await run('approve', 'olu.adeyemi@test.example')).toBe(1);
		expect(err).toBe('npm run contacts: no pending list request from olu.adeyemi@test.example; npm run contacts -- pending lists them\n');
	});

	it('names the reason an editor must look at, and declines without adding', async () => {
		request('someone@elsewhere.example', 'Name:\nRole:', "from outside the organisation's mail domains (test.example)");
		expect(await run('approve', 'someone@elsewhere.example')).toBe(0);
		expect(out).toMatch(/^Note: the request came from outside the organisation's mail domains \(test\.example\)\.\nAdded Display Name/);

		request('another@elsewhere.example', '');
		expect(await run('decline', 'another@elsewhere.example')).toBe(0);
		expect(readInbox(content).map((r) => r.kind === 'list-request' && r.status)).toEqual(['approved', 'declined']);
		expect((await readContacts(content)).contacts.map((c) => c.email)).not.toContain('another@elsewhere.example');
	});

	it('changes nothing while another command writes the inbox records, and says so', async () => {
		request('olu.adeyemi@test.example', 'Name: Olu Adeyemi');
		const before = fs.readFileSync(file, 'utf8');
		// Rewriting the year's file now would drop a record the run appends meanwhile.
		const refused = await withInboxLock(content, async () => [
			await run('approve', 'olu.adeyemi@test.example'),
			await run('decline', 'olu.adeyemi@test.example'),
		]);
		expect(refused).toEqual([1, 1]);
		expect(err).toMatch(
			/^npm run contacts: another command is writing to \S*inbox\/ now \(npm run inbox, or npm run contacts -- approve or decline\); run this again once it has finished \(nothing was changed\)\./,
		);
		expect(fs.readFileSync(file, 'utf8')).toBe(before);
		expect(readInbox(content)).toEqual([expect.objectContaining({ status: 'pending' })]);

		expect(await run('approve', 'olu.adeyemi@test.example')).toBe(0);
		expect(readInbox(content)).toEqual([expect.objectContaining({ status: 'approved' })]);
	});
});
