import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dueCommand, dueChanges, type Change } from '../../src/tools/due';
import { ROOT } from '../helpers/build-hub';

const FIXTURE = path.join(ROOT, 'tests/fixtures/basic/content');
const CAMPAIGNS = path.join(ROOT, 'tests/fixtures/campaigns/content');

/** A change as a line of the test: its day, file and what happens. */
const brief = (change: Change) => [
	change.on.toISOString().slice(0, 10),
	path.basename(change.file),
	change.kind === 'status'
		? `${change.from} -> ${change.to}`
		: change.kind === 'activity'
			? `${change.status}: ${change.activity}`
			: change.kind,
];

async function run(argv: string[], now: string, content = FIXTURE) {
	process.env.HOURGLASS_CONTENT = content;
	process.env.HOURGLASS_NOW = now;
	let out = '';
	let err = '';
	const code = await dueCommand(argv, { out: (text) => (out += text), err: (text) => (err += text) });
	return { code, out, err };
}

describe('npm run due', () => {
	afterEach(() => {
		delete process.env.HOURGLASS_CONTENT;
		delete process.env.HOURGLASS_NOW;
	});

	it('lists what the publication rule puts live or archives in the next 14 days, and no draft', async () => {
		const { changes } = await dueChanges(FIXTURE, new Date('2026-01-25T06:00:00Z'), 14);
		expect(changes.map(brief)).toEqual([['2026-01-31', 'old-laptops.mdx', 'live -> archived']]);

		const { changes: later } = await dueChanges(FIXTURE, new Date('2026-02-20T06:00:00Z'), 60);
		expect(later.map(brief)).toEqual([
			['2026-03-02', 'cloud-savings.mdx', 'scheduled -> live'],
			['2026-04-10', 'phishing-drill.mdx', 'scheduled -> live'],
		]);
	});

	it('prints each change with its day, kind, title and file, and says when nothing is due', async () => {
		const soon = await run([], '2026-01-25T06:00:00Z');
		expect(soon.code).toBe(0);
		expect(soon.out).toMatch(/^In the next 14 days \(to 8 February 2026\)/);
		expect(soon.out).toMatch(
			/^ {2}31 January 2026 {2}position paper ".+" leaves lists, feeds and search \(archived: its page stays\) \(.*old-laptops\.mdx\)$/m,
		);

		const quiet = await run(['--days', '3'], '2026-06-10');
		expect(quiet.out).toBe(
			'Nothing goes live or leaves in the next 3 days (to 13 June 2026): until then a rebuild changes no list, feed or search index.\n',
		);

		const json = await run(['--days', '60', '--format', 'json'], '2026-02-20T06:00:00Z');
		expect((JSON.parse(json.out) as { on: string }[]).map((change) => change.on)).toEqual([
			'2026-03-02T06:00:00.000Z',
			'2026-04-10T06:00:00.000Z',
		]);
	});

	it('refuses a span that is not a whole number of days', async () => {
		const { code, err } = await run(['--days', 'fortnight'], '2026-06-10');
		expect(code).toBe(1);
		expect(err).toBe('npm run due: --days: expected a whole number of days, 1 or more; found "fortnight"\n');
	});

	it("lists a live campaign's activities as their days come, and its end, but no dropped activity", async () => {
		const { changes } = await dueChanges(CAMPAIGNS, new Date('2026-02-01T06:00:00Z'), 40);
		// The peer visit on 12 March was dropped: nothing is due for it.
		expect(changes.map(brief)).toEqual([
			['2026-02-10', 'handhelds-for-stores.mdx', 'done: Interviews with six store managers about the Monday stock check'],
		]);

		const { changes: summer } = await dueChanges(CAMPAIGNS, new Date('2026-06-25T06:00:00Z'), 14);
		expect(summer.map(brief)).toEqual([
			['2026-07-01', 'handhelds-for-stores.mdx', 'planned: Pilot stores review the scanning screen with IT'],
		]);

		const { changes: winter } = await dueChanges(CAMPAIGNS, new Date('2026-12-20T06:00:00Z'), 14);
		// Past its end date (31 December) the next build lists it as finished: the rule the campaign pages use.
		expect(winter.map(brief)).toEqual([['2026-12-31', 'handhelds-for-stores.mdx', 'campaign-end']]);
	});

	it("prints campaign ends and activities in the same lines as entries, with the stage in the hub's words", async () => {
		const summer = await run(['--days', '80'], '2026-06-25T06:00:00Z', CAMPAIGNS);
		expect(summer.code).toBe(0);
		expect(summer.out.split('\n').slice(1, 3)).toEqual([
			'  1 July 2026       campaign "Handhelds for every store" planned activity "Pilot stores review the scanning screen with IT" (Try) is due: mark it done or dropped (tests/fixtures/campaigns/content/campaigns/handhelds-for-stores.mdx)',
			'  1 September 2026  campaign "Handhelds for every store" planned activity "Roll-out to all forty stores" (Buy) is due: mark it done or dropped (tests/fixtures/campaigns/content/campaigns/handhelds-for-stores.mdx)',
		]);

		const winter = await run([], '2026-12-20T06:00:00Z', CAMPAIGNS);
		expect(winter.out).toContain(
			'  31 December 2026  campaign "Handhelds for every store" ends: it moves to the finished campaigns, stopped at the stage it reached (tests/fixtures/campaigns/content/campaigns/handhelds-for-stores.mdx)\n',
		);

		const json = await run(['--format', 'json'], '2026-12-20T06:00:00Z', CAMPAIGNS);
		expect(JSON.parse(json.out)).toEqual([
			expect.objectContaining({ kind: 'campaign-end', on: '2026-12-31T06:00:00.000Z', collection: 'campaigns' }),
		]);
	});

	it('says when a done activity starts to count, and lists nothing of a draft campaign', async () => {
		const copy = await fs.mkdtemp(path.join(os.tmpdir(), 'hourglass-due-'));
		try {
			await fs.cp(CAMPAIGNS, copy, { recursive: true });
			const file = path.join(copy, 'campaigns/handhelds-for-stores.mdx');
			const source = await fs.readFile(file, 'utf8');
			// Written up ahead as done: it counts from its date, so the stage moves on that day's build.
			await fs.writeFile(file, source.replace('date: 2026-07-01, status: planned', 'date: 2026-07-01, status: done'));
			const ahead = await run([], '2026-06-25T06:00:00Z', copy);
			expect(ahead.out).toContain(
				'campaign "Handhelds for every store" activity "Pilot stores review the scanning screen with IT" (Try) counts as done: its stage, drawing and feed show it',
			);

			await fs.writeFile(file, source.replace('end: 2026-12-31', 'end: 2026-12-31\ndraft: true'));
			// Only the paper it files, written ahead, still goes live.
			expect((await dueChanges(copy, new Date('2026-06-25T06:00:00Z'), 200)).changes.map(brief)).toEqual([
				['2026-09-15', 'handheld-pilot-first-quarter.mdx', 'scheduled -> live'],
			]);
		} finally {
			await fs.rm(copy, { recursive: true, force: true });
		}
	});
});
