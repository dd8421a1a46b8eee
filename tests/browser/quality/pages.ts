import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { listFiles } from '../../helpers/build-hub';

/**
 * Newsletter emails are built beside the pages but are email HTML (tables, inline styles, no CSP):
 * the page gates do not apply to them.
 */
export const isEmail = (file: string): boolean => /(^|\/)(emails?\/|email[^/]*\.html$)/.test(file);

/** The HTML pages of a built site, relative to it: every `.html` but emails. */
export async function htmlPages(dist: string): Promise<string[]> {
	return (await listFiles(dist)).filter((file) => file.endsWith('.html') && !isEmail(file));
}

/**
 * The emails the browser audits: every newsletter issue, and one paper (quotes, Japanese, emoji),
 * one case study and one system. Every paper, case study and system is the same frame and template
 * with another body, and the bodies are audited on their pages; auditing dozens of emails in two
 * colour schemes took longer than the test may.
 */
export async function emailsToAudit(dist: string): Promise<string[]> {
	const emails = (await listFiles(dist)).filter((file) => file.endsWith('.html') && isEmail(file));
	const writing = [await first(dist, 'papers/', 'tokyo-pop-up-store'), await first(dist, 'case-studies/'), 'systems/payments/'].map(
		(page) => `${page}email.html`,
	);
	return emails.filter((file) => file.startsWith('newsletter/') || writing.includes(file));
}

/** The only page allowed to load JavaScript. */
export const isSearchPage = (file: string): boolean => file === 'search/index.html';

export interface PageToVisit {
	/** What kind of page this stands for, for messages. */
	name: string;
	/** URL relative to the base, with query. */
	path: string;
	interact?: (page: Page) => Promise<void>;
	expectNotFound?: boolean;
}

/** A result link in the search page's main area: search ran and showed something. */
const resultLink = (page: Page, target: string) => page.locator(`main a[href*="${target}"]`).first().waitFor({ timeout: 30_000 });

/** How long `main` may keep changing before the page counts as never settling. */
const SETTLE_LIMIT_MS = 30_000;

/**
 * Resolves once `main` has not changed for a moment: the search script has drawn what it fetched.
 * A page still changing after SETTLE_LIMIT_MS fails instead: audited half-drawn, it would pass or
 * fail by chance. (A busy machine spaces the changes out, so it reaches quiet sooner, not later.)
 */
export async function settled(page: Page, limitMs = SETTLE_LIMIT_MS): Promise<void> {
	const inTime = await page.evaluate(
		(limitMs) =>
			new Promise<boolean>((resolve) => {
				let timer = setTimeout(quiet, 400);
				const limit = setTimeout(stillChanging, limitMs);
				const observer = new MutationObserver(() => {
					clearTimeout(timer);
					timer = setTimeout(quiet, 400);
				});
				function finish(inTime: boolean) {
					clearTimeout(timer);
					clearTimeout(limit);
					observer.disconnect();
					resolve(inTime);
				}
				function quiet() {
					finish(true);
				}
				function stillChanging() {
					finish(false);
				}
				observer.observe(document.querySelector('main') ?? document.body, {
					subtree: true,
					childList: true,
					attributes: true,
					characterData: true,
				});
			}),
		limitMs,
	);
	if (!inTime) throw new Error(`${page.url()}: main was still changing after ${limitMs / 1000} s, so it was not audited`);
}

/** The first built entry of a kind, e.g. `papers/`: `papers/<id>/`. */
async function first(dist: string, folder: string, prefer?: string): Promise<string> {
	const entries = (await fs.readdir(path.join(dist, folder), { withFileTypes: true }))
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort();
	if (entries.length === 0) throw new Error(`No page under ${folder} in ${dist}`);
	return `${folder}${prefer && entries.includes(prefer) ? prefer : entries[0]}/`;
}

/** One page of every kind the hub builds, in the state a reader sees it (search with results). */
export async function pagesToVisit(dist: string): Promise<PageToVisit[]> {
	return [
		{ name: 'home', path: '' },
		{ name: 'paper list', path: 'papers/' },
		{ name: 'case study list', path: 'case-studies/' },
		{ name: 'metric list', path: 'metrics/' },
		{ name: 'segment list', path: 'segments/' },
		{ name: 'topic list', path: 'topics/' },
		{ name: 'newsletter list', path: 'newsletter/' },
		// The Tokyo paper has quotes, Japanese and emoji; the Windows 10 one is archived.
		{ name: 'paper', path: await first(dist, 'papers/', 'tokyo-pop-up-store') },
		{ name: 'archived paper', path: 'papers/windows-10-end-of-support/' },
		{ name: 'case study', path: await first(dist, 'case-studies/') },
		{ name: 'metric with chart', path: await first(dist, 'metrics/') },
		{ name: 'segment', path: await first(dist, 'segments/', 'executives') },
		{ name: 'topic', path: await first(dist, 'topics/') },
		{ name: 'author', path: await first(dist, 'authors/') },
		{ name: 'newsletter issue', path: await first(dist, 'newsletter/') },
		{ name: 'subscribe', path: 'subscribe/' },
		{ name: 'campaign list', path: 'campaigns/' },
		// Under way, with the hourglass, a timeline, metrics since the baseline and testimonials.
		{ name: 'campaign', path: 'campaigns/crm-for-sales-and-marketing/' },
		// Grouped by tier, with the restore timeline and its table; one system with a chart, an incident and a tier change.
		{ name: 'system list', path: 'systems/' },
		{ name: 'system', path: 'systems/payments/' },
		{
			name: 'search with results',
			path: 'search/?q=Ptarmigan',
			interact: (page) => resultLink(page, 'papers/stock-visibility-ptarmigan/'),
		},
		{
			name: 'search with a facet chosen',
			path: 'search/?q=cloud',
			interact: async (page) => {
				await resultLink(page, 'papers/');
				// Facets: open any disclosure, then choose the first option.
				for (const details of await page.locator('main details:not([open]) > summary').all()) await details.click();
				for (const toggle of await page.locator('main [aria-expanded="false"]').all()) await toggle.click();
				await page.locator('main input[type="checkbox"]').first().check();
				await settled(page);
			},
		},
		{ name: 'not found', path: 'no-such-page/', expectNotFound: true },
	];
}
