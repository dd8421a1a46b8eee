import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';

/** axe-core's rule tags for WCAG 2.2 level AA (2.0, 2.1 and 2.2 criteria at A and AA). */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const AXE_SOURCE = fs.readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type ColorScheme = 'light' | 'dark';

export interface AxeViolation {
	/** axe rule, e.g. `color-contrast`. */
	id: string;
	impact: string | null | undefined;
	help: string;
	/** CSS selectors of the offending elements, with axe's explanation and whether they are drawn inside an SVG. */
	nodes: { target: string; summary: string; inSvg: boolean }[];
}

export interface PageVisit {
	/** What was loaded, relative to the site root. */
	url: string;
	scheme: ColorScheme;
	/** Every URL the page and its workers requested. */
	requests: string[];
	/** Requests to any origin but the site's; they are aborted, never sent. */
	outsideRequests: string[];
	/** JavaScript the page loaded (files and modules). */
	scriptRequests: string[];
	/** Content-Security-Policy violations the browser reported. */
	cspViolations: string[];
	/** Console errors and uncaught exceptions. */
	errors: string[];
	/** WCAG 2.2 AA violations; empty unless `axe` was asked for. */
	axeViolations: AxeViolation[];
	/**
	 * What axe could not decide and leaves for a person to review ("incomplete"), e.g. contrast of
	 * text over an image: not checked, so not passed either. Empty unless `axe` was asked for.
	 */
	axeIncomplete: AxeViolation[];
	/** Elements a keyboard user reaches with Tab but cannot see focused; empty unless `keyboard` was asked for. */
	keyboardProblems: string[];
}

export interface VisitOptions {
	scheme?: ColorScheme;
	/** Drives the page into the state to audit, e.g. waits for search results. */
	interact?: (page: Page) => Promise<void>;
	/** Run axe-core after `interact`. */
	axe?: boolean;
	/** Tab through the page after the audit, checking every stop shows its focus. */
	keyboard?: boolean;
	/** The page is expected to answer 404 (the not-found page); its own status is no error then. */
	expectNotFound?: boolean;
}

/** data: and blob: URLs never touch the network; blob: URLs carry the origin that made them. */
function isOwn(url: string, origin: string): boolean {
	if (url.startsWith('data:')) return true;
	try {
		return new URL(url.replace(/^blob:/, '')).origin === origin;
	} catch {
		return false;
	}
}

/**
 * Loads one page in a fresh browser context (so colour scheme, cookies and cache never leak
 * between pages) and records everything the intranet gates care about: requests leaving the
 * origin, scripts, CSP violations, console errors and, on request, axe-core's WCAG 2.2 AA audit
 * and a walk with the Tab key.
 */
export async function visitPage(browser: Browser, url: string, options: VisitOptions = {}): Promise<PageVisit> {
	const { scheme = 'light', interact, axe = false, keyboard = false, expectNotFound = false } = options;
	const origin = new URL(url).origin;
	const context = await browser.newContext({ colorScheme: scheme, serviceWorkers: 'block' });
	const visit: PageVisit = {
		url: new URL(url).pathname + new URL(url).search,
		scheme,
		requests: [],
		outsideRequests: [],
		scriptRequests: [],
		cspViolations: [],
		errors: [],
		axeViolations: [],
		axeIncomplete: [],
		keyboardProblems: [],
	};
	try {
		// Behind the intranet's firewall an outside request hangs; here it is recorded and aborted.
		await context.route(
			(target) => !isOwn(target.href, origin),
			(route) => route.abort('blockedbyclient'),
		);
		context.on('request', (request) => {
			const requested = request.url();
			visit.requests.push(requested);
			if (!isOwn(requested, origin)) visit.outsideRequests.push(requested);
			if (request.resourceType() === 'script' || /\.m?js(\?|$)/.test(new URL(requested).pathname)) visit.scriptRequests.push(requested);
		});
		await context.exposeFunction('__hourglassCspViolation', (violation: string) => visit.cspViolations.push(violation));
		await context.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (event) => {
				const report = (window as unknown as { __hourglassCspViolation: (violation: string) => void }).__hourglassCspViolation;
				report(
					`${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile || 'page'}:${event.lineNumber})`,
				);
			});
		});
		const page = await context.newPage();
		page.on('console', (message) => {
			if (message.type() !== 'error') return;
			const text = message.text();
			// The not-found page's own 404 status is what the server must answer.
			if (expectNotFound && message.location().url === url && text.includes('status of 404')) return;
			// Chromium reports CSP violations (also those in workers) on the console.
			if (/Content Security Policy/i.test(text)) visit.cspViolations.push(text);
			else visit.errors.push(text);
		});
		page.on('pageerror', (error) => visit.errors.push(`Uncaught: ${error.message}`));

		const response = await page.goto(url, { waitUntil: 'load' });
		const status = response?.status();
		if (expectNotFound ? status !== 404 : status !== 200) visit.errors.push(`${url} answered ${status}`);
		if (interact) await interact(page);
		if (axe) ({ violations: visit.axeViolations, incomplete: visit.axeIncomplete } = await runAxe(page));
		if (keyboard) visit.keyboardProblems = await tabThrough(page);
	} finally {
		await context.close();
	}
	// A blocked request may be retried: report each URL once.
	for (const key of ['requests', 'outsideRequests', 'scriptRequests'] as const) visit[key] = [...new Set(visit[key])];
	return visit;
}

/** Runs axe-core's WCAG 2.2 AA rules on the page as it is now: what fails, and what axe could not decide. */
export async function runAxe(page: Page): Promise<{ violations: AxeViolation[]; incomplete: AxeViolation[] }> {
	// Evaluated through the DevTools protocol, so the page's own CSP does not block the audit script.
	await page.evaluate(await AXE_SOURCE);
	return page.evaluate(async (tags) => {
		const { axe } = window as unknown as { axe: typeof import('axe-core') };
		const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
		const summarise = (result: import('axe-core').Result) => ({
			id: result.id,
			impact: result.impact,
			help: result.help,
			nodes: result.nodes.map((node) => ({
				target: node.target.join(' '),
				summary: node.failureSummary ?? '',
				inSvg: document.querySelector(String(node.target.at(-1)))?.closest('svg') != null,
			})),
		});
		return { violations: results.violations.map(summarise), incomplete: results.incomplete.map(summarise) };
	}, WCAG_22_AA);
}

/** Most Tab stops walked on one page: the longest page has far fewer, and a trap must not hang the test. */
const MAX_TAB_STOPS = 150;

/**
 * Walks the page with the Tab key as a keyboard user does and returns the stops where focus cannot
 * be seen (WCAG 2.4.7 Focus Visible, 2.4.11 Focus Not Obscured), which axe-core does not check: no
 * outline or box-shadow while focused, or an element with no size or outside the viewport.
 */
export async function tabThrough(page: Page): Promise<string[]> {
	const problems: string[] = [];
	const seen = new Set<string>();
	for (let stop = 0; stop < MAX_TAB_STOPS; stop++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const element = document.activeElement;
			if (!element || element === document.body) return undefined;
			const style = getComputedStyle(element);
			const rect = element.getBoundingClientRect();
			const path: string[] = [];
			for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
				path.unshift(`${node.tagName.toLowerCase()}:nth-child(${[...(node.parentElement?.children ?? [])].indexOf(node) + 1})`);
			}
			const text = (element.getAttribute('aria-label') ?? element.textContent).trim().replace(/\s+/g, ' ').slice(0, 40);
			return {
				key: path.join('>'),
				name: `<${element.tagName.toLowerCase()}> "${text}"`,
				indicated: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
				inView: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth,
			};
		});
		// Focus left the page (to the browser's own controls) or came round again: every stop is done.
		if (!focused || seen.has(focused.key)) return problems;
		seen.add(focused.key);
		if (!focused.indicated) problems.push(`${focused.name}: no visible focus indicator`);
		if (!focused.inView) problems.push(`${focused.name}: focused but not on screen`);
	}
	problems.push(`focus never left the page after ${MAX_TAB_STOPS} Tab presses (a keyboard trap?)`);
	return problems;
}

/**
 * What axe cannot decide on the hub's pages, reviewed by a person: each kind is reported in the test
 * log and passes; any other kind fails, so nothing new goes unchecked unnoticed.
 */
export const REVIEWED_UNDECIDED: readonly { rule: string; reason: RegExp; inSvg?: boolean; why: string }[] = [
	{
		rule: 'color-contrast',
		reason: /contains only non-text characters/,
		why: 'status symbols (✓ ! ✕ –, and ◐ ○ ⊘ for stages) are aria-hidden beside the status word, which carries the meaning and is checked',
	},
	{
		rule: 'color-contrast',
		reason: /because element contains an image node|because it is overlapped by another element/,
		inSvg: true,
		why: 'text inside the SVG charts and the hourglass drawing: axe cannot find a background inside an SVG',
	},
	{
		rule: 'color-contrast',
		reason: /too short to determine if it is actual text content/,
		inSvg: true,
		why: 'a one-character axis label ("0") of an SVG chart, as a system\'s page shows its metric: in the muted text colour the pages check elsewhere',
	},
	{
		rule: 'label-content-name-mismatch',
		reason: /Unable to determine if the visible text is part of the accessible name/,
		why: 'the footnote back link shows only "↩", which has no words an accessible name could include',
	},
];

/** The elements axe could not decide, each with the reviewed kind it is of, if any. */
export function undecided(
	visits: readonly PageVisit[],
): { visit: PageVisit; rule: string; target: string; summary: string; why?: string }[] {
	return visits.flatMap((visit) =>
		visit.axeIncomplete.flatMap(({ id, nodes }) =>
			nodes.map(({ target, summary, inSvg }) => ({
				visit,
				rule: id,
				target,
				summary,
				why: REVIEWED_UNDECIDED.find((kind) => kind.rule === id && kind.reason.test(summary) && (!kind.inSvg || inSvg))?.why,
			})),
		),
	);
}

/** One line per offending element, for assertion messages. */
export function formatAxeViolations(visits: readonly PageVisit[]): string {
	return visits
		.flatMap(({ url, scheme, axeViolations }) =>
			axeViolations.flatMap(({ id, help, nodes }) =>
				nodes.map(({ target, summary }) => `${url} (${scheme}): ${id}: ${help} at ${target}\n    ${summary.replace(/\n/g, '\n    ')}`),
			),
		)
		.join('\n');
}
