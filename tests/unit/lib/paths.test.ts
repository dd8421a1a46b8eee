import { describe, expect, it } from 'vitest';
import { absoluteUrl, paths, withBase } from '../../../src/content/paths';
import { related } from '../../../src/hub/related';

describe('withBase and absoluteUrl', () => {
	it('joins routes to a base with exactly one slash', () => {
		expect(withBase('/', paths.paper('cloud'))).toBe('/papers/cloud/');
		expect(withBase('/it', paths.feedSegment('finance'))).toBe('/it/feeds/finance.xml');
		expect(withBase('/it/', '/search/')).toBe('/it/search/');
		expect(withBase('/it/', paths.home())).toBe('/it/');
	});

	it('makes absolute URLs for feeds and email from site and base', () => {
		expect(absoluteUrl('https://intranet.example', '/it/', paths.newsletter(2))).toBe('https://intranet.example/it/newsletter/2/');
		expect(absoluteUrl(new URL('https://intranet.example/ignored/'), '/', paths.feedTopic('cloud'))).toBe(
			'https://intranet.example/feeds/topics/cloud.xml',
		);
	});
});

describe('related', () => {
	const entry = (id: string, topics: string[], segments: string[], day: number) => ({
		id,
		topics,
		segments,
		date: new Date(Date.UTC(2026, 0, day)),
	});
	const me = entry('me', ['cloud', 'cost'], ['finance'], 1);

	it('ranks shared topics above shared segments, newer first on a tie, and drops the unrelated and itself', () => {
		const candidates = [
			entry('segment-only', [], ['finance'], 5),
			entry('two-topics', ['cloud', 'cost'], [], 2),
			entry('one-topic-old', ['cloud'], [], 3),
			entry('one-topic-new', ['cost'], [], 4),
			entry('unrelated', ['crm'], ['executives'], 6),
			me,
		];
		expect(related(me, candidates, 10).map((e) => e.id)).toEqual(['two-topics', 'one-topic-new', 'one-topic-old', 'segment-only']);
		expect(related(me, candidates).map((e) => e.id)).toHaveLength(3);
	});
});
