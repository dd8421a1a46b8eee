// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers, lowest first: each may import only from the layers before it. `content` (kinds,
 * schemas, publication, paths, rendering at sync) <- `checks` <- `hub` <- `outputs` <-
 * `components`/`layouts` <- `pages`. The writer tools (`tools`: linter, `npm run new`) use only
 * `content` and `checks`. tests/architecture.test.ts checks that no module imports itself back.
 */
const LAYERS = [
	{ folders: ['content'], forbidden: ['checks', 'hub', 'outputs', 'components', 'layouts', 'pages', 'tools', 'integrations'] },
	{ folders: ['checks'], forbidden: ['hub', 'outputs', 'components', 'layouts', 'pages', 'tools', 'integrations'] },
	{ folders: ['hub'], forbidden: ['outputs', 'components', 'layouts', 'pages', 'tools', 'integrations'] },
	{ folders: ['outputs'], forbidden: ['components', 'layouts', 'pages', 'tools', 'integrations'] },
	{ folders: ['components', 'layouts'], forbidden: ['pages', 'tools', 'integrations'] },
	{ folders: ['tools'], forbidden: ['hub', 'outputs', 'components', 'layouts', 'pages', 'integrations'] },
];

/** @returns {import('eslint').Linter.Config[]} */
function layers() {
	return LAYERS.map(({ folders, forbidden }) => ({
		files: folders.map((folder) => `src/${folder}/**`),
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: `(^|/)src/(${forbidden.join('|')})/|^(\\.\\./)+(${forbidden.join('|')})/`,
							message: `src/${folders.join(', src/')} is below ${forbidden.join(', ')}: pass what it needs in instead (docs/how-it-works.md, Architecture).`,
						},
					],
				},
			],
		},
	}));
}

export default defineConfig(
	// bench/baseline is a separate Astro project (its own collections and generated types).
	{
		ignores: [
			'bench/baseline/',
			'dist/',
			'dist.next/',
			'dist.previous/',
			'**/.astro/',
			'node_modules/',
			'tests/.tmp/',
			'bench/.tmp/',
			'tests/fixtures/',
		],
	},
	js.configs.recommended,
	tseslint.configs.strictTypeChecked,
	tseslint.configs.stylisticTypeChecked,
	{
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.astro'] },
		},
		rules: {
			'@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
			// With noUncheckedIndexedAccess every lookup is possibly undefined; `!` marks lookups the hub
			// has already validated (references, ids), which reads better than a throw per line.
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
	...layers(),
	astro.configs['flat/recommended'],
	{
		files: ['**/*.astro'],
		languageOptions: { parserOptions: { parser: tseslint.parser, projectService: false, project: true, extraFileExtensions: ['.astro'] } },
		rules: {
			// Astro's JSX expressions are typed `any` in the parser's view of a template, so every
			// `items.map((item) => <li>…</li>)` would be an "unsafe return".
			'@typescript-eslint/no-unsafe-return': 'off',
		},
	},
	{
		files: ['**/*.js', '**/*.mjs'],
		extends: [tseslint.configs.disableTypeChecked],
		languageOptions: { globals: globals.node },
	},
);
