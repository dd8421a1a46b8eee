import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAGE_IDS, stageLabel, stagePrompt } from '../../src/content/stages';
import { createLocale } from '../../src/content/i18n';

const en = createLocale('en-GB');
import { readHub } from '../../src/tools/lint/entry';
import { checkSchemas } from '../../src/tools/lint/schema';
import { authorByEmail, nextIssueNumber, scaffold, slugFor } from '../../src/tools/scaffold';
import { newEntry } from '../../src/tools/scaffold-cli';
import { copyFixture, ROOT } from '../helpers/build-hub';

describe('slugFor', () => {
	it('makes clean ids from titles with accents and other Latin-transliterable scripts', () => {
		expect(slugFor('Why we are moving file shares to the cloud', 'x')).toBe('why-we-are-moving-file-shares-to-the-cloud');
		expect(slugFor('Café & crème: Zürich’s “best” tills!', 'x')).toBe('cafe-and-creme-zuerichs-best-tills');
		expect(slugFor('Привет мир', 'x')).toBe('privet-mir');
	});

	it('falls back for a title with no Latin letters, such as Japanese', () => {
		expect(slugFor('東京のポップアップストア', 'paper-2026-06-15')).toBe('paper-2026-06-15');
		expect(slugFor('🎉 2026', 'paper-2026-06-15')).toBe('paper-2026-06-15');
		expect(slugFor('Tokyo 東京 pop-up', 'x')).toBe('tokyo-pop-up');
	});

	it('keeps long titles to a readable length, cut at a word', () => {
		const slug = slugFor('What the business gains when every store can keep trading through a broadband outage on a Saturday', 'x');
		expect(slug.length).toBeLessThanOrEqual(60);
		expect(slug).toMatch(/^what-the-business-gains.*[a-z]$/);
	});
});

describe('authorByEmail and nextIssueNumber', () => {
	it('finds the author by git email, ignoring case', () => {
		const authors = [
			{ id: 'ada', email: 'Ada@Fixture.example' },
			{ id: 'tom', email: 'tom@fixture.example' },
		];
		expect(authorByEmail('ada@fixture.example', authors)).toBe('ada');
		expect(authorByEmail('nobody@fixture.example', authors)).toBeUndefined();
		expect(authorByEmail(undefined, authors)).toBeUndefined();
	});

	it('numbers the next issue after the highest', () => {
		expect(nextIssueNumber([])).toBe(1);
		expect(nextIssueNumber([1, 3, 2])).toBe(4);
	});
});

describe('npm run new', () => {
	let content: string;
	let out: string;
	let err: string;
	const run = (...argv: string[]) =>
		newEntry(argv, { out: (t) => (out += t), err: (t) => (err += t), gitEmail: () => 'ada@fixture.example' });

	beforeEach(async () => {
		content = await copyFixture('tests/fixtures/basic/content', 'scaffold-cli');
		fs.writeFileSync(
			path.join(content, 'authors/ada-lovelace.yaml'),
			fs.readFileSync(path.join(content, 'authors/ada-lovelace.yaml'), 'utf8').replace(/email: .*/, 'email: Ada@Fixture.example'),
		);
		process.env.HOURGLASS_CONTENT = content;
		process.env.HOURGLASS_NOW = '2026-06-15T09:00:00Z';
		out = '';
		err = '';
	});
	afterEach(() => {
		delete process.env.HOURGLASS_CONTENT;
		delete process.env.HOURGLASS_NOW;
	});

	it('writes a draft paper dated today, by the author with the git email, that passes the schema', async () => {
		expect(await run('paper', 'Why we are moving file shares to the cloud', '--segment', 'executives', '--topic', 'cloud')).toBe(0);
		const file = path.join(content, 'papers/why-we-are-moving-file-shares-to-the-cloud.mdx');
		const source = fs.readFileSync(file, 'utf8');
		expect(source).toContain('published: 2026-06-15\n');
		expect(source).toContain('draft: true\n');
		expect(source).toContain('author: ada-lovelace\n');
		expect(source).toContain('segments: [executives]\n');
		expect(out).toContain(`Created ${path.relative(process.cwd(), file)}`);
		const { problems } = await checkSchemas(readHub(content), new Date('2026-06-15'));
		expect(problems.map((p) => p.problem)).toEqual([]);
	});

	it("puts each audience's goals and the live systems it depends on in a new paper's note, by tier", async () => {
		fs.appendFileSync(
			path.join(content, 'segments/executives.yaml'),
			'goals: [grow online sales, "cut costs by 5% */ not the end"]\njudgeIT: By whether the stores trade on a Saturday.\nreads: Email on a phone before 8.\n',
		);
		fs.mkdirSync(path.join(content, 'systems'));
		const system = (id: string, name: string, wait: string, extra = '') => {
			fs.writeFileSync(
				path.join(content, 'systems', `${id}.yaml`),
				`name: ${name}\ndoes: Does something the business needs.\ntechnical: ${id}-server\nowner: ada-lovelace\ndependents:\n  - { segment: executives, wait: ${wait}, stops: "Trading stops at once." }\npublished: 2026-03-01\n${extra}`,
			);
		};
		system('ledger', 'The ledger', '1d');
		system('network', 'The network', '15m', 'restore: { tier: 1 }\n');
		system('stock-app', 'The stock app', '1h', 'draft: true\n');
		expect(await run('paper', 'Why the network comes back first', '--segment', 'executives')).toBe(0);
		const source = fs.readFileSync(path.join(content, 'papers/why-the-network-comes-back-first.mdx'), 'utf8');
		const note = source.slice(source.indexOf('Who you are writing for'), source.indexOf('*/}', source.indexOf('Who you are writing for')));
		expect(note.split('\n').map((line) => line.trim())).toEqual([
			'Who you are writing for. Say what it means for their goals, in their words;',
			'list the systems the piece concerns in `systems: [ids]`.',
			'',
			'Executives: they want the headline: keep it short, and cite a metric or a system they depend on.',
			'Trying to achieve this year: grow online sales; cut costs by 5% * / not the end.',
			'How they judge IT: By whether the stores trade on a Saturday.',
			'How they read: Email on a phone before 8.',
			'The systems they depend on, by restore tier (id, and how long they can wait):',
			'The network (network, 15m)',
			'The ledger (ledger, 1d)',
			'',
		]);
		expect(source).toContain('systems: []\n');
		const { problems } = await checkSchemas(readHub(content), new Date('2026-06-15'));
		expect(problems.filter((p) => p.severity === 'error').map((p) => p.problem)).toEqual([]);
	});

	it('writes a draft campaign with the seven stages in order, each with its question, that passes the schema', async () => {
		expect(await run('campaign', 'New CRM for sales', '--segment', 'executives')).toBe(0);
		const source = fs.readFileSync(path.join(content, 'campaigns/new-crm-for-sales.mdx'), 'utf8');
		expect([...source.matchAll(/^ {2}- stage: (\w+)$/gm)].map((m) => m[1])).toEqual([...STAGE_IDS]);
		for (const id of STAGE_IDS) {
			expect(source).toContain(`# ${stageLabel(en, id)}: ${stagePrompt(en, id)}`);
			expect(source).toContain(`  ${stageLabel(en, id)}: ${stagePrompt(en, id)}`);
		}
		expect(source).toContain('owner: ada-lovelace\n');
		expect(source).toContain('start: 2026-06-15\n');
		expect(source).toContain('draft: true\n');
		const { problems } = await checkSchemas(readHub(content), new Date('2026-06-15'));
		expect(problems.map((p) => p.problem)).toEqual([]);
	});

	it('refuses a title of spaces before writing anything, as the schema would', async () => {
		const before = fs.readdirSync(path.join(content, 'papers')).sort();
		expect(await run('paper', '   ', '--segment', 'executives')).toBe(1);
		expect(err).toBe('npm run new: the title: expected a title of at least 5 characters; found "   "\n');
		expect(fs.readdirSync(path.join(content, 'papers')).sort()).toEqual(before);
		expect(await run('metric', '  \t ', '--segment', 'executives')).toBe(1);
		expect(fs.existsSync(path.join(content, 'metrics/metric-2026-06-15.yaml'))).toBe(false);
	});

	it('refuses to overwrite an existing file', async () => {
		expect(await run('paper', 'Cloud savings', '--segment', 'executives')).toBe(1);
		expect(err).toContain('cloud-savings.mdx already exists and will not be overwritten');
		expect(fs.readFileSync(path.join(content, 'papers/cloud-savings.mdx'), 'utf8')).toContain('Zephyrine');
	});

	it('names a Japanese-titled paper by kind and date, numbering a second one', async () => {
		expect(await run('paper', '東京のポップアップストア', '-s', 'executives')).toBe(0);
		expect(await run('paper', '大阪の店舗', '-s', 'executives')).toBe(0);
		expect(fs.existsSync(path.join(content, 'papers/paper-2026-06-15.mdx'))).toBe(true);
		expect(fs.readFileSync(path.join(content, 'papers/paper-2026-06-15-2.mdx'), 'utf8')).toContain('title: "大阪の店舗"');
		expect(err).toContain('pass --slug to choose one');
	});

	it('lists the valid ids for an unknown segment, topic or author', async () => {
		expect(await run('paper', 'A title here', '--segment', 'execs')).toBe(1);
		expect(err).toContain('unknown segment "execs": expected an existing segment, one of: all-staff, executives, finance');
		expect(await run('paper', 'A title here', '-s', 'executives', '--topic', 'clouds')).toBe(1);
		expect(err).toContain('unknown topic "clouds": expected an existing topic, one of:');
		expect(await run('paper', 'A title here', '-s', 'executives', '--author', 'nobody')).toBe(1);
		expect(err).toContain('unknown author "nobody": expected an existing author, one of: ada-lovelace');
		expect(fs.readdirSync(path.join(content, 'papers'))).not.toContain('a-title-here.mdx');
	});

	it('asks for --author when the git email matches nobody', async () => {
		const code = await newEntry(['paper', 'A title here', '-s', 'executives'], {
			out: () => undefined,
			err: (t) => (err += t),
			gitEmail: () => 'stranger@example.com',
		});
		expect(code).toBe(1);
		expect(err).toContain('has your git email stranger@example.com; pass --author <id>: expected an existing author, one of: ada-lovelace');
	});

	it('numbers a new newsletter issue after the last and lists what was published since', async () => {
		expect(await run('newsletter', 'Summer news from IT')).toBe(0);
		const source = fs.readFileSync(path.join(content, 'newsletters/issue-2.mdx'), 'utf8');
		expect(source).toContain('number: 2\n');
		expect(source).toMatch(/items:\n {2}- (paper|caseStudy|metric): [a-z-]+\n/);
	});

	it('documents itself with --help', async () => {
		expect(await run('--help')).toBe(0);
		expect(out).toContain('npm run new -- paper "Why we are moving file shares to the cloud" --segment executives --topic cloud');
		out = '';
		expect(await run('paper', '--help')).toBe(0);
		expect(out).toContain('--segment <ids...>');
		expect(out).toContain('--author <id>');
	});
});

describe('scripts/new.ts under Node', () => {
	it('runs with Node’s own type stripping, as npm run new does', async () => {
		const content = await copyFixture('tests/fixtures/basic/content', 'scaffold-node');
		const result = spawnSync(process.execPath, ['scripts/new.ts', 'metric', 'Orders kept flowing', '--segment', 'executives'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, HOURGLASS_CONTENT: content, HOURGLASS_NOW: '2026-06-15' },
		});
		expect(result.status, result.stderr).toBe(0);
		expect(fs.readFileSync(path.join(content, 'metrics/orders-kept-flowing.yaml'), 'utf8')).toContain('title: "Orders kept flowing"');
	});
});

describe('npm run new in a German hub', () => {
	const de = createLocale('de');
	const input = { title: 'Neue Kassen', date: '2026-06-15', segments: ['vorstand'], topics: [], author: 'jonas-weber' };

	it('writes its notes, headings and placeholders in German, each placeholder still marked TODO', () => {
		const study = scaffold({ ...input, kind: 'case-study' }, de);
		expect(study).toContain('Eine Fallstudie erzählt eine Arbeit');
		expect(study).toContain('## Die Aufgabe');
		expect(study).toContain('summary: "TODO: ein Satz dazu, was sich ändert, und für wen."');
		expect(study).not.toMatch(/The challenge|one sentence on what changes/);
	});

	it('asks each stage’s question under its German name', () => {
		const campaign = scaffold({ ...input, kind: 'campaign' }, de);
		expect(campaign).toContain('  # Testen: Wer ist in der Betagruppe');
		expect(campaign).toContain('goal: "TODO: was Testen erreichen muss, in einem Satz."');
	});
});
