import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { CSP_HEADER } from '../../../src/integrations/csp';
import { ROOT, TMP } from '../../helpers/build-hub';
import { budgetProblems, formatWeights, PAGE_BUDGET, pageWeight } from '../../helpers/gates/budgets';
import { cspProblems } from '../../helpers/gates/csp';
import { htmlPages, isSearchPage } from '../../browser/quality/pages';

const BROKEN = path.join(ROOT, 'tests/fixtures/broken');
/** A page of the broken fixtures, e.g. `inline-script`. */
const broken = (page: string) => fs.readFile(path.join(BROKEN, page, 'index.html'), 'utf8');
const builds = () => [
	{ dist: inject('exampleDist'), base: '/' },
	{ dist: inject('exampleItDist'), base: '/it/' },
];

describe('strict Content-Security-Policy', () => {
	it('is on every page, allows no inline script, and covers every inline script and style the pages have', async () => {
		for (const { dist } of builds()) {
			const problems: string[] = [];
			const pages = await htmlPages(dist);
			expect(pages.length, dist).toBeGreaterThan(20);
			for (const page of pages) {
				const html = await fs.readFile(path.join(dist, page), 'utf8');
				problems.push(...cspProblems(html).map((problem) => `${page}: ${problem}`));
				problems.push(...cspProblems(html, CSP_HEADER).map((problem) => `${page} with the web servers' header: ${problem}`));
			}
			expect(problems.join('\n'), dist).toBe('');
		}
	});

	it('fails a page without a policy, an inline script, a policy allowing unsafe-inline, and inline event handlers', async () => {
		expect(cspProblems(await broken('outside-font'))).toEqual(['no Content-Security-Policy']);
		expect(cspProblems(await broken('inline-script'))).toEqual([
			expect.stringMatching(/^inline script not allowed: document\.getElementById/),
		]);
		expect(cspProblems(await broken('clean'))).toEqual([]);
		const button = '<button onclick="go()" style="color: red">Go</button>';
		expect(cspProblems(`<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-inline'">${button}`)).toEqual([
			"script-src allows 'unsafe-inline'",
		]);
		expect(cspProblems(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'">${button}`)).toEqual([
			'event handler attribute onclick on <button>',
			'style attribute on <button>: color: red',
		]);
	});

	it("fails a policy without script-src or default-src, one allowing 'unsafe-eval', an unhashed <style> and a javascript: URL", async () => {
		expect(cspProblems(await broken('csp-without-script-src'))).toEqual(['no script-src or default-src: any script may run']);
		expect(cspProblems(await broken('csp-unsafe-eval'))).toEqual(["script-src allows 'unsafe-eval'"]);
		expect(cspProblems(await broken('unhashed-style'))).toEqual(['inline <style> not allowed: h1 { color: #0b5cad; }']);
		expect(cspProblems(await broken('javascript-url'))).toEqual(['javascript: URL in href on <a>']);
	});

	it('allows an inline script whose hash the policy lists', () => {
		const script = "document.title = 'hashed'";
		const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
		expect(
			cspProblems(`<meta http-equiv="content-security-policy" content="script-src 'self' ${hash}"><script>${script}</script>`),
		).toEqual([]);
	});
});

describe('page budgets', () => {
	it(`keep scripts off every page but search, and CSS under ${PAGE_BUDGET.css / 1024} kB per page`, async () => {
		for (const { dist, base } of builds()) {
			const pages = await htmlPages(dist);
			expect(pages.length, dist).toBeGreaterThan(20);
			const weights = await Promise.all(pages.map((page) => pageWeight(dist, page, base)));
			if (base === '/')
				console.info(`Page weights of the example hub (bytes the browser loads before search's own index):\n${formatWeights(weights)}`);
			const problems = weights.flatMap((weight) =>
				budgetProblems(weight, isSearchPage(weight.page) ? { ...PAGE_BUDGET, scripts: true } : PAGE_BUDGET),
			);
			expect(problems.join('\n'), dist).toBe('');
		}
	});

	it('fail a page with a script, and a page with too much CSS', async () => {
		expect(budgetProblems(await pageWeight(BROKEN, 'inline-script/index.html'))).toEqual([
			'inline-script/index.html: 1 <script> element(s); only the search page may have scripts',
		]);
		expect(budgetProblems(await pageWeight(BROKEN, 'script-file/index.html'))).toEqual([
			'script-file/index.html: 1 <script> element(s); only the search page may have scripts',
		]);
		expect(await pageWeight(BROKEN, 'script-file/index.html')).toMatchObject({ js: 50, scripts: 1, unweighed: [] });
		expect(budgetProblems(await pageWeight(BROKEN, 'clean/index.html'))).toEqual([]);

		const heavy = path.join(TMP, 'heavy-css');
		await fs.rm(heavy, { recursive: true, force: true });
		await fs.cp(path.join(BROKEN, 'clean'), path.join(heavy, 'clean'), { recursive: true });
		await fs.writeFile(path.join(heavy, 'style.css'), '.card { color: #111; background: #fff; }\n'.repeat(1250));
		expect(budgetProblems(await pageWeight(heavy, 'clean/index.html'))).toEqual([
			'clean/index.html: 50.0 kB of CSS, over the 40.0 kB budget',
		]);
	});

	it('fail a page whose stylesheets cannot be weighed: missing, outside the base, or on another origin', async () => {
		expect(budgetProblems(await pageWeight(BROKEN, 'missing-file/index.html'))).toEqual([
			'missing-file/index.html: no-such-style.css is not in the site, so its weight is unknown',
		]);
		expect(budgetProblems(await pageWeight(BROKEN, 'dead-link/index.html', '/dead-link/'))).toEqual([
			'dead-link/index.html: /missing.css is outside the base /dead-link/, so its weight is unknown',
		]);
		expect(budgetProblems(await pageWeight(BROKEN, 'outside-font/index.html'))).toEqual([
			'outside-font/index.html: https://fonts.googleapis.com/css2?family=Inter&display=swap is loaded from another origin, so its weight is unknown',
		]);
	});
});
