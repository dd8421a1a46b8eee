import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_HEADER } from '../../src/integrations/csp';
import { ROOT } from '../helpers/build-hub';
import { CACHE_IMMUTABLE, CONTENT_TYPES, FEED_TYPE, HASHED_FOLDERS, IIS_KNOWS } from '../helpers/deploy-settings';
import { DEPLOY } from '../helpers/web-servers';

const read = (file: string) => fs.readFile(path.join(DEPLOY, file), 'utf8');

/** Every value of `pattern`'s first group in `text`. */
const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]);

describe('the Content-Security-Policy header the server settings send', () => {
	it('is the policy the build writes into every page (src/integrations/csp.ts), in every file of deploy/', async () => {
		expect(all(await read('nginx.conf'), /^\s*add_header Content-Security-Policy "([^"]*)" always;$/gm)).toEqual([CSP_HEADER]);
		expect(all(await read('apache.conf'), /^\s*Header always set Content-Security-Policy "([^"]*)"$/gm)).toEqual([CSP_HEADER]);
		expect(all(await read('web.config'), /<add name="Content-Security-Policy" value="([^"]*)" \/>/g)).toEqual([CSP_HEADER]);
	});

	it('is the one the docs show administrators', async () => {
		const docs = [
			'README.md',
			...(await fs.readdir(path.join(ROOT, 'docs'))).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`),
		];
		const shown: { file: string; header: string }[] = [];
		for (const file of docs) {
			const text = await fs.readFile(path.join(ROOT, file), 'utf8');
			for (const header of all(text, /^\s*Content-Security-Policy: (.+)$/gm)) shown.push({ file, header: header! });
		}
		expect(shown.length).toBeGreaterThan(0);
		for (const { file, header } of shown) expect(header, `${file} shows another policy`).toBe(CSP_HEADER);
	});

	it('keeps what the pages need and allows nothing from elsewhere', () => {
		const directives = new Map(CSP_HEADER.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));
		expect(directives.get('default-src')).toEqual(["'self'"]);
		// Pagefind's WebAssembly in the search worker, which is governed by the header alone.
		expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		expect(directives.get('frame-ancestors')).toEqual(["'self'"]);
		expect(CSP_HEADER).not.toMatch(/'unsafe-(inline|eval)'|https?:|\*/);
	});
});

type Element = Record<string, unknown>;

/** The elements named `name` under `parent` (the parser gives one element or a list). */
function children(parent: unknown, name: string): Element[] {
	const value = (parent as Element | undefined)?.[name];
	if (value === undefined) return [];
	return (Array.isArray(value) ? value : [value]) as Element[];
}
const child = (parent: unknown, name: string): Element | undefined => children(parent, name)[0];

describe("IIS's deploy/web.config, which cannot run here", () => {
	const load = async () => {
		const text = await read('web.config');
		const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
		return { text, configuration: child(parser.parse(text), 'configuration')! };
	};
	/** `<system.webServer>` at the top, or in `<location path="…">`. */
	const webServer = (configuration: Element, location?: string) => {
		const scope = location ? children(configuration, 'location').find((element) => element.path === location) : configuration;
		return child(scope, 'system.webServer');
	};
	/** The type the file gives an extension: added after its `remove`, so it never clashes with IIS's own. */
	const mimeTypes = (staticContent: Element | undefined) =>
		new Map(children(staticContent, 'mimeMap').map((map) => [map.fileExtension as string, map.mimeType as string]));

	it('is well-formed XML', async () => {
		expect(SyntaxValidator.validate((await load()).text)).toBe(true);
	});

	it('answers unknown URLs with the hub’s 404 page and status 404, under the base path set in one place', async () => {
		const { configuration, text } = await load();
		const errors = child(webServer(configuration), 'httpErrors');
		expect(errors).toMatchObject({ errorMode: 'Custom', existingResponse: 'Replace' });
		expect(children(errors, 'error')).toEqual([{ statusCode: '404', path: '/404.html', responseMode: 'ExecuteURL' }]);
		expect(text).toMatch(/<!-- SET: the base path \+ 404\.html, e\.g\. \/it\/404\.html -->\s*<error statusCode="404"/);
		expect(children(child(child(webServer(configuration), 'defaultDocument'), 'files'), 'add')).toEqual([{ value: 'index.html' }]);
	});

	it('sends nosniff, and no server banner', async () => {
		const headers = child(child(webServer((await load()).configuration), 'httpProtocol'), 'customHeaders');
		expect(children(headers, 'add')).toContainEqual({ name: 'X-Content-Type-Options', value: 'nosniff' });
		expect(children(headers, 'remove')).toContainEqual({ name: 'X-Powered-By' });
	});

	it('gives every kind of file the hub publishes its type, and feeds RSS', async () => {
		const { configuration } = await load();
		const staticContent = child(webServer(configuration), 'staticContent');
		const removed = new Set(children(staticContent, 'remove').map((element) => element.fileExtension));
		const types = mimeTypes(staticContent);
		for (const [extension, expected] of Object.entries(CONTENT_TYPES)) {
			if (IIS_KNOWS.includes(extension)) continue;
			expect(expected, extension).toContain(types.get(extension));
			expect(removed.has(extension), `${extension} is removed before it is added`).toBe(true);
		}
		expect(mimeTypes(child(webServer(configuration, 'feeds'), 'staticContent')).get('.xml')).toBe(FEED_TYPE);
	});

	it('lets browsers keep hashed files a year, and revalidate everything else', async () => {
		const { configuration } = await load();
		expect(child(child(webServer(configuration), 'staticContent'), 'clientCache')).toEqual({ cacheControlMode: 'DisableCache' });
		const [, maxAge] = /max-age=(\d+)/.exec(CACHE_IMMUTABLE)!;
		for (const folder of HASHED_FOLDERS) {
			const cache = child(child(webServer(configuration, folder), 'staticContent'), 'clientCache');
			expect(cache, folder).toMatchObject({ cacheControlMode: 'UseMaxAge', cacheControlCustom: 'public, immutable' });
			const [, days, hours, minutes, seconds] = /^(\d+)\.(\d\d):(\d\d):(\d\d)$/.exec(cache?.cacheControlMaxAge as string)!.map(Number);
			expect(((days! * 24 + hours!) * 60 + minutes!) * 60 + seconds!).toBe(Number(maxAge));
		}
	});

	it('compresses static files', async () => {
		expect(child(webServer((await load()).configuration), 'urlCompression')).toMatchObject({ doStaticCompression: 'true' });
	});
});

describe('the base path and folder an administrator sets', () => {
	it('are marked in nginx.conf and apache.conf, where the tests set them', async () => {
		const nginx = await read('nginx.conf');
		for (const line of ['location / { # <- SET', 'alias /srv/www/hub/current/; # <- SET', 'error_page 404 /404.html; # <- SET'])
			expect(nginx).toContain(line);
		const apache = await read('apache.conf');
		expect(apache).toMatch(/# <- SET: .*\nDefine HOURGLASS_ROOT \/srv\/www\/hub\/current\n/);
		expect(apache).toMatch(/# <- SET: the base path .*\nDefine HOURGLASS_BASE \/\n/);
	});

	it('offer brotli on nginx as lines to uncomment once the module is installed', async () => {
		expect(all(await read('nginx.conf'), /^\s*# (brotli\w*) .*;$/gm)).toEqual(['brotli', 'brotli_comp_level', 'brotli_types']);
	});
});
