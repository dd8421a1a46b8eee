import { describe, expect, it } from 'vitest';
import { checkHub } from '../../../src/checks/check-hub';
import { said } from '../../helpers/said';

const now = new Date('2026-11-30T00:00:00Z');
const testimonial = (campaign: string) => ({
	collection: 'testimonials' as const,
	id: 'ada',
	file: 'content/testimonials/ada.yaml',
	data: {
		date: new Date('2026-11-01'),
		draft: false,
		segment: { collection: 'segments', id: 'staff' },
		campaign: { collection: 'campaigns', id: campaign },
	},
});
const files = [
	{ collection: 'campaigns' as const, id: 'crm', file: 'content/campaigns/crm.mdx' },
	{ collection: 'segments' as const, id: 'staff', file: 'content/segments/staff.yaml' },
	{ collection: 'testimonials' as const, id: 'ada', file: 'content/testimonials/ada.yaml' },
];
const segment = { collection: 'segments' as const, id: 'staff', file: 'content/segments/staff.yaml', data: {} };

describe('checkHub references', () => {
	it('takes a file that failed its own schema as existing, so only that file is reported', () => {
		// crm.mdx exists but did not validate, so it has no entry: the testimonial still names a real file.
		expect(checkHub({ files, entries: [segment, testimonial('crm')], criticalLimit: 3, now })).toEqual([]);
	});

	it('reports a reference to a file that does not exist, with the ids that do', () => {
		expect(checkHub({ files, entries: [segment, testimonial('crn')], criticalLimit: 3, now }).map(said)).toEqual([
			expect.objectContaining({ field: 'campaign', expected: 'an existing campaign, one of: crm', found: '"crn"' }),
		]);
	});
});

describe('checkHub links', () => {
	const paper = (id: string, href: string) => ({
		collection: 'papers' as const,
		id,
		kind: 'paper' as const,
		file: `content/papers/${id}.mdx`,
		data: { published: new Date('2026-11-01'), draft: false },
		body: { metrics: [], links: [{ href, line: 12, column: 5 }] },
	});
	const papers = ['cloud', 'tills'].map((id) => ({ collection: 'papers' as const, id, file: `content/papers/${id}.mdx` }));

	it('takes a page whose file could not be read as existing, so only that file is reported', () => {
		// tills.mdx exists but did not parse, so it has no entry: the link still names a real page.
		expect(checkHub({ files: papers, entries: [paper('cloud', '/papers/tills/')], criticalLimit: 3, now })).toEqual([]);
	});

	it('reports a link to a page no file makes', () => {
		expect(checkHub({ files: papers, entries: [paper('cloud', '/papers/tils/')], criticalLimit: 3, now })).toEqual([
			expect.objectContaining({ file: 'content/papers/cloud.mdx', line: 12, field: 'link', found: '/papers/tils/' }),
		]);
	});
});
