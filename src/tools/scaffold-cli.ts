/**
 * `npm run new -- <kind> "<title>" [options]`: writes a new draft into the hub's content folder.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { Option } from 'commander';
import type { z } from 'astro/zod';
import { commandLine, UsageError } from './cli.ts';
import { contentDir, displayPath } from '../content/content-dir.ts';
import { hubLocale, writerLocale } from '../content/i18n/index.ts';
import type { MessageKey } from '../content/i18n/dictionaries.ts';
import { field, readHub, type HubContent } from './lint/entry.ts';
import { COLLECTIONS, KINDS, kindNoun, WRITING_KINDS, type WritingKind } from '../content/kinds.ts';
import { expectedFound, oneOf, phrase, say } from '../content/problems.ts';
import { buildTime, visibility } from '../content/publication.ts';
import { zodProblems } from '../content/zod-problems.ts';
import { isoDate } from '../content/format.ts';
import { authorByEmail, nextIssueNumber, scaffold, slugFor, type IssueItem, type Reader, type ScaffoldInput } from './scaffold.ts';
import { email as emailSchema, languageTag, text as textSchema } from '../content/schemas/common.ts';
import { HUB_SETTINGS, hubFiles, missingSettings, type HubInput, type HubSetting } from './scaffold-hub.ts';
import { parseDuration, writeDuration } from '../content/duration.ts';
import { tierForWait, TIER_IDS } from '../content/tiers.ts';

export interface Io {
	out: (text: string) => void;
	err: (text: string) => void;
	/** The writer's git email, to find their author id. */
	gitEmail: () => string | undefined;
	/** The writer's git name, for a new hub's first author. */
	gitName?: () => string | undefined;
	/** Asks a question on a terminal; absent when there is none (CI, a pipe), and then nothing is asked. */
	ask?: ((question: string) => Promise<string>) | undefined;
}

const gitConfig = (key: string) => (): string | undefined => {
	try {
		return execFileSync('git', ['config', key], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
	} catch {
		return undefined;
	}
};

/** One readline interface for the questions of a run, closed when the command ends. */
let terminal: readline.Interface | undefined;
async function askOnTerminal(question: string): Promise<string> {
	terminal ??= readline.createInterface({ input: process.stdin, output: process.stdout });
	try {
		return await terminal.question(question);
	} catch (error) {
		// Ctrl+C or Ctrl+D closes the terminal's input: stop before anything is written.
		if ((error as { code?: string }).code === 'ABORT_ERR') throw new UsageError(phrase('cli.new.stopped'));
		throw error;
	}
}

const processIo: Io = {
	out: (text) => process.stdout.write(text),
	err: (text) => process.stderr.write(text),
	gitEmail: gitConfig('user.email'),
	gitName: gitConfig('user.name'),
	ask: process.stdin.isTTY && process.stdout.isTTY ? askOnTerminal : undefined,
};

/** Ids given as repeated options or comma-separated. */
const idList = (values: readonly string[] | undefined) =>
	(values ?? [])
		.flatMap((value) => value.split(','))
		.map((id) => id.trim())
		.filter(Boolean);

function checkIds(what: 'segment' | 'topic' | 'author', given: readonly string[], valid: readonly string[]): void {
	const noun = phrase(`noun.${what}s`);
	for (const id of given)
		if (!valid.includes(id)) throw new UsageError(phrase(`cli.unknown.${what}`, { id, expected: oneOf(noun, valid) }));
}

/** Live papers, case studies and metrics published since the last issue (the newest one if none). */
function issueItems(hub: HubContent, now: Date): IssueItem[] {
	const keys: Partial<Record<WritingKind, IssueItem['key']>> = { paper: 'paper', 'case-study': 'caseStudy', metric: 'metric' };
	const dateOf = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));
	const lastIssue = Math.max(0, ...hub.entries.filter((e) => e.kind === 'newsletter').map((e) => dateOf(field(e, 'date')).getTime() || 0));
	const live = hub.entries
		.filter((entry) => keys[entry.kind] !== undefined)
		.map((entry) => ({ entry, published: dateOf(field(entry, 'published')) }))
		.filter(
			({ entry, published }) =>
				!Number.isNaN(published.getTime()) && visibility({ draft: field(entry, 'draft') === true, published }, now) === 'live',
		)
		.sort((a, b) => b.published.getTime() - a.published.getTime());
	const fresh = live.filter(({ published }) => published.getTime() > lastIssue).slice(0, 6);
	return (fresh.length > 0 ? fresh : live.slice(0, 1)).map(({ entry }) => ({ key: keys[entry.kind]!, id: entry.id }));
}

const records = (value: unknown): Record<string, unknown>[] =>
	Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : [];
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * The audiences a piece is for, as its note tells the writer: each segment's persona and the live
 * systems it depends on, by tier and then by how long it can wait. Read from the files as written:
 * a system with a wait that does not parse is left out here and reported by npm run lint:content.
 */
function readersOf(hub: HubContent, segments: readonly string[], now: Date): Reader[] {
	const systems = hub.systems.flatMap((file) => {
		const published = new Date(String(field(file, 'published')));
		if (Number.isNaN(published.getTime()) || visibility({ draft: field(file, 'draft') === true, published }, now) !== 'live') return [];
		const dependents = records(field(file, 'dependents')).map((d) => ({ segment: d.segment, wait: parseDuration(String(d.wait)) }));
		const waits = dependents.map((d) => d.wait);
		if (waits.some((wait) => wait === undefined)) return [];
		const restore = records([field(file, 'restore')])[0];
		const set = TIER_IDS.find((tier) => tier === restore?.tier);
		const tier = set ?? tierForWait(Math.min(...(waits as number[])));
		return [{ id: file.id, name: String(field(file, 'name')), tier, dependents }];
	});
	return segments.map((id): Reader => {
		const segment = hub.segments.find((s) => s.id === id)!;
		const optional = (name: string) => (typeof field(segment, name) === 'string' ? String(field(segment, name)) : undefined);
		return {
			name: String(field(segment, 'name')),
			detail: optional('detail') ?? 'summary',
			goals: strings(field(segment, 'goals')),
			judgeIT: optional('judgeIT'),
			reads: optional('reads'),
			systems: systems
				.flatMap((system) => {
					const own = system.dependents.find((d) => d.segment === id);
					return own ? [{ ...system, wait: own.wait! }] : [];
				})
				.sort((a, b) => a.tier - b.tier || a.wait - b.wait || a.name.localeCompare(b.name))
				.map((system) => ({ id: system.id, name: system.name, wait: writeDuration(system.wait) })),
		};
	});
}

interface Options {
	segment?: string[];
	topic?: string[];
	author?: string;
	slug?: string;
	department?: string;
	unit?: string;
	direction?: 'higher' | 'lower';
}

/** The title as the kind's schema will read it, before a file is written: spaces alone would make an empty heading. */
function checkTitle(kind: WritingKind, title: string): void {
	const schema = COLLECTIONS[KINDS[kind].collection].schema as z.ZodObject<{ title: z.ZodType }>;
	const checked = schema.shape.title.safeParse(title);
	const [problem] = checked.success ? [] : zodProblems('', checked.error, title);
	if (problem)
		throw new UsageError(
			phrase('cli.new.title', { problem: expectedFound({ found: phrase('problem.nothing'), ...problem }, writerLocale()) }),
		);
}

function create(kind: WritingKind, title: string, options: Options, io: Io): string {
	checkTitle(kind, title);
	const root = contentDir();
	if (!fs.existsSync(root)) throw new UsageError(phrase('cli.new.noContent', { folder: root }));
	const hub = readHub(root);
	const now = buildTime();
	const date = isoDate(now);
	const segments = idList(options.segment);
	const topics = idList(options.topic);
	checkIds(
		'segment',
		segments,
		hub.segments.map((s) => s.id),
	);
	checkIds('topic', topics, hub.topics.ids);
	if (kind !== 'newsletter' && segments.length === 0) {
		throw new UsageError(
			phrase('cli.new.segmentNeeded', {
				expected: oneOf(
					phrase('noun.segments'),
					hub.segments.map((s) => s.id),
				),
			}),
		);
	}

	const input: ScaffoldInput = {
		kind,
		title,
		date,
		segments,
		topics,
		department: options.department,
		unit: options.unit,
		direction: options.direction,
	};
	if (kind === 'paper' || kind === 'case-study') input.readers = readersOf(hub, segments, now);
	if (kind === 'paper' || kind === 'case-study' || kind === 'campaign') {
		const authors = hub.authors.map((author) => ({ id: author.id, email: field(author, 'email') }));
		const ids = authors.map((author) => author.id);
		if (options.author) checkIds('author', [options.author], ids);
		const email = options.author ? undefined : io.gitEmail();
		input.author = options.author ?? authorByEmail(email, authors);
		if (!input.author) {
			const who = email
				? phrase('cli.new.noAuthorFor', { folder: path.join(displayPath(root), 'authors'), email })
				: phrase('cli.new.noGitEmail');
			throw new UsageError(phrase('cli.new.passAuthor', { who, expected: oneOf(phrase('noun.authors'), ids) }));
		}
	}
	if (kind === 'newsletter') {
		input.number = nextIssueNumber(hub.entries.filter((e) => e.kind === 'newsletter').map((e) => Number(field(e, 'number'))));
		input.items = issueItems(hub, now);
		if (input.items.length === 0) throw new UsageError(phrase('cli.new.issueEmpty'));
	}

	const { collection } = KINDS[kind];
	const { extensions } = COLLECTIONS[collection];
	const folder = path.join(root, collection);
	if (options.slug !== undefined && slugFor(options.slug, '') !== options.slug) {
		throw new UsageError(phrase('cli.new.slug', { slug: options.slug, example: slugFor(options.slug, `${kind}-${date}`) }));
	}
	// Issues are named by number, like their pages (/newsletter/<number>/).
	const fallback = kind === 'newsletter' ? `issue-${input.number}` : `${kind}-${date}`;
	let slug = options.slug ?? (kind === 'newsletter' ? fallback : slugFor(title, fallback));
	const taken = (name: string) => extensions.some((extension) => fs.existsSync(path.join(folder, `${name}${extension}`)));
	if (slug === fallback && options.slug === undefined) {
		// A generated name may be taken by an earlier entry of the same day: number it, never overwrite.
		for (let n = 2; taken(slug); n++) slug = `${fallback}-${n}`;
		if (kind !== 'newsletter' && !slugFor(title, '')) io.err(`${writerLocale().t('cli.new.slugFallback', { slug })}\n`);
	}
	const file = path.join(folder, `${slug}${extensions[0]}`);
	if (taken(slug)) {
		throw new UsageError(phrase('cli.new.exists', { file: displayPath(file) }));
	}
	fs.mkdirSync(folder, { recursive: true });
	fs.writeFileSync(file, scaffold(input, hubLocale(root)), { flag: 'wx' });
	return file;
}

/** How each setting of a new hub is checked, asked for and named: by the schema hub.yaml is read with. */
const HUB_QUESTIONS: Record<HubSetting, { option: string; question: MessageKey; schema: z.ZodType<string> }> = {
	organisation: { option: '--organisation', question: 'cli.hub.askOrganisation', schema: textSchema(2) },
	name: { option: '--name', question: 'cli.hub.askName', schema: textSchema(2) },
	editorsEmail: { option: '--editors-email', question: 'cli.hub.askEditors', schema: emailSchema },
	language: { option: '--language', question: 'cli.hub.askLanguage', schema: languageTag },
};

/** What the schema says about a value, or undefined when it fits. */
function settingProblem(setting: HubSetting, value: string): string | undefined {
	const checked = HUB_QUESTIONS[setting].schema.safeParse(value);
	const [problem] = checked.success ? [] : zodProblems('', checked.error, value);
	return problem && expectedFound({ found: phrase('problem.nothing'), ...problem }, writerLocale());
}

/** A suggestion the terminal offers (Enter takes it) from what is known so far. */
function suggestion(setting: HubSetting, input: HubInput): string | undefined {
	if (setting === 'name') return input.organisation && `${input.organisation} IT Hub`;
	if (setting === 'editorsEmail') return input.domain && `it-editors@${input.domain}`;
	if (setting === 'language') return 'en-GB';
	return undefined;
}

interface HubOptions {
	name?: string;
	organisation?: string;
	editorsEmail?: string;
	language?: string;
	domain?: string;
}

async function createHub(folder: string, options: HubOptions, io: Io): Promise<{ root: string; todo: string[] }> {
	const root = path.resolve(folder);
	if (fs.existsSync(root)) {
		if (!fs.statSync(root).isDirectory()) throw new UsageError(phrase('cli.hub.isFile', { folder }));
		const present = fs.readdirSync(root);
		if (present.length > 0) {
			throw new UsageError(
				phrase('cli.hub.notEmpty', { folder, found: `${present.slice(0, 5).join(', ')}${present.length > 5 ? ', …' : ''}` }),
			);
		}
	}
	if (options.domain !== undefined && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(options.domain))
		throw new UsageError(phrase('cli.hub.domain', { domain: options.domain }));
	const input: HubInput = {
		domain: options.domain,
		date: isoDate(buildTime()),
		author: { name: io.gitName?.(), email: io.gitEmail() },
	};
	for (const setting of HUB_SETTINGS) {
		const given = options[setting];
		if (given === undefined) continue;
		const problem = settingProblem(setting, given);
		if (problem) throw new UsageError(`${HUB_QUESTIONS[setting].option}: ${problem}`);
		input[setting] = given.trim();
	}
	if (io.ask) {
		// Asked in this order so that each suggestion can build on the answers before it.
		for (const setting of ['organisation', 'name', 'editorsEmail', 'language'] as const) {
			while (input[setting] === undefined) {
				const offered = suggestion(setting, input);
				const question = writerLocale().t(HUB_QUESTIONS[setting].question);
				const answer = (await io.ask(`${question}${offered ? ` [${offered}]` : ''}: `)).trim() || offered;
				if (answer === undefined) break;
				const problem = settingProblem(setting, answer);
				if (problem) io.err(`${problem}\n`);
				else input[setting] = answer;
			}
		}
	}
	for (const [file, contents] of Object.entries(hubFiles(input))) {
		fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		fs.writeFileSync(path.join(root, file), contents, { flag: 'wx' });
	}
	return { root, todo: missingSettings(input) };
}

/** What to run next in the new hub: `npm run build` for content/, HOURGLASS_CONTENT for a folder of its own. */
function hubNextSteps(root: string, todo: readonly string[]): string {
	const relative = displayPath(root) || '.';
	const env = root === contentDir() ? '' : `HOURGLASS_CONTENT=${relative} `;
	// The new hub's own language: what it writes from here on is in it.
	const locale = writerLocale(root);
	return [
		locale.t('cli.hub.created', { folder: relative }),
		...(todo.length > 0 ? [locale.t('cli.hub.todo', { settings: todo.join(', ') })] : []),
		locale.t('cli.hub.next', { segments: path.join(relative, 'segments'), authors: path.join(relative, 'authors') }),
		locale.t('cli.hub.build', { command: `${env}npm run build` }),
		locale.t('cli.hub.check', { command: `${env}npm run lint:content` }),
		locale.t('cli.hub.write', { command: `${env}npm run new -- paper "${locale.t('cli.hub.yourTitle')}" --segment executives` }),
		'',
	].join('\n');
}

export async function newEntry(argv: readonly string[], io: Io = processIo): Promise<number> {
	const locale = writerLocale();
	const t = (key: MessageKey) => locale.t(key);
	const { program, run } = commandLine('new', phrase('cli.new.description'), io);
	program.addHelpText('after', `\n${t('cli.new.help')}`);
	for (const kind of WRITING_KINDS) {
		const command = program
			.command(kind)
			.description(
				locale.t('cli.new.kind', {
					what: say(kindNoun(kind), locale),
					file: `${KINDS[kind].collection}/${kind === 'newsletter' ? 'issue-<number>' : '<slug>'}${COLLECTIONS[KINDS[kind].collection].extensions[0]}`,
				}),
			)
			.argument('<title>', t('cli.new.titleArgument'))
			.option('-s, --segment <ids...>', t('cli.new.segmentOption'))
			.option('-t, --topic <ids...>', t('cli.new.topicOption'))
			.option('--slug <name>', t('cli.new.slugOption'));
		if (kind === 'paper' || kind === 'case-study') command.option('-a, --author <id>', t('cli.new.authorOption'));
		if (kind === 'campaign') command.option('-a, --author <id>', t('cli.new.ownerOption'));
		if (kind === 'case-study') command.option('--department <name>', t('cli.new.departmentOption'));
		if (kind === 'metric') {
			command.option('--unit <unit>', t('cli.new.unitOption'));
			command.addOption(new Option('--direction <direction>', t('cli.new.directionOption')).choices(['higher', 'lower']));
		}
		command.action((title: string, options: Options) => {
			const relative = displayPath(create(kind, title, options, io));
			io.out(`${locale.t('cli.new.created', { file: relative })}\n`);
		});
	}
	program
		.command('hub')
		.description(t('cli.hub.description'))
		.argument('<folder>', t('cli.hub.folderArgument'))
		.option('--name <name>', t('cli.hub.nameOption'))
		.option('--organisation <name>', t('cli.hub.organisationOption'))
		.option('--editors-email <address>', t('cli.hub.editorsOption'))
		.option('--language <tag>', t('cli.hub.languageOption'))
		.option('--domain <domain>', t('cli.hub.domainOption'))
		.addHelpText('after', `\n${t('cli.hub.help')}`)
		.action(async (folder: string, options: HubOptions) => {
			let hub: { root: string; todo: string[] };
			try {
				hub = await createHub(folder, options, io);
			} finally {
				terminal?.close();
				terminal = undefined;
			}
			io.out(hubNextSteps(hub.root, hub.todo));
		});
	return run(argv);
}
