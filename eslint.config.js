// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/', 'dist.next/', 'dist.previous/', '.astro/', 'node_modules/', 'tests/.tmp/', 'bench/.tmp/', 'tests/fixtures/'] },
	js.configs.recommended,
	tseslint.configs.strictTypeChecked,
	tseslint.configs.stylisticTypeChecked,
	{
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.astro'] },
		},
	},
	...astro.configs['flat/recommended'],
	{
		files: ['**/*.astro'],
		languageOptions: { parserOptions: { parser: tseslint.parser, projectService: true, extraFileExtensions: ['.astro'] } },
	},
	{
		files: ['**/*.js', '**/*.mjs'],
		extends: [tseslint.configs.disableTypeChecked],
	},
	{
		rules: {
			'@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
			// With noUncheckedIndexedAccess every lookup is possibly undefined; `!` marks lookups the hub
			// has already validated (references, ids), which reads better than a throw per line.
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
);
