import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateHub } from '../../bench/generate';

const frontmatter = (text: string) => parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;

describe('benchmark hub generator', () => {
	it('gives the same hub for the same seed and another hub for another seed', () => {
		const a = generateHub({ papers: 120, seed: 7 });
		expect(generateHub({ papers: 120, seed: 7 })).toEqual(a);
		expect(generateHub({ papers: 120, seed: 8 })).not.toEqual(a);
	});

	it('refers only to entries it generates, and marks the critical three metrics of every segment', () => {
		const files = generateHub({ papers: 1200 });
		const ids = (folder: string) =>
			new Set([...files.keys()].filter((f) => f.startsWith(`${folder}/`)).map((f) => f.replace(/^.*\/|\.\w+$/g, '')));
		const [authors, metrics, papers] = [ids('authors'), ids('metrics'), ids('papers')];
		expect(papers.size).toBe(1200);
		for (const [file, text] of files) {
			if (file.startsWith('papers/')) {
				expect(authors).toContain(frontmatter(text).author);
				for (const [, id] of text.matchAll(/<Metric(?:Value)? id="([^"]+)"/g)) expect(metrics).toContain(id);
			}
			if (file.startsWith('newsletters/')) {
				for (const item of frontmatter(text).items as { paper?: string }[]) if (item.paper) expect(papers).toContain(item.paper);
			}
		}
		const critical = new Map<string, number[]>();
		for (const [file, text] of files) {
			if (!file.startsWith('metrics/')) continue;
			for (const [segment, rank] of Object.entries((parse(text) as { critical: Record<string, number> }).critical))
				critical.set(segment, [...(critical.get(segment) ?? []), rank]);
		}
		expect(critical.size).toBe(8);
		for (const ranks of critical.values()) expect(ranks.sort()).toEqual([1, 2, 3]);
	});
});
