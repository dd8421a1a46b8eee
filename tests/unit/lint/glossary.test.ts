import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/tools/lint/config';
import { paper, runRule } from './helpers';

const entries = [
	{ terms: ['users', 'user'], use: ['colleagues', 'customers'], why: 'say who they are' },
	{ terms: ['leverage'], use: ['use'] },
	{ pattern: 'upgrade to version \\d+', use: ['what the upgrade lets the business do'], fix: false },
];

describe('glossary', () => {
	it('passes business language', () => {
		expect(runRule('glossary', paper('Colleagues in every store can now use the new tills.'), { options: { entries } })).toEqual([]);
	});

	it('reports each term at its exact place in the body, whole words only', () => {
		const found = runRule('glossary', paper('Superusers help.\n\nOur users will leverage it.'), { options: { entries } });
		expect(found).toMatchObject([
			{ line: 12, column: 5, end: '12:10', message: '"users": say who they are', suggestion: 'write "colleagues" or "customers"' },
			{ line: 12, column: 16, end: '12:24', message: '"leverage": jargon to readers outside IT', suggestion: 'write "use"' },
		]);
	});

	it('offers a fix only for a single replacement, keeping the capital', () => {
		const found = runRule('glossary', paper('Leverage the users.'), { options: { entries } });
		expect(found.map((f) => f.fix)).toEqual(['Leverage -> Use', undefined]);
	});

	it('matches patterns such as "upgrade to version 9", without a fix', () => {
		const found = runRule('glossary', paper('We completed the upgrade to version 9 last week.'), { options: { entries } });
		expect(found).toMatchObject([{ line: 10, column: 18, end: '10:38', fix: undefined }]);
	});

	it('checks frontmatter text: title, summary and business value', () => {
		const source = paper('Body.').replace('Every store gets faster tills this spring.', 'All users get faster tills.');
		expect(runRule('glossary', source, { options: { entries } })).toMatchObject([
			{ line: 3, column: 15, message: '"users": say who they are' },
		]);
	});

	it('finds terms across escapes and entities, at the right column', () => {
		const found = runRule('glossary', paper('Tea \\& cake &amp; users.'), { options: { entries } });
		expect(found).toMatchObject([{ line: 10, column: 19, end: '10:24' }]);
	});

	it('skips code and component markup', () => {
		expect(runRule('glossary', paper('`users` and\n\n```\nusers\n```\n\n<Note who="users" />'), { options: { entries } })).toEqual([]);
	});

	it('accepts terms the hub allows', () => {
		expect(runRule('glossary', paper('Our users.'), { options: { entries, allow: ['users'] } })).toEqual([]);
	});

	it('ships a house glossary with the house rules', async () => {
		const { config, problems } = await loadConfig(path.resolve('content'));
		expect(problems).toEqual([]);
		const options = config.rules.find((r) => r.rule.id === 'glossary')!.options;
		const text =
			'Users got five nines and 99.99% uptime after the upgrade to version 9, the go-live, and some synergy; I lack the bandwidth to leverage it.';
		const found = runRule('glossary', paper(text), { options });
		expect(found.map((f) => f.message.split('"')[1])).toEqual(
			expect.arrayContaining([
				'Users',
				'five nines',
				'99.99% uptime',
				'upgrade to version 9',
				'go-live',
				'synergy',
				'bandwidth',
				'leverage',
			]),
		);
	});
});
