/**
 * The hub's visual identity from `content/hub.yaml`: an accent colour per colour scheme and a logo.
 * Links, buttons and focus marks are drawn in the accent on the page's backgrounds, so a colour a
 * writer picks must stay readable on each of them (WCAG AA: 4.5:1 for text) in its scheme.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatHex, interpolate, parse, wcagContrast } from 'culori';
import { displayPath } from './content-dir';
import type { MessageKey } from './i18n/dictionaries';
import { phrase, quote, type Problem } from './problems';

export type Scheme = 'light' | 'dark';

/**
 * The backgrounds of each scheme, as in src/styles/tokens.css (a test keeps the two in step), and
 * how much accent the soft accent background (callouts) mixes into the page background.
 */
export const SCHEME_BACKGROUNDS: Record<Scheme, { bg: string; bgSoft: string; softMix: number }> = {
	light: { bg: '#ffffff', bgSoft: '#f4f5f7', softMix: 0.1 },
	dark: { bg: '#111418', bgSoft: '#1b2027', softMix: 0.18 },
};

/** WCAG 2.2 AA for body text (SC 1.4.3). */
export const MIN_CONTRAST = 4.5;

export interface Brand {
	accent: Record<Scheme, string>;
	/** The logo file, relative to the content folder, when there is one. */
	logo?: string | undefined;
}

/** The backgrounds accent-coloured text sits on in a scheme, named (message ids) as readers see them. */
export function accentBackgrounds(scheme: Scheme, accent: string): { name: MessageKey; colour: string }[] {
	const { bg, bgSoft, softMix } = SCHEME_BACKGROUNDS[scheme];
	return [
		{ name: 'problem.brand.page', colour: bg },
		{ name: 'problem.brand.header', colour: bgSoft },
		// As CSS `color-mix(in srgb, accent N%, bg)` draws it.
		{ name: 'problem.brand.callout', colour: formatHex(interpolate([bg, accent], 'rgb')(softMix)) },
	];
}

const ratio = (n: number) => `${(Math.floor(n * 100) / 100).toFixed(2)}:1`;

/** Problems with an accent colour in one scheme: not a colour, or too little contrast somewhere. */
export function accentProblems(scheme: Scheme, colour: string, file: string): Problem[] {
	const field = `accent.${scheme}`;
	if (!parse(colour)) return [{ file, field, expected: phrase('problem.brand.colour'), found: quote(colour) }];
	const worst = accentBackgrounds(scheme, colour)
		.map((background) => ({ ...background, contrast: wcagContrast(colour, background.colour) }))
		.sort((a, b) => a.contrast - b.contrast)[0]!;
	if (worst.contrast >= MIN_CONTRAST) return [];
	return [
		{
			file,
			field,
			expected: phrase(scheme === 'light' ? 'problem.brand.contrastLight' : 'problem.brand.contrastDark', {
				minimum: String(MIN_CONTRAST),
				background: phrase(worst.name),
				colour: worst.colour,
			}),
			found: `${quote(colour) as string}, ${ratio(worst.contrast)}`,
		},
	];
}

/** Problems with the logo: it must be an SVG file in the content folder. */
export function logoProblems(logo: string | undefined, contentDir: string, file: string): Problem[] {
	if (logo === undefined) return [];
	const absolute = path.resolve(contentDir, logo);
	const inside = !path.relative(contentDir, absolute).startsWith('..');
	if (!inside || !logo.endsWith('.svg')) {
		return [{ file, field: 'logo', expected: phrase('problem.brand.logo'), found: quote(logo) }];
	}
	if (!fs.existsSync(absolute) || !/<svg[\s>]/.test(fs.readFileSync(absolute, 'utf8'))) {
		return [{ file, field: 'logo', expected: phrase('problem.brand.logoAt', { file: displayPath(absolute) }), found: phrase('problem.brand.noSvg') }];
	}
	return [];
}

export function brandProblems(brand: Brand, contentDir: string, file: string): Problem[] {
	return [
		...accentProblems('light', brand.accent.light, file),
		...accentProblems('dark', brand.accent.dark, file),
		...logoProblems(brand.logo, contentDir, file),
	];
}

/** The accent as hex, the one colour syntax every mail client (Outlook's Word included) reads; nothing but a colour gets through. */
export const accentHex = (accent: Brand['accent']): Brand['accent'] => ({ light: hex(accent.light), dark: hex(accent.dark) });

/** `loadSettings()` has checked every accent with `accentProblems`, so a colour that does not parse here is a bug. */
function hex(colour: string): string {
	const value = formatHex(colour);
	if (value === undefined) throw new Error(`accent ${JSON.stringify(colour)} is not a colour; loadSettings() should have refused it`);
	return value;
}

/** The stylesheet that hands the accent to src/styles/tokens.css, which picks one per scheme. */
export function brandCss(brand: Brand): string {
	const { light, dark } = accentHex(brand.accent);
	return `:root{--brand-light:${light};--brand-dark:${dark}}\n`;
}
