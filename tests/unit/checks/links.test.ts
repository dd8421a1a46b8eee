import { describe, expect, it } from 'vitest';
import { checkHub, type CheckedEntry } from '../../../src/checks/check-hub';
import { linkProblem, type HubRoutes } from '../../../src/checks/links';
import { parseMdx } from '../../../src/content/mdx';
import { ENGLISH, formatProblem } from '../../../src/content/problems';
import { inspectMdx } from '../../../src/content/render/render-mdx';
import { said } from '../../helpers/said';

const routes: HubRoutes = new Map([
	['papers/', undefined],
	['papers/phishing-drill/', 'live' as const],
	['papers/secret-plan/', 'draft' as const],
	['metrics/close-days/', 'live' as const],
	['feeds/all.xml', undefined],
]);

describe('linkProblem', () => {
	it('passes links to pages that exist, with or without the trailing slash, and links outside the hub', () => {
		for (const href of [
			'/papers/phishing-drill/',
			'/papers/phishing-drill',
			'../../metrics/close-days/',
			'https://example.com/x',
			'/feeds/all.xml',
			'#top',
			'/intranet/home/',
		]) {
			expect(linkProblem(href, 'papers/x/', routes, true), href).toBeUndefined();
		}
	});

	it('reports a link to a page the hub does not have, with the closest page', () => {
		expect(said(linkProblem('/papers/phishing-drll/', 'papers/x/', routes, true)!)).toEqual({
			expected: 'a link to a page the hub has (pages are named after their files)',
			found: '/papers/phishing-drll/',
			suggestion: 'did you mean /papers/phishing-drill/?',
		});
	});

	it('reports a published entry linking to a draft, but not a draft linking to a draft', () => {
		expect(said(linkProblem('/papers/secret-plan/', 'papers/x/', routes, true)!).found).toBe('/papers/secret-plan/, which is a draft');
		expect(linkProblem('/papers/secret-plan/', 'papers/x/', routes, false)).toBeUndefined();
	});

	it('resolves relative links from the entry’s own page', () => {
		expect(linkProblem('../phishing-drill/', 'papers/x/', routes, true)).toBeUndefined();
		expect(linkProblem('../nope/', 'papers/x/', routes, true)).toBeDefined();
	});
});

describe('checkHub: links in bodies', () => {
	const paper = (id: string, body: string, draft = false): CheckedEntry => {
		const file = `content/papers/${id}.mdx`;
		const { metrics, links } = inspectMdx(parseMdx(body), { file, path: file });
		return { collection: 'papers', kind: 'paper', id, file, data: { draft, published: new Date('2026-01-01') }, body: { metrics, links } };
	};

	it('reports links from a published paper to a draft and to a missing page, at the link, and component links and definitions too', () => {
		const entries = [
			paper('public', 'See [plan](/papers/secret-plan/).\n\n<a href="/metrics/nope/">x</a>\n\n[ref]: /papers/gone/'),
			paper('secret-plan', 'Links to [itself](/papers/secret-plan/) are fine in a draft.', true),
		];
		const problems = checkHub({ files: entries, entries, criticalLimit: 3, now: new Date('2026-06-01') });
		expect(problems.map((problem) => formatProblem(problem, ENGLISH))).toEqual([
			'content/papers/public.mdx:1:5 link: expected a link to a published page (readers would get "page not found"); found /papers/secret-plan/, which is a draft (publish that entry first, or remove the link for now)',
			'content/papers/public.mdx:3:1 link: expected a link to a page the hub has (pages are named after their files); found /metrics/nope/ (link to /metrics/ or to a page that exists)',
			'content/papers/public.mdx:5:1 link: expected a link to a page the hub has (pages are named after their files); found /papers/gone/ (link to /papers/ or to a page that exists)',
		]);
	});

	it('lets the preview link to drafts', () => {
		const entries = [paper('public', 'See [plan](/papers/secret-plan/).'), paper('secret-plan', 'Draft.', true)];
		expect(checkHub({ files: entries, entries, criticalLimit: 3, now: new Date('2026-06-01'), preview: true })).toEqual([]);
	});
});
