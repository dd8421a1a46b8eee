import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CSP_HEADER } from '../../../src/integrations/csp';
import { launchBrowser } from '../../helpers/browser';
import { ROOT } from '../../helpers/build-hub';
import { formatAxeViolations, undecided, visitPage, type ColorScheme, type PageVisit } from '../../helpers/gates/browser';
import { serveDist, type StaticServer } from '../../helpers/serve';
import { emailsToAudit, pagesToVisit, settled } from './pages';

const SCHEMES: ColorScheme[] = ['light', 'dark'];

let browser: Browser;
const servers: StaticServer[] = [];

/** Serves a built site and visits every kind of page in it, one after the other (CI has two cores). */
async function visitHub(
	dist: string,
	base: string,
	schemes: ColorScheme[],
	axe: boolean,
	headers: Record<string, string> = {},
): Promise<PageVisit[]> {
	const server = await serveDist(dist, base, headers);
	servers.push(server);
	const visits: PageVisit[] = [];
	for (const page of await pagesToVisit(dist)) {
		for (const scheme of schemes) {
			// Focus styles do not change with the colour scheme: one keyboard walk per page is enough.
			const keyboard = axe && scheme === 'light';
			visits.push(
				await visitPage(browser, server.url + page.path, {
					scheme,
					axe,
					keyboard,
					interact: page.interact,
					expectNotFound: page.expectNotFound,
				}),
			);
		}
	}
	return visits;
}

/** `url: problem` lines for the visits that have any of one kind of problem. */
const report = (visits: readonly PageVisit[], pick: (visit: PageVisit) => readonly string[]) =>
	visits.flatMap((visit) => pick(visit).map((problem) => `${visit.url} (${visit.scheme}): ${problem}`)).join('\n');

/**
 * What axe could not decide is not checked: the log says what and how often, per reviewed kind
 * (REVIEWED_UNDECIDED), and any other kind fails.
 */
function expectOnlyReviewed(visits: readonly PageVisit[]) {
	const found = undecided(visits);
	const byKind = Map.groupBy(
		found.filter((item) => item.why),
		(item) => `${item.rule}: ${item.why!}`,
	);
	if (byKind.size > 0)
		console.info(
			`What axe could not decide, reviewed and so not failed:\n${[...byKind]
				.map(([kind, items]) => `  ${items.length} × ${kind} (${[...new Set(items.map((item) => item.visit.url))].join(', ')})`)
				.join('\n')}`,
		);
	const unreviewed = found.filter((item) => !item.why);
	expect(
		unreviewed.map(({ visit, rule, target, summary }) => `${visit.url} (${visit.scheme}): ${rule} at ${target}\n    ${summary}`).join('\n'),
	).toBe('');
}

beforeAll(async () => {
	browser = await launchBrowser();
});

afterAll(async () => {
	await Promise.all(servers.map((server) => server.close()));
	await browser.close();
});

describe('every kind of page in Chromium', () => {
	let visits: PageVisit[] = [];
	let itVisits: PageVisit[] = [];

	beforeAll(async () => {
		const started = performance.now();
		visits = await visitHub(inject('exampleDist'), '/', SCHEMES, true);
		console.info(`axe audited ${visits.length} page states in ${((performance.now() - started) / 1000).toFixed(1)} s`);
		// Under a base path, served with the header deploy/'s web server settings send, the same pages must
		// still find their assets, scripts and search index.
		itVisits = await visitHub(inject('exampleItDist'), '/it/', ['light'], false, { 'content-security-policy': CSP_HEADER });
	});

	it('have no WCAG 2.2 AA violation in the light or the dark colour scheme', () => {
		expect(visits.length).toBeGreaterThan(40);
		expect(formatAxeViolations(visits)).toBe('');
	});

	it('leave axe nothing it cannot decide but the kinds a person has reviewed, and report those', () => {
		expectOnlyReviewed(visits);
	});

	it('show keyboard users where focus is at every Tab stop', () => {
		expect(report(visits, (visit) => visit.keyboardProblems)).toBe('');
	});

	it('request nothing outside the site, at / and under /it/', () => {
		expect(report([...visits, ...itVisits], (visit) => visit.outsideRequests)).toBe('');
	});

	it('run under the strict CSP, and under the documented header, without a violation or console error, search included', () => {
		expect(report([...visits, ...itVisits], (visit) => [...visit.cspViolations, ...visit.errors])).toBe('');
	});

	it('load JavaScript on the search page only', () => {
		const scripted = [...visits, ...itVisits].filter((visit) => !visit.url.includes('/search/'));
		expect(report(scripted, (visit) => visit.scriptRequests)).toBe('');
	});
});

describe('newsletter emails', () => {
	it('have no WCAG 2.2 AA violation in the light or the dark colour scheme', async () => {
		const dist = inject('exampleDist');
		const server = await serveDist(dist);
		servers.push(server);
		const emails = await emailsToAudit(dist);
		expect(emails.filter((file) => file.startsWith('newsletter/')).length).toBeGreaterThan(0);
		expect(emails.filter((file) => /^(papers|case-studies)\//.test(file))).toHaveLength(2);
		const visits: PageVisit[] = [];
		// Only the audit applies: an email links and points its images to the hub's public address.
		for (const email of emails)
			for (const scheme of SCHEMES) visits.push(await visitPage(browser, server.url + email, { scheme, axe: true }));
		expect(formatAxeViolations(visits)).toBe('');
		expectOnlyReviewed(visits);
	});
});

describe('the browser gates fail broken pages', () => {
	let server: StaticServer;
	const visit = (page: string, scheme: ColorScheme = 'light') => visitPage(browser, `${server.url}${page}/`, { scheme, axe: true });

	beforeAll(async () => {
		server = await serveDist(path.join(ROOT, 'tests/fixtures/broken'));
		servers.push(server);
	});

	it('passes the clean control page', async () => {
		const clean = await visitPage(browser, `${server.url}clean/`, { axe: true, keyboard: true });
		expect(clean.keyboardProblems).toEqual([]);
		expect(clean.axeViolations).toEqual([]);
		expect(clean.axeIncomplete).toEqual([]);
		expect([...clean.outsideRequests, ...clean.cspViolations, ...clean.errors, ...clean.scriptRequests]).toEqual([]);
	});

	it('reports links whose focus cannot be seen', async () => {
		const { keyboardProblems } = await visitPage(browser, `${server.url}hidden-focus/`, { keyboard: true });
		expect(keyboardProblems).toEqual([
			'<a> "A link whose focus outline was removed": no visible focus indicator',
			'<a> "A link kept off screen": no visible focus indicator',
			'<a> "A link kept off screen": focused but not on screen',
		]);
	});

	it('reports an image without alt text', async () => {
		const { axeViolations } = await visit('image-without-alt');
		expect(axeViolations.map((violation) => violation.id)).toContain('image-alt');
	});

	it('reports text that is readable in the light scheme but not in the dark one', async () => {
		const [light, dark] = await Promise.all(SCHEMES.map((scheme) => visit('dark-contrast', scheme)));
		expect(light!.axeViolations).toEqual([]);
		expect(dark!.axeViolations.map((violation) => violation.id)).toContain('color-contrast');
	});

	it('reports a font requested from the internet, and never sends the request', async () => {
		const { outsideRequests, requests } = await visit('outside-font');
		expect(outsideRequests).toEqual([expect.stringMatching(/^https:\/\/fonts\.googleapis\.com\//)]);
		expect(requests.length).toBeGreaterThan(outsideRequests.length);
	});

	it('reports JavaScript a content page loads', async () => {
		const { scriptRequests, cspViolations } = await visit('script-file');
		expect(scriptRequests).toEqual([`${server.url}script-file/carousel.js`]);
		expect(cspViolations).toEqual([]);
	});

	it('reports an inline script the policy blocks', async () => {
		const { cspViolations } = await visit('inline-script');
		expect(cspViolations.join('\n')).toMatch(/script-src/);
	});

	it('fails what axe cannot decide and no one has reviewed, such as text over a picture', async () => {
		const over = await visit('text-over-image');
		expect(over.axeViolations).toEqual([]);
		expect(undecided([over]).map(({ rule, target, summary, why }) => ({ rule, target, summary, why }))).toEqual([
			{ rule: 'color-contrast', target: 'p', summary: expect.stringContaining('background image') as string, why: undefined },
		]);
	});

	it('reports a console error and an uncaught exception', async () => {
		const logged = await visitPage(browser, `${server.url}console-error/`);
		expect(logged.errors).toEqual(['The carousel found no slides to show']);
		const thrown = await visitPage(browser, `${server.url}uncaught-exception/`);
		expect(thrown.errors).toEqual(['Uncaught: The carousel failed to start']);
		for (const { cspViolations, scriptRequests } of [logged, thrown]) {
			expect(cspViolations).toEqual([]);
			expect(scriptRequests).toHaveLength(1);
		}
	});

	it('reports a page or a file it loads that does not answer 200, and a not-found page that does', async () => {
		const gone = await visitPage(browser, `${server.url}no-such-page/`);
		expect(gone.errors).toContain(`${server.url}no-such-page/ answered 404`);
		const { errors } = await visitPage(browser, `${server.url}missing-file/`);
		expect(errors).toEqual([expect.stringMatching(/^Failed to load resource: the server responded with a status of 404/)]);
		const found = await visitPage(browser, `${server.url}clean/`, { expectNotFound: true });
		expect(found.errors).toEqual([`${server.url}clean/ answered 200`]);
	});

	it('refuses to audit a page that never stops changing', async () => {
		const audit = visitPage(browser, `${server.url}never-settles/`, { axe: true, interact: (page) => settled(page, 2000) });
		await expect(audit).rejects.toThrow(/never-settles\/: main was still changing after 2 s, so it was not audited/);
	});
});
