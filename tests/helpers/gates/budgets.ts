import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { filesFor, pageUrl, siteRoot } from '../link-check';

export interface PageWeight {
	/** The page, relative to `dist`. */
	page: string;
	/** Bytes of the HTML itself. */
	html: number;
	/** Bytes of CSS it loads: linked stylesheets (each once) and inline `<style>`. */
	css: number;
	/** Bytes of JavaScript it loads: script files, module preloads and inline scripts. */
	js: number;
	/** `<script>` elements of any type. */
	scripts: number;
	/** Stylesheets and scripts the page loads that could not be weighed, with why: the totals leave them out. */
	unweighed: string[];
}

export interface Budget {
	/** Most CSS a page may load, in bytes. */
	css: number;
	/** Whether the page may have scripts at all. */
	scripts: boolean;
}

/**
 * Intranet pages render on old laptops over busy links: no scripts, and little CSS. The site has
 * one stylesheet (src/integrations/site-stylesheet.ts), so a page's CSS is the whole site's,
 * loaded once and cached for every other page: 36 kB, 7 kB gzipped. Split per component, a paper
 * page loaded 15 kB in nine files, and every other kind of page some more.
 */
export const PAGE_BUDGET: Budget = { css: 40 * 1024, scripts: false };

/** Size of the file of the site a link points at, or why it cannot be weighed. */
async function linkedBytes(dist: string, root: URL, from: URL, href: string): Promise<number | string> {
	const target = new URL(href, from);
	if (target.origin !== root.origin) return `${href} is loaded from another origin`;
	const candidates = filesFor(target, root);
	if (typeof candidates === 'string') return `${href} is ${candidates}`;
	for (const file of candidates) {
		const stat = await fs.stat(path.join(dist, file)).catch(() => undefined);
		if (stat?.isFile()) return stat.size;
	}
	return `${href} is not in the site`;
}

/** Weighs one built page: its HTML and the CSS and JavaScript it loads from the site. */
export async function pageWeight(dist: string, page: string, base = '/'): Promise<PageWeight> {
	const html = await fs.readFile(path.join(dist, page), 'utf8');
	const document = parse(html, { comment: false });
	// The origin does not matter: only the site's own paths are weighed.
	const root = siteRoot(base, 'http://weigh.invalid');
	const from = pageUrl(root, page);
	const unweighed: string[] = [];
	const sum = async (hrefs: (string | undefined)[]) => {
		const unique = [...new Set(hrefs.filter((href): href is string => Boolean(href)))];
		let bytes = 0;
		for (const size of await Promise.all(unique.map((href) => linkedBytes(dist, root, from, href)))) {
			if (typeof size === 'number') bytes += size;
			else unweighed.push(size);
		}
		return bytes;
	};
	const inline = (selector: string) =>
		document.querySelectorAll(selector).reduce((bytes, element) => bytes + Buffer.byteLength(element.rawText), 0);
	const scripts = document.querySelectorAll('script');
	return {
		page,
		html: Buffer.byteLength(html),
		css: (await sum(document.querySelectorAll('link[rel~="stylesheet"]').map((link) => link.getAttribute('href')))) + inline('style'),
		js:
			(await sum([
				...scripts.map((script) => script.getAttribute('src')),
				...document.querySelectorAll('link[rel~="modulepreload"]').map((link) => link.getAttribute('href')),
			])) + inline('script:not([src])'),
		scripts: scripts.length,
		unweighed,
	};
}

/** Where a page goes over its budget, or loads what cannot be weighed; empty when neither. */
export function budgetProblems(weight: PageWeight, budget: Budget = PAGE_BUDGET): string[] {
	const problems: string[] = weight.unweighed.map((file) => `${weight.page}: ${file}, so its weight is unknown`);
	if (!budget.scripts && weight.scripts > 0)
		problems.push(`${weight.page}: ${weight.scripts} <script> element(s); only the search page may have scripts`);
	if (weight.css > budget.css) problems.push(`${weight.page}: ${kB(weight.css)} of CSS, over the ${kB(budget.css)} budget`);
	return problems;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** A plain-text table of page weights, heaviest first, for the test log. */
export function formatWeights(weights: readonly PageWeight[]): string {
	const rows = [...weights]
		.sort((a, b) => b.html + b.css + b.js - (a.html + a.css + a.js))
		.map((weight) => [weight.page, kB(weight.html), kB(weight.css), kB(weight.js), String(weight.scripts)]);
	const header = ['page', 'HTML', 'CSS', 'JS', 'scripts'];
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
	const line = (cells: string[]) =>
		cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
	return [line(header), ...rows.map(line)].join('\n');
}
