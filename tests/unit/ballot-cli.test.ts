/**
 * `npm run ballot -- close`: the three most picked become the segment's critical ranks, with the
 * ballot named beside them; a tie that decides a place stops it with nothing written until the
 * editors settle it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { ballotCommand } from '../../src/tools/ballot-cli';
import { ROOT, TMP } from '../helpers/build-hub';

const BALLOT = 'superusers-2026-11';
let content: string;
let out: string;
let err: string;

const run = (...argv: string[]) => {
	out = '';
	err = '';
	return ballotCommand(argv, {
		out: (text) => (out += text),
		err: (text) => (err += text),
		env: { HOURGLASS_NOW: '2026-11-17T09:00:00Z' },
	});
};
const metric = (id: string) =>
	parse(fs.readFileSync(path.join(content, 'metrics', `${id}.yaml`), 'utf8')) as {
		critical?: Record<string, number>;
		chosenIn?: Record<string, string>;
		segments: string[];
	};
const ballotFile = () => parse(fs.readFileSync(path.join(content, 'ballots', `${BALLOT}.yaml`), 'utf8')) as Record<string, unknown>;
const snapshot = () =>
	Object.fromEntries(
		['metrics', 'ballots'].flatMap((folder) =>
			fs.readdirSync(path.join(content, folder)).map((name) => [name, fs.readFileSync(path.join(content, folder, name), 'utf8')]),
		),
	);

/** Picks as `npm run inbox` records them: voter → metrics, in the order they clicked. */
function votes(byVoter: Record<string, string[]>): void {
	let minute = 0;
	const records = Object.entries(byVoter).flatMap(([voter, metrics]) =>
		metrics.map((id) => ({
			kind: 'pick',
			messageId: `<pick-${minute}@mail.example>`,
			date: new Date(Date.UTC(2026, 10, 3, 9, minute++)).toISOString(),
			from: `${voter}@northwind.example`,
			ballot: BALLOT,
			metric: id,
		})),
	);
	fs.writeFileSync(path.join(content, 'inbox', '2026.yaml'), stringify(records));
}

beforeEach((context) => {
	content = path.join(TMP, 'ballot-cli', context.task.id, 'content');
	fs.rmSync(path.dirname(content), { recursive: true, force: true });
	for (const part of ['segments', 'metrics', 'ballots', 'hub.yaml', 'logo.svg', 'topics.yaml']) {
		fs.cpSync(path.join(ROOT, 'content', part), path.join(content, part), { recursive: true });
	}
	fs.mkdirSync(path.join(content, 'inbox'));
	// The example's ballot, as it stood before it was closed.
	const ballot = path.join(content, 'ballots', `${BALLOT}.yaml`);
	fs.writeFileSync(ballot, fs.readFileSync(ballot, 'utf8').replace(/^closed: .*\n/m, ''));
	for (const name of fs.readdirSync(path.join(content, 'metrics'))) {
		const file = path.join(content, 'metrics', name);
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^chosenIn: .*\n/m, ''));
	}
	vi.stubEnv('HOURGLASS_CONTENT', content);
});

afterEach(() => {
	vi.unstubAllEnvs();
});

describe('npm run ballot -- close', () => {
	it('writes the three most picked as the segment’s ranks, naming the ballot, and closes it', async () => {
		votes({
			ana: ['quote-turnaround', 'checkout-availability', 'till-outage-minutes'],
			ben: ['quote-turnaround', 'checkout-availability', 'till-outage-minutes'],
			cy: ['quote-turnaround', 'checkout-availability', 'web-shop-page-load'],
			dee: ['quote-turnaround'],
		});
		expect(await run('close', BALLOT)).toBe(0);
		expect(out).toContain('4 people voted');
		expect(metric('quote-turnaround')).toMatchObject({ critical: { superusers: 1 }, chosenIn: { superusers: BALLOT } });
		// A metric written for other segments gains this one, since its focus group chose it.
		expect(metric('quote-turnaround').segments).toContain('superusers');
		expect(metric('checkout-availability').critical).toEqual({ executives: 1, 'divisional-managers': 2, finance: 2, superusers: 2 });
		expect(metric('till-outage-minutes')).toMatchObject({ critical: { superusers: 3 }, chosenIn: { superusers: BALLOT } });
		// The ranks the segment had before go; other segments' ranks stay.
		expect(metric('first-contact-resolution').critical).toEqual({ 'all-staff': 1 });
		expect(metric('crm-adoption').critical).toBeUndefined();
		expect(ballotFile()).toMatchObject({ closed: '2026-11-17' });
		expect(ballotFile().tieSettled).toBeUndefined();
	});

	it('keeps each file as the writer left it, but for the lines it changes', async () => {
		votes({
			ana: ['first-contact-resolution', 'till-outage-minutes', 'crm-adoption'],
			ben: ['first-contact-resolution', 'till-outage-minutes'],
			cy: ['first-contact-resolution'],
		});
		const before = fs.readFileSync(path.join(content, 'metrics', 'till-outage-minutes.yaml'), 'utf8');
		expect(await run('close', BALLOT)).toBe(0);
		const after = fs.readFileSync(path.join(content, 'metrics', 'till-outage-minutes.yaml'), 'utf8');
		expect(after).toBe(before.replace(/^(critical: .*\n)/m, `$1chosenIn: { superusers: ${BALLOT} }\n`));
	});

	it('lists a tie for third place and writes nothing', async () => {
		votes({
			ana: ['first-contact-resolution', 'till-outage-minutes', 'crm-adoption'],
			ben: ['first-contact-resolution', 'till-outage-minutes', 'quote-turnaround'],
			cy: ['first-contact-resolution'],
		});
		const before = snapshot();
		expect(await run('close', BALLOT)).toBe(1);
		expect(err).toContain('third and fourth place: quote-turnaround and crm-adoption have 1 pick each');
		expect(err).toContain('Nothing was written');
		expect(err).toContain(`npm run ballot -- close ${BALLOT} --order `);
		expect(snapshot()).toEqual(before);
	});

	it('lists a tie for first place too, since the order is the ranks', async () => {
		votes({
			ana: ['first-contact-resolution', 'till-outage-minutes', 'crm-adoption'],
			ben: ['first-contact-resolution', 'till-outage-minutes'],
		});
		expect(await run('close', BALLOT)).toBe(1);
		expect(err).toContain('first and second place: first-contact-resolution and till-outage-minutes have 2 picks each');
	});

	it('takes the editors’ order for a tie, and says so in the ballot', async () => {
		votes({
			ana: ['first-contact-resolution', 'till-outage-minutes', 'crm-adoption'],
			ben: ['first-contact-resolution', 'till-outage-minutes', 'quote-turnaround'],
			cy: ['first-contact-resolution'],
		});
		expect(await run('close', BALLOT, '--order', 'first-contact-resolution,till-outage-minutes,quote-turnaround')).toBe(0);
		expect(metric('quote-turnaround').critical).toMatchObject({ superusers: 3 });
		expect(metric('crm-adoption').critical).toBeUndefined();
		expect(ballotFile()).toMatchObject({ closed: '2026-11-17', tieSettled: ['quote-turnaround', 'crm-adoption'] });
	});

	it('refuses an order that overrules the tally, and writes nothing', async () => {
		votes({
			ana: ['first-contact-resolution', 'till-outage-minutes', 'crm-adoption'],
			ben: ['first-contact-resolution', 'till-outage-minutes', 'quote-turnaround'],
			cy: ['first-contact-resolution'],
		});
		const before = snapshot();
		expect(await run('close', BALLOT, '--order', 'crm-adoption,first-contact-resolution,till-outage-minutes')).toBe(1);
		expect(err).toContain('--order: expected 3 metric ids someone picked, most picked first, choosing only inside the ties');
		expect(snapshot()).toEqual(before);
	});

	it('refuses a ballot nobody voted in, a closed one and an unknown one', async () => {
		votes({});
		expect(await run('close', BALLOT)).toBe(1);
		expect(err).toContain(`nobody picked a metric in ${BALLOT}: nothing was written`);
		votes({
			ana: ['first-contact-resolution', 'till-outage-minutes', 'crm-adoption'],
			ben: ['first-contact-resolution', 'till-outage-minutes'],
			cy: ['first-contact-resolution'],
		});
		expect(await run('close', BALLOT)).toBe(0);
		expect(await run('close', BALLOT)).toBe(1);
		expect(err).toMatch(/superusers-2026-11\.yaml was closed on 2026-11-17/);
		expect(await run('close', 'superusers-2025-11')).toBe(1);
		expect(err).toContain('no ballot "superusers-2025-11": expected an existing ballot, one of: superusers-2026-11');
	});

	it('prints the result and writes nothing on a dry run', async () => {
		votes({
			ana: ['first-contact-resolution', 'till-outage-minutes', 'crm-adoption'],
			ben: ['first-contact-resolution', 'till-outage-minutes'],
			cy: ['first-contact-resolution'],
		});
		const before = snapshot();
		expect(await run('close', BALLOT, '--dry-run')).toBe(0);
		expect(out).toContain('1. first-contact-resolution (Problems fixed on the first call)');
		expect(snapshot()).toEqual(before);
	});
});
