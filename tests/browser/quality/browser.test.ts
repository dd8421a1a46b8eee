import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../helpers/browser';
import { ROOT } from '../../helpers/build-hub';
import { formatAxeViolations, visitPage, type ColorScheme, type PageVisit } from '../../helpers/gates/browser';
import { serveDist, type StaticServer } from '../../helpers/serve';
import { emailsToAudit, pagesToVisit, documentedCspHeader } from './pages';

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
		// Under a base path, served with the header docs/operating.md gives administrators, the same pages must
		// still find their assets, scripts and search index.
		itVisits = await visitHub(inject('exampleItDist'), '/it/', ['light'], false, {
			'content-security-policy': await documentedCspHeader(),
		});
	});

	it('have no WCAG 2.2 AA violation in the light or the dark colour scheme', () => {
		expect(formatAxeViolations(visits)).toBe('');
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
});
