/**
 * No test reads the machine's clock: the example hub is built as of EXAMPLE_NOW and fixture hubs
 * with their own `now`, so a test that branched on today's date would check less, or fail, as the
 * calendar moves on (issue 28). Timing a step (`performance.now()`) is fine; asking what day it is is not.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { listFiles, ROOT } from '../helpers/build-hub';

const TESTS = path.join(ROOT, 'tests');

/** `Date.now()`, `Date()` and `new Date()` without an argument: each is today's date. */
function clockReads(file: string, source: string): string[] {
	const found: string[] = [];
	const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
	const visit = (node: ts.Node) => {
		const today =
			(ts.isCallExpression(node) &&
				((ts.isPropertyAccessExpression(node.expression) &&
					node.expression.expression.getText() === 'Date' &&
					node.expression.name.text === 'now') ||
					(ts.isIdentifier(node.expression) && node.expression.text === 'Date'))) ||
			(ts.isNewExpression(node) && node.expression.getText() === 'Date' && (node.arguments?.length ?? 0) === 0);
		if (today) found.push(`tests/${file}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText()}`);
		ts.forEachChild(node, visit);
	};
	visit(tree);
	return found;
}

describe('the test suite', () => {
	it("never asks the machine's clock what day it is", async () => {
		const files = (await listFiles(TESTS)).filter((file) => /\.[cm]?tsx?$/.test(file) && !/^(\.tmp|fixtures)\//.test(file));
		expect(files.length).toBeGreaterThan(50);
		const reads = files.flatMap((file) => clockReads(file, fs.readFileSync(path.join(TESTS, file), 'utf8')));
		expect(reads).toEqual([]);
	});

	it('would find a test that does', () => {
		const source =
			'if (Date.now() > Date.parse("2027-01-01")) skip();\nconst today = new Date();\nconst text = Date();\nnew Date("2026-12-01");';
		expect(clockReads('build/dated.test.ts', source)).toEqual([
			'tests/build/dated.test.ts:1: Date.now()',
			'tests/build/dated.test.ts:2: new Date()',
			'tests/build/dated.test.ts:3: Date()',
		]);
	});
});
