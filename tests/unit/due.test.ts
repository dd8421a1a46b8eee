import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dueCommand, dueChanges } from '../../src/tools/due';
import { ROOT } from '../helpers/build-hub';

const FIXTURE = path.join(ROOT, 'tests/fixtures/basic/content');

async function run(argv: string[], now: string) {
	process.env.HOURGLASS_CONTENT = FIXTURE;
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
		expect(changes.map(({ on, file, to }) => ({ on: on.toISOString().slice(0, 10), file: path.basename(file), to }))).toEqual([
			{ on: '2026-01-31', file: 'old-laptops.mdx', to: 'archived' },
		]);

		const { changes: later } = await dueChanges(FIXTURE, new Date('2026-02-20T06:00:00Z'), 60);
		expect(later.map(({ on, file, from, to }) => [on.toISOString().slice(0, 10), path.basename(file), from, to])).toEqual([
			['2026-03-02', 'cloud-savings.mdx', 'scheduled', 'live'],
			['2026-04-10', 'phishing-drill.mdx', 'scheduled', 'live'],
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
});
