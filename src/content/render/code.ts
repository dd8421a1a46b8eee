/**
 * Code blocks highlighted at build time, coloured through classes and one stylesheet.
 *
 * Shiki writes `style="color:…"` on every token. The hub's CSP (`style-src 'self'`) blocks style
 * attributes, so code showed uncoloured with one violation per token. `rehypeStylesToClasses`
 * turns each colour into a class named after it (`hl-d73a49`, `hld-f97583` for the dark theme),
 * and `highlightStylesheet()` writes the rule for every colour the two themes can produce, so the
 * stylesheet never depends on which code happens to be in the hub.
 */
import rehypeShikiFromHighlighter from '@shikijs/rehype/core';
import type { Element, Root } from 'hast';
import { bundledLanguages, bundledThemes, createHighlighter, type BundledLanguage } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { visit } from 'unist-util-visit';

export const CODE_THEMES = { light: 'github-light', dark: 'github-dark' } as const;

let started: ReturnType<typeof createHighlighter> | undefined;
const highlighter = () => (started ??= createHighlighter({ themes: Object.values(CODE_THEMES), langs: [], engine: createJavaScriptRegexEngine() }));
const OPTIONS = { themes: CODE_THEMES, defaultColor: 'light', fallbackLanguage: 'text' } as const;

/**
 * Grammars load when a block first uses one: loading all of Shiki's ~200 up front took 30 s. Shiki
 * 4.6 colours the first block after a grammar loads with wrong light-theme colours (either regex
 * engine), so each new grammar is warmed up on a throwaway line before real code meets it.
 */
let loading = Promise.resolve();
function loadLanguages(names: readonly string[]): Promise<void> {
	loading = loading.then(async () => {
		const shiki = await highlighter();
		for (const lang of names) {
			if (!(lang in bundledLanguages) || shiki.getLoadedLanguages().includes(lang)) continue;
			await shiki.loadLanguage(lang as BundledLanguage);
			shiki.codeToHast('x', { ...OPTIONS, lang });
		}
	});
	return loading;
}

/**
 * Highlights fenced code with both themes (the light one as `color`, the dark one as
 * `--shiki-dark`), then turns Shiki's styles into classes. A body without code is left alone.
 */
export function rehypeHighlight() {
	return async (tree: Root) => {
		const langs = new Set<string>();
		let code = false;
		visit(tree, 'element', (node: Element) => {
			if (node.tagName !== 'code') return;
			code = true;
			const names = Array.isArray(node.properties.className) ? node.properties.className : [];
			for (const name of names) if (typeof name === 'string' && name.startsWith('language-')) langs.add(name.slice(9));
		});
		if (!code) return;
		await loadLanguages([...langs]);
		const highlight = rehypeShikiFromHighlighter(await highlighter(), OPTIONS) as unknown as (tree: Root) => Promise<void> | undefined;
		await highlight(tree);
		stylesToClasses(tree);
	};
}

const colourName = (colour: string) => colour.trim().replace(/^#/, '').toLowerCase();

/** Shiki's declarations and the classes that replace them; the code block's own background is the site's. */
function classesFor(style: string): string[] {
	const classes: string[] = [];
	for (const declaration of style.split(';')) {
		const [property = '', value = ''] = declaration.split(':').map((part) => part.trim());
		if (property === 'color') classes.push(`hl-${colourName(value)}`);
		else if (property === '--shiki-dark') classes.push(`hld-${colourName(value)}`);
		else if (property === 'font-style' && value === 'italic') classes.push('hl-i');
		else if (property === 'font-weight' && value === 'bold') classes.push('hl-b');
		else if (property === 'text-decoration' && value === 'underline') classes.push('hl-u');
	}
	return classes;
}

/** Replaces every `style` attribute Shiki wrote with classes. */
function stylesToClasses(tree: Root) {
	visit(tree, 'element', (node: Element) => {
		const style = node.properties.style;
		if (typeof style !== 'string') return;
		delete node.properties.style;
		const existing = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
		node.properties.className = [...existing, ...classesFor(style)];
	});
}

interface ThemeJson {
	colors?: Record<string, string>;
	tokenColors?: { settings?: { foreground?: string } }[];
}

async function themeColours(name: string): Promise<string[]> {
	const theme = (await bundledThemes[name as keyof typeof bundledThemes]()).default as ThemeJson;
	const colours = [theme.colors?.['editor.foreground'], ...(theme.tokenColors ?? []).map((rule) => rule.settings?.foreground)];
	return [...new Set(colours.filter((c): c is string => typeof c === 'string').map(colourName))].sort();
}

/** The stylesheet for highlighted code: every colour of both themes, the dark ones on dark screens. */
export async function highlightStylesheet(): Promise<string> {
	const [light, dark] = await Promise.all([themeColours(CODE_THEMES.light), themeColours(CODE_THEMES.dark)]);
	return [
		'/* Generated from the Shiki themes by src/content/render/code.ts. */',
		...light.map((c) => `.hl-${c}{color:#${c}}`),
		'.hl-i{font-style:italic}.hl-b{font-weight:bold}.hl-u{text-decoration:underline}',
		// Paper is white: the dark colours are for screens only.
		'@media screen and (prefers-color-scheme: dark){',
		...dark.map((c) => `.hld-${c}{color:#${c}}`),
		'}',
		'',
	].join('\n');
}
