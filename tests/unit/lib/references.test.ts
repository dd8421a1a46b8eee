import { describe, expect, it } from 'vitest';
import { ContentProblems, ENGLISH, formatProblem } from '../../../src/content/problems';
import { checkReferences, findReferences, referenced } from '../../../src/checks/references';

const paper = {
	collection: 'papers',
	id: 'cloud',
	filePath: 'content/papers/cloud.mdx',
	data: {
		title: 'Cloud',
		segments: [
			{ collection: 'segments', id: 'executives' },
			{ collection: 'segments', id: 'finanse' },
		],
		author: { collection: 'authors', id: 'ada' },
		published: new Date('2026-01-01'),
	},
};

describe('findReferences', () => {
	it('finds references in arrays and nested objects with the field path writers see', () => {
		expect(findReferences({ items: [{ paper: { collection: 'papers', id: 'a' }, blurb: 'x' }] })).toEqual([
			{ collection: 'papers', id: 'a', field: 'items[0].paper' },
		]);
		expect(findReferences(paper.data).map((r) => r.field)).toEqual(['segments[0]', 'segments[1]', 'author']);
	});
});

describe('checkReferences', () => {
	const ids = (collection: string) =>
		({ segments: ['executives', 'finance'], authors: ['ada'], papers: ['cloud', 'draft'] })[collection] ?? [];

	it('reports an unknown id with the file, the field and the ids that exist', () => {
		const problems = checkReferences([paper], { ids, isPublic: () => true });
		expect(problems.map((problem) => formatProblem(problem, ENGLISH))).toEqual([
			'content/papers/cloud.mdx segments[1]: expected an existing segment, one of: executives, finance; found "finanse"',
		]);
	});

	it('reports a published entry that points at an unpublished one, but not a draft that does', () => {
		const issue = {
			collection: 'newsletters',
			id: 'one',
			filePath: 'content/newsletters/one.mdx',
			data: { items: [{ paper: { collection: 'papers', id: 'draft' } }] },
		};
		const isPublic = (ref: { id: string }) => ref.id !== 'draft' && ref.id !== 'two';
		expect(checkReferences([issue], { ids, isPublic }).map((problem) => formatProblem(problem, ENGLISH))).toEqual([
			'content/newsletters/one.mdx items[0].paper: expected a published position paper; found "draft", which is a draft or dated after this build',
		]);
		expect(checkReferences([{ ...issue, id: 'two' }], { ids, isPublic })).toEqual([]);
	});

	it("lets a campaign's activity name a report dated ahead, but not a draft, and an issue neither", () => {
		const papers = (collection: string) => (collection === 'papers' ? ['scheduled', 'draft'] : []);
		const check = {
			ids: papers,
			isPublic: (ref: { id: string }) => !['scheduled', 'draft'].includes(ref.id),
			isScheduled: (ref: { id: string }) => ref.id === 'scheduled',
		};
		const report = (id: string) => ({ collection: 'papers', id });
		const campaign = {
			collection: 'campaigns',
			id: 'crm',
			filePath: 'content/campaigns/crm.mdx',
			data: { stages: [{ activities: [{ paper: report('scheduled') }, { paper: report('draft') }] }] },
		};
		const issue = {
			collection: 'newsletters',
			id: 'one',
			filePath: 'content/newsletters/one.mdx',
			data: { items: [{ paper: report('scheduled') }] },
		};
		expect(checkReferences([campaign, issue], check).map((problem) => formatProblem(problem, ENGLISH))).toEqual([
			'content/campaigns/crm.mdx stages[0].activities[1].paper: expected a published position paper; found "draft", which is a draft or dated after this build',
			'content/newsletters/one.mdx items[0].paper: expected a published position paper; found "scheduled", which is a draft or dated after this build',
		]);
	});

	it('says so when a collection is empty', () => {
		const problems = checkReferences([paper], { ids: () => [], isPublic: () => true });
		expect(formatProblem(problems[0]!, ENGLISH)).toMatch(/expected an existing segment \(none exist yet\); found "executives"/);
	});
});

describe('referenced', () => {
	const where = { file: 'content/papers/cloud.mdx', field: 'author' };

	it('gives the entry a checked reference names', () => {
		expect(referenced('Ada', where, paper.data.author)).toBe('Ada');
	});

	it('reports a target the hub could not read through the one formatter, not as a missing value', () => {
		expect(() => referenced<string>(undefined, where, paper.data.author)).toThrow(ContentProblems);
		expect(() => referenced<string>(undefined, where, paper.data.author)).toThrow(
			`content/papers/cloud.mdx author: expected a readable author file (it has a problem of its own: the preview's terminal and npm run lint:content name it); found "ada"`,
		);
	});
});
