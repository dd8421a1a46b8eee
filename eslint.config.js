// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
