import { describe, expect, it } from 'vitest';
import { checkLink } from '../../../src/tools/lint/rules/internal-links';
import type { HubIndex } from '../../../src/tools/lint/types';
import { paper, runRule } from './helpers';

const routes = new Map([
	['papers/', undefined],
	['papers/phishing-drill/', 'live' as const],
	['papers/secret-plan/', 'draft' as const],
	['metrics/close-days/', 'live' as const],
	['feeds/all.xml', undefined],
]);
const hub: HubIndex = { routes };

describe('internal-links', () => {
	it('passes links to pages that exist, with or without the trailing slash, and external links', () => {
		const body =
			'[a](/papers/phishing-drill/) [b](/papers/phishing-drill) [c](../../metrics/close-days/) [d](https://example.com/x) [e](/feeds/all.xml) [f](#top) [g](/intranet/home/)';
		expect(runRule('internal-links', paper(body), { hub })).toEqual([]);
	});

	it('reports a link to a page the hub does not have, at the link, with the closest page', () => {
		expect(runRule('internal-links', paper('See [the drill](/papers/phishing-drll/).'), { hub })).toMatchObject([
			{
				line: 10,
				column: 5,
				end: '10:40',
				message: 'The link /papers/phishing-drll/ goes to a page the hub does not have',
				suggestion: 'did you mean /papers/phishing-drill/?',
			},
		]);
	});

	it('reports a published entry linking to a draft, but not a draft linking to a draft', () => {
		const source = paper('Soon: [plan](/papers/secret-plan/).');
		const [found, ...rest] = runRule('internal-links', source, { hub });
		expect(rest).toEqual([]);
		expect(found).toMatchObject({ line: 10, column: 7 });
		expect(found!.message).toContain('goes to a draft entry');
		expect(runRule('internal-links', source, { hub, status: 'draft' })).toEqual([]);
	});

	it('checks component links and reference definitions too', () => {
		const found = runRule('internal-links', paper('<a href="/metrics/nope/">x</a>\n\n[ref]: /papers/gone/'), { hub });
		expect(found.map((f) => `${f.line}:${f.column}`)).toEqual(['10:1', '12:1']);
	});

	it('resolves relative links from the entry’s own page', () => {
		expect(checkLink('../phishing-drill/', 'papers/x/', hub, true)).toEqual({ ok: true });
		expect(checkLink('../nope/', 'papers/x/', hub, true).ok).toBe(false);
	});
});
