/**
 * The site has one stylesheet (src/integrations/site-stylesheet.ts). A style changed in one
 * component renames it, so a rebuild must not copy from its cache a page that links the old name:
 * every page of the rebuilt site links the new stylesheet, which carries the change.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { buildHub, copyFixture, listFiles, ROOT, TMP, type BuildResult } from '../helpers/build-hub';

const NAME = 'stylesheet-cache';
const COMPONENT = 'src/components/metrics/Sparkline.astro';
/** A rule the change adds; the minifier keeps it as written. */
const MARKER = 'outline-offset:7px';

/** Every HTML page's stylesheet links, by page. */
async function stylesheetsOf(dist: string): Promise<Map<string, string[]>> {
	const pages = (await listFiles(dist)).filter((file) => file.endsWith('.html') && !file.endsWith('email.html'));
	const links = new Map<string, string[]>();
	for (const page of pages) {
		const html = parse(await fs.readFile(path.join(dist, page), 'utf8'));
		links.set(
			page,
			html.querySelectorAll('link[rel="stylesheet"]').map((link) => link.getAttribute('href')!),
		);
	}
	return links;
}

describe('a rebuild after a style changed in one component', () => {
	let rebuilt: BuildResult;
	/** The first build's stylesheets (the rebuild replaces its `dist/`). */
	let before: Set<string>;
	beforeAll(async () => {
		const content = path.relative(ROOT, await copyFixture('tests/fixtures/basic/content', `${NAME}-hub`));
		// The rebuild keeps the first build's project copy (with its changed component) and content cache.
		const env = { HOURGLASS_CACHE_DIR: path.join(TMP, `${NAME}-cache`) };
		await fs.rm(env.HOURGLASS_CACHE_DIR, { recursive: true, force: true });
		const first = await buildHub({ name: NAME, content, env });
		expect(first.code, first.output).toBe(0);
		before = new Set([...(await stylesheetsOf(first.dist)).values()].flat());
		const component = path.join(first.project, COMPONENT);
		const source = await fs.readFile(component, 'utf8');
		expect(source).toContain('<style>');
		await fs.writeFile(component, source.replace('<style>', `<style>\n\t.sparkline { ${MARKER.replace(':', ': ')}; }`));
		rebuilt = await buildHub({ name: NAME, content, env, project: first.project, keepDist: true });
		expect(rebuilt.code, rebuilt.output).toBe(0);
	});

	it('links, on every page, one stylesheet of the site that exists and carries the change', async () => {
		const links = await stylesheetsOf(rebuilt.dist);
		const own = new Set([...links.values()].flat().filter((href) => href.startsWith('/_astro/')));
		expect(own.size).toBe(1);
		const [stylesheet] = [...own];
		expect(await fs.readFile(path.join(rebuilt.dist, stylesheet!), 'utf8')).toContain(MARKER);
		expect(before).not.toContain(stylesheet);
		for (const [page, hrefs] of links) expect(hrefs, page).toContain(stylesheet);
	});
});
