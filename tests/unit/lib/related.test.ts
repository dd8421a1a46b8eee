import { describe, expect, it } from 'vitest';
import { related, relatedAmong, type Relatable } from '../../../src/hub/related';

const entry = (id: string, topics: string[], segments: string[], date = '2026-01-01'): Relatable => ({
	id,
	topics,
	segments,
	date: new Date(date),
});

describe('related', () => {
	const me = entry('me', ['cloud', 'cost'], ['finance']);

	it('ranks shared topics (two each) above shared segments (one each), and leaves out the entry itself and strangers', () => {
		const candidates = [
			entry('segment-only', [], ['finance']),
			me,
			entry('stranger', ['security'], ['all-staff']),
			entry('two-topics', ['cost', 'cloud'], []),
			entry('topic-and-segment', ['cloud'], ['finance']),
		];
		expect(related(me, candidates).map((e) => e.id)).toEqual(['two-topics', 'topic-and-segment', 'segment-only']);
	});

	it('puts newer entries first on a tie and keeps the list order when dates tie too', () => {
		const candidates = [
			entry('old', ['cloud'], [], '2025-01-01'),
			entry('first-of-twins', ['cloud'], [], '2026-02-01'),
			entry('new', ['cloud'], [], '2026-03-01'),
			entry('second-of-twins', ['cloud'], [], '2026-02-01'),
		];
		expect(related(me, candidates, 3).map((e) => e.id)).toEqual(['new', 'first-of-twins', 'second-of-twins']);
		expect(related(me, candidates, 10).map((e) => e.id)).toEqual(['new', 'first-of-twins', 'second-of-twins', 'old']);
	});

	it('answers many entries from one numbering, leaving out the ids it is told to', () => {
		const candidates = [
			entry('segment-only', [], ['finance']),
			entry('two-topics', ['cost', 'cloud'], []),
			entry('other', ['security'], ['it']),
		];
		const find = relatedAmong(candidates);
		expect(find(me, 3, new Set(['two-topics'])).map((e) => e.id)).toEqual(['segment-only']);
		expect(find(entry('reader', ['security', 'security'], []), 3).map((e) => e.id)).toEqual(['other']);
		expect(find(entry('newcomer', ['unknown'], ['nobody']), 3)).toEqual([]);
	});
});
