import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accentProblems, brandCss, logoProblems, SCHEME_BACKGROUNDS } from '../../../src/content/brand';
import { loadSettings } from '../../../src/content/settings';
import { ROOT } from '../../helpers/build-hub';
import { said } from '../../helpers/said';

const HUB = `title: Test hub
tagline: A hub for testing the brand settings.
organisation: Test Co
editors:
  name: The editors
  email: editors@test.example
`;

function hubWith(extra: string, files: Record<string, string> = {}): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hourglass-brand-'));
	fs.writeFileSync(path.join(dir, 'hub.yaml'), HUB + extra);
	for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
	return dir;
}

describe('accent colour', () => {
	it('accepts the default blues in their schemes, and any CSS colour syntax that is readable', () => {
		expect(accentProblems('light', '#0b5cad', 'hub.yaml')).toEqual([]);
		expect(accentProblems('dark', '#7cb7f2', 'hub.yaml')).toEqual([]);
		expect(accentProblems('light', 'rgb(120 0 60)', 'hub.yaml')).toEqual([]);
	});

	it('rejects a colour too pale for the light scheme and one too dark for the dark scheme, saying which background fails', () => {
		const problems = accentProblems('light', '#7cb7f2', 'hub.yaml');
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'hub.yaml', field: 'accent.light' });
		expect(said(problems[0]!).expected).toMatch(
			/^a colour with at least 4\.5:1 contrast on the light scheme's .+ background #[0-9a-f]{6} .+ try a darker shade$/,
		);
		expect(problems[0]?.found).toMatch(/^"#7cb7f2", \d\.\d\d:1$/);
		expect(said(accentProblems('dark', '#0b5cad', 'hub.yaml')[0]!).expected).toMatch(/dark scheme's .+ try a lighter shade/);
		// 4.7:1 on white, but less on the tinted callout: the worst background decides.
		expect(said(accentProblems('light', '#737373', 'hub.yaml')[0]!).expected).toMatch(/callout background #f1f1f1/);
	});

	it('rejects what is not a colour', () => {
		expect(accentProblems('light', 'corporate blue', 'hub.yaml').map(said)).toEqual([
			{ file: 'hub.yaml', field: 'accent.light', expected: 'a CSS colour such as "#0b5cad"', found: '"corporate blue"' },
		]);
	});

	it('fails loading hub.yaml with file:line, field, what was expected and what was found', () => {
		const dir = hubWith("accent:\n  light: '#0b5cad'\n  dark: '#335577'\n");
		expect(() => loadSettings(dir)).toThrow(
			/hub\.yaml:9:\d+ accent\.dark: expected a colour with at least 4\.5:1 contrast on the dark scheme's header and footer background #1b2027 .+; found "#335577", 2\.\d\d:1/,
		);
	});

	it('writes only hex colours into the stylesheet', () => {
		expect(brandCss({ accent: { light: 'rgb(11 92 173)', dark: '#7CB7F2' } })).toBe(':root{--brand-light:#0b5cad;--brand-dark:#7cb7f2}\n');
	});

	it('checks the backgrounds src/styles/tokens.css really has', () => {
		const tokens = fs.readFileSync(path.join(ROOT, 'src/styles/tokens.css'), 'utf8');
		const dark = tokens.slice(tokens.indexOf('prefers-color-scheme: dark'));
		const value = (css: string, name: string) => new RegExp(`${name}:\\s*(#[0-9a-f]{6});`).exec(css)?.[1];
		expect({ bg: value(tokens, '--bg'), bgSoft: value(tokens, '--bg-soft') }).toEqual({
			bg: SCHEME_BACKGROUNDS.light.bg,
			bgSoft: SCHEME_BACKGROUNDS.light.bgSoft,
		});
		expect({ bg: value(dark, '--bg'), bgSoft: value(dark, '--bg-soft') }).toEqual({
			bg: SCHEME_BACKGROUNDS.dark.bg,
			bgSoft: SCHEME_BACKGROUNDS.dark.bgSoft,
		});
		expect(tokens).toContain(`color-mix(in srgb, var(--accent) ${SCHEME_BACKGROUNDS.light.softMix * 100}%, var(--bg))`);
		expect(dark).toContain(`color-mix(in srgb, var(--accent) ${SCHEME_BACKGROUNDS.dark.softMix * 100}%, var(--bg))`);
	});
});

describe('logo', () => {
	it('must be an SVG file inside the content folder', () => {
		const dir = hubWith('', { 'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'logo.png': 'PNG' });
		expect(logoProblems('logo.svg', dir, 'hub.yaml')).toEqual([]);
		expect(logoProblems(undefined, dir, 'hub.yaml')).toEqual([]);
		expect(logoProblems('logo.png', dir, 'hub.yaml')[0]).toMatchObject({ field: 'logo', found: '"logo.png"' });
		expect(logoProblems('../outside.svg', dir, 'hub.yaml')[0]).toMatchObject({ field: 'logo', found: '"../outside.svg"' });
		expect(said(logoProblems('missing.svg', dir, 'hub.yaml')[0]!)).toMatchObject({ field: 'logo', found: 'no SVG there' });
	});

	it('fails loading hub.yaml on a missing logo, naming the line', () => {
		const dir = hubWith('logo: brand/missing.svg\n');
		expect(() => loadSettings(dir)).toThrow(/hub\.yaml:7:\d+ logo: expected an SVG file at .+missing\.svg; found no SVG there/);
	});
});
