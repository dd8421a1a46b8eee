/**
 * `npm run new`: starts a piece of writing with valid frontmatter and a skeleton that teaches the
 * house form. Pure functions here; the command line lives in `scaffold-cli.ts`.
 */
import slugify from '@sindresorhus/slugify';
import { URL_SAFE_ID } from '../content/schemas/common.ts';
import { type WritingKind } from '../content/kinds.ts';
import { STAGE_IDS, STAGES } from '../content/stages.ts';

/** Longest slug we generate: URLs and file names stay readable. */
const MAX_SLUG = 60;

/**
 * A URL-safe id from a title in any script: accents and Cyrillic or Greek are transliterated by
 * slugify. A title with no letters it can transliterate (Japanese, Chinese…) gives no usable slug:
 * then `fallback` is used, and the writer can pass `--slug`.
 */
export function slugFor(title: string, fallback: string): string {
	let slug = slugify(title);
	if (slug.length > MAX_SLUG) slug = slug.slice(0, MAX_SLUG + 1).replace(/-[^-]*$/, '');
	return URL_SAFE_ID.test(slug) && /[a-z]/.test(slug) ? slug : fallback;
}

/** The author whose email matches (case-insensitively) the writer's git email. */
export function authorByEmail(email: string | undefined, authors: readonly { id: string; email: unknown }[]): string | undefined {
	if (!email) return undefined;
	const wanted = email.trim().toLowerCase();
	return authors.find((author) => typeof author.email === 'string' && author.email.toLowerCase() === wanted)?.id;
}

/** The number after the highest issue so far (1 for the first). */
export const nextIssueNumber = (numbers: readonly number[]): number => Math.max(0, ...numbers.filter(Number.isInteger)) + 1;

/** A newsletter item: the kind of entry and its id. */
export interface IssueItem {
	key: 'paper' | 'caseStudy' | 'metric';
	id: string;
}

/** What a writer should know about an audience they write for: its persona and the systems it depends on. */
export interface Reader {
	name: string;
	detail: string;
	goals: readonly string[];
	judgeIT?: string | undefined;
	reads?: string | undefined;
	/** The systems it depends on, in the order they come back, with how long it can wait for each. */
	systems: readonly { id: string; name: string; wait: string }[];
}

export interface ScaffoldInput {
	kind: WritingKind;
	title: string;
	/** YYYY-MM-DD. */
	date: string;
	segments: readonly string[];
	topics: readonly string[];
	author?: string | undefined;
	department?: string | undefined;
	unit?: string | undefined;
	direction?: 'higher' | 'lower' | undefined;
	number?: number | undefined;
	items?: readonly IssueItem[] | undefined;
	/** The audiences it is for, as personas: their note goes below the guide of a paper or case study. */
	readers?: readonly Reader[] | undefined;
}

/** YAML scalars: JSON strings are valid YAML and survive quotes, colons, `&` and emoji. */
const text = (value: string) => JSON.stringify(value);
const ids = (values: readonly string[]) => `[${values.join(', ')}]`;

const PAPER_GUIDE = `{/*
  A position paper makes ONE case in 200 to 300 words of prose (npm run lint:content counts them).

  1. Lead with the business value: what the business gains in money, time, risk or customers.
     Don't say "we completed the upgrade to version 9"; say what the upgrade lets the business do.
  2. What changes, and for whom. Talk of customers, colleagues and stakeholders, not "users".
  3. What it costs, and what not doing it would cost. Nobody outside IT cares how many nines of
     uptime there were; they care what downtime would have cost.
  4. What you need from the reader, if anything, and who to ask.

  Spell out acronyms the first time, e.g. "customer relationship management (CRM)". Short
  sentences. Headings start at ## (the title is the page's h1). Replace every TODO, delete this
  note, run npm run lint:content, and set draft: false when it is ready to publish.
*/}`;

const CASE_STUDY_GUIDE = `{/*
  A case study tells one piece of work as a story the business recognises: the challenge, what we
  did together, and the outcome in the business's numbers (money, time, risk, customers).
  Name the department you worked with. Talk of customers, colleagues and stakeholders, not "users".
  Spell out acronyms the first time. Replace every TODO, delete this note, run npm run lint:content,
  and set draft: false when it is ready to publish.
*/}`;

const NEWSLETTER_GUIDE = `{/*
  The editor's intro: three or four short paragraphs, in plain words, on why this issue matters to
  the business now. The items below are listed in frontmatter, in the order readers see them;
  give an item a one-line blurb to replace its summary. Replace every TODO, delete this note, run
  npm run lint:content, and set draft: false when the issue is ready to send.
*/}`;

const CAMPAIGN_GUIDE = `{/*
  A campaign earns trust in seven stages, before and after the launch, instead of announcing a
  change and holding roll-out meetings. Tell its story here in a few short paragraphs: what changes
  for the business, and why people will want it. The stages and their dated activities live in the
  frontmatter; pages draw the hourglass and the timeline from them. Answer each stage's question:

${STAGE_IDS.map((id) => `  ${STAGES[id].label}: ${STAGES[id].prompt}`).join('\n')}

  Replace every TODO, delete this note, run npm run lint:content, and set draft: false when the
  campaign starts.
*/}`;

const DETAIL_ADVICE: Record<string, string> = {
	headline: 'they want the headline: keep it short, and cite a metric or a system they depend on',
	summary: 'they want a summary: the case, and what it means for their teams',
	detail: 'they want the detail: how it works and what changes, step by step',
};

/** The note on who the piece is for: each audience's goals, how it judges IT and reads, and its systems. */
export function readerNote(readers: readonly Reader[]): string {
	const lines = [
		'Who you are writing for. Say what it means for their goals, in their words;',
		'list the systems the piece concerns in `systems: [ids]`.',
		...readers.flatMap((reader) => [
			'',
			`${reader.name}: ${DETAIL_ADVICE[reader.detail] ?? reader.detail}.`,
			...(reader.goals.length > 0 ? [`  Trying to achieve this year: ${reader.goals.join('; ')}.`] : []),
			...(reader.judgeIT ? [`  How they judge IT: ${reader.judgeIT}`] : []),
			...(reader.reads ? [`  How they read: ${reader.reads}`] : []),
			...(reader.systems.length > 0
				? [
						'  The systems they depend on, by restore tier (id, and how long they can wait):',
						...reader.systems.map((system) => `    ${system.name} (${system.id}, ${system.wait})`),
					]
				: []),
		]),
	];
	// `*/` in a goal would close the comment early.
	return `{/*\n${lines
		.map((line) => (line ? `  ${line}` : ''))
		.join('\n')
		.replaceAll('*/', '* /')}\n*/}`;
}

/** What every piece of writing says about itself first: its title, summary, value and audience. */
const aboutFrontmatter = (input: ScaffoldInput): string[] => [
	`title: ${text(input.title)}`,
	'# One sentence: what changes, for whom. Lists, feeds and search show it.',
	`summary: ${text('TODO: one sentence on what changes, and for whom.')}`,
	'# The "so what", shown first: money, time, risk or customers. Not a restatement of the title.',
	`businessValue: ${text('TODO: what the business gains, in one or two sentences.')}`,
	`segments: ${ids(input.segments)}`,
	`topics: ${ids(input.topics)}`,
];

function writingFrontmatter(input: ScaffoldInput, extra: string[]): string[] {
	return [
		...aboutFrontmatter(input),
		"# Systems it concerns (files in systems/); its page lists the piece. The note below names your readers'.",
		'systems: []',
		...extra,
		`published: ${input.date}`,
		'# Drafts never reach the site, feeds or search; set false to publish.',
		'draft: true',
	];
}

/** The text of a new entry of any kind. */
export function scaffold(input: ScaffoldInput): string {
	switch (input.kind) {
		case 'paper':
			return [
				'---',
				...writingFrontmatter(input, [`author: ${input.author}`]),
				'---',
				'',
				PAPER_GUIDE,
				'',
				...(input.readers?.length ? [readerNote(input.readers), ''] : []),
				'TODO: open with what the business gains.',
				'',
			].join('\n');
		case 'case-study':
			return [
				'---',
				...writingFrontmatter(input, [
					`author: ${input.author}`,
					`department: ${text(input.department ?? 'TODO: the business department you worked with')}`,
					'metrics: []',
				]),
				'---',
				'',
				CASE_STUDY_GUIDE,
				'',
				...(input.readers?.length ? [readerNote(input.readers), ''] : []),
				'## The challenge',
				'',
				'TODO: what the business was up against, in its own words.',
				'',
				'## What we did',
				'',
				'TODO: what we did together, and who took part.',
				'',
				'## The outcome',
				'',
				'TODO: the result in money, time, risk or customers.',
				'',
			].join('\n');
		case 'metric':
			return [
				'# A metric translates a technical measure into what it means for the business.',
				`title: ${text(input.title)}`,
				`technical: ${text('TODO: the measure as IT says it, e.g. Checkout API availability')}`,
				`translation: ${text('TODO: what the number means for the business, in one sentence.')}`,
				`unit: ${text(input.unit ?? 'TODO')}`,
				`direction: ${input.direction ?? 'higher'}`,
				`segments: ${ids(input.segments)}`,
				`topics: ${ids(input.topics)}`,
				`published: ${input.date}`,
				'draft: true',
				'# Replace with real measurements, oldest or newest first.',
				'series:',
				`  - { date: ${input.date}, value: 0 }`,
				'',
			].join('\n');
		case 'newsletter':
			return [
				'---',
				`number: ${input.number ?? 1}`,
				`title: ${text(input.title)}`,
				`date: ${input.date}`,
				'# One sentence: the email preheader and the archive line.',
				`summary: ${text('TODO: one sentence on what is in this issue.')}`,
				'# Items in the order readers see them: paper, caseStudy or metric, each with an optional blurb.',
				'items:',
				...(input.items ?? []).map((item) => `  - ${item.key}: ${item.id}`),
				'draft: true',
				'---',
				'',
				NEWSLETTER_GUIDE,
				'',
				"TODO: the editor's intro.",
				'',
			].join('\n');
		case 'campaign':
			return [
				'---',
				...aboutFrontmatter(input),
				`owner: ${input.author}`,
				`start: ${input.date}`,
				'# Metrics to move, each with the date of its "before" figure: - { metric: <id>, baseline: YYYY-MM-DD }',
				'metrics: []',
				'# Champions from the business: - { name: ..., role: ..., department: ... }',
				'champions: []',
				'# The seven stages, in this order. Add dated activities: - { title: ..., date: YYYY-MM-DD, status: planned }',
				'stages:',
				...STAGE_IDS.flatMap((id) => [
					`  # ${STAGES[id].label}: ${STAGES[id].prompt}`,
					`  - stage: ${id}`,
					`    goal: ${text(`TODO: what ${STAGES[id].label} must achieve, in one sentence.`)}`,
					'    activities: []',
				]),
				'# Drafts never reach the site, feeds or search; set false when the campaign starts.',
				'draft: true',
				'---',
				'',
				CAMPAIGN_GUIDE,
				'',
				'TODO: the story of the campaign.',
				'',
			].join('\n');
	}
}
