import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendRecord, readLedger, servedBy, settleInFlight, startInFlight, uncertainFor } from '../../../src/content/ledger';

let dir: string;
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hourglass-ledger-'));
});
afterEach(() => {
	fs.rmSync(dir, { recursive: true, force: true });
});

const pending = { entry: 'paper/cloud', to: 'ann@test.example', messageId: '<m1@test.example>', at: new Date('2026-11-29T07:00:00Z') };

describe('the message in flight', () => {
	it('becomes an uncertain record when a run stopped before the answer, which counts as served until delivered', () => {
		startInFlight(pending, dir);
		expect(settleInFlight(readLedger(dir), dir)).toMatchObject({ ...pending, result: 'uncertain' });
		const records = readLedger(dir);
		expect(records).toEqual([expect.objectContaining({ messageId: '<m1@test.example>', result: 'uncertain' })]);
		expect(servedBy(records, 'paper/cloud')).toEqual(new Set(['ann@test.example']));
		expect(uncertainFor(records, 'paper/cloud')).toEqual(new Map([['ann@test.example', expect.objectContaining({ messageId: '<m1@test.example>' })]]));
		expect(settleInFlight(readLedger(dir), dir)).toBeUndefined();

		appendRecord({ ...pending, messageId: '<m2@test.example>', at: new Date('2026-11-30T07:00:00Z'), result: 'sent' }, dir);
		expect(uncertainFor(readLedger(dir), 'paper/cloud')).toEqual(new Map());
	});

	it('adds nothing when the answer reached the ledger before the run stopped', () => {
		startInFlight(pending, dir);
		appendRecord({ ...pending, result: 'sent' }, dir);
		expect(settleInFlight(readLedger(dir), dir)).toBeUndefined();
		expect(readLedger(dir).map((record) => record.result)).toEqual(['sent']);
		expect(fs.readdirSync(path.join(dir, 'sent'))).toEqual(['2026.yaml']);
	});
});
