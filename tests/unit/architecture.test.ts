import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';

describe('the layers', () => {
	// ESLint (eslint.config.js, `layers()`) keeps each layer from importing the ones above it; this
	// catches what a rule per folder cannot: two modules of one layer importing each other.
	it('have no import cycles', async () => {
		const tree = await parseDependencyTree(['src/**/*.ts'], { context: process.cwd(), transform: true, skipDynamicImports: false });
		expect(parseCircular(tree)).toEqual([]);
	});
});
