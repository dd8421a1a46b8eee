import { describe, expect, it } from 'vitest';
import { prng } from '../../../bench/generate';
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

	it('ranks as a plain sort of every candidate would, on many entries with ties', () => {
		const random = prng(7);
		const pick = (from: string[], most: number) => from.filter(() => random() < most / from.length);
		const topics = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
		const segments = ['s1', 's2', 's3', 's4'];
		const entries = Array.from({ length: 300 }, (_, n) =>
			entry(`e${n}`, pick(topics, 2), pick(segments, 2), `2026-0${1 + Math.floor(random() * 9)}-01`),
		);
		const score = (a: Relatable, b: Relatable) =>
			2 * a.topics.filter((t) => b.topics.includes(t)).length + a.segments.filter((s) => b.segments.includes(s)).length;
		const find = relatedAmong(entries);
		for (const me of entries) {
			const expected = entries
				.map((other, at) => ({ other, at, score: score(other, me) }))
				.filter(({ other, score }) => other.id !== me.id && score > 0)
				.sort((x, y) => y.score - x.score || y.other.date.getTime() - x.other.date.getTime() || x.at - y.at)
				.slice(0, 3)
				.map(({ other }) => other.id);
			expect(find(me, 3).map((e) => e.id)).toEqual(expected);
		}
	});
});
