/**
 * `npm run new`: starts a piece of writing with valid frontmatter and a skeleton that teaches the
 * house form. Pure functions here; the command line lives in `scaffold-cli.ts`.
 */
import slugify from '@sindresorhus/slugify';
import { URL_SAFE_ID } from '../content/schemas/common.ts';
import { type WritingKind } from '../content/kinds.ts';
import type { Locale } from '../content/i18n/index.ts';
import { STAGE_IDS, stageLabel, stagePrompt } from '../content/stages.ts';

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

/** An MDX comment for the writer, indented as the skeleton's notes are; the file's readers never see it. */
const note = (text: string): string => `{/*\n${text.replace(/^(?=.)/gm, '  ')}\n*/}`;

const campaignGuide = (locale: Locale): string =>
	note(
		[
			locale.t('scaffold.campaignGuide'),
			'',
			...STAGE_IDS.map((id) => `${stageLabel(locale, id)}: ${stagePrompt(locale, id)}`),
			'',
			locale.t('scaffold.campaignGuideEnd'),
		].join('\n'),
	);

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
const aboutFrontmatter = (input: ScaffoldInput, { t }: Locale): string[] => [
	`title: ${text(input.title)}`,
	`# ${t('scaffold.summaryNote')}`,
	`summary: ${text(t('scaffold.summary'))}`,
	`# ${t('scaffold.valueNote')}`,
	`businessValue: ${text(t('scaffold.value'))}`,
	`segments: ${ids(input.segments)}`,
	`topics: ${ids(input.topics)}`,
];

function writingFrontmatter(input: ScaffoldInput, locale: Locale, extra: string[]): string[] {
	return [
		...aboutFrontmatter(input, locale),
		`# ${locale.t('scaffold.systemsNote')}`,
		'systems: []',
		...extra,
		`published: ${input.date}`,
		`# ${locale.t('scaffold.draftNote')}`,
		'draft: true',
	];
}

/** The text of a new entry of any kind. */
export function scaffold(input: ScaffoldInput, locale: Locale): string {
	const { t } = locale;
	switch (input.kind) {
		case 'paper':
			return [
				'---',
				...writingFrontmatter(input, locale, [`author: ${input.author}`]),
				'---',
				'',
				note(t('scaffold.paperGuide')),
				'',
				...(input.readers?.length ? [readerNote(input.readers), ''] : []),
				t('scaffold.paperStart'),
				'',
			].join('\n');
		case 'case-study':
			return [
				'---',
				...writingFrontmatter(input, locale, [
					`author: ${input.author}`,
					`department: ${text(input.department ?? t('scaffold.department'))}`,
					'metrics: []',
				]),
				'---',
				'',
				note(t('scaffold.caseStudyGuide')),
				'',
				...(input.readers?.length ? [readerNote(input.readers), ''] : []),
				`## ${t('scaffold.challenge')}`,
				'',
				t('scaffold.challengeText'),
				'',
				`## ${t('scaffold.approach')}`,
				'',
				t('scaffold.approachText'),
				'',
				`## ${t('scaffold.outcome')}`,
				'',
				t('scaffold.outcomeText'),
				'',
			].join('\n');
		case 'metric':
			return [
				`# ${t('scaffold.metricNote')}`,
				`title: ${text(input.title)}`,
				`technical: ${text(t('scaffold.technical'))}`,
				`translation: ${text(t('scaffold.translation'))}`,
				`unit: ${text(input.unit ?? 'TODO')}`,
				`direction: ${input.direction ?? 'higher'}`,
				`segments: ${ids(input.segments)}`,
				`topics: ${ids(input.topics)}`,
				`published: ${input.date}`,
				'draft: true',
				`# ${t('scaffold.seriesNote')}`,
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
				`# ${t('scaffold.issueSummaryNote')}`,
				`summary: ${text(t('scaffold.issueSummary'))}`,
				`# ${t('scaffold.itemsNote')}`,
				'items:',
				...(input.items ?? []).map((item) => `  - ${item.key}: ${item.id}`),
				'draft: true',
				'---',
				'',
				note(t('scaffold.newsletterGuide')),
				'',
				t('scaffold.intro'),
				'',
			].join('\n');
		case 'campaign':
			return [
				'---',
				...aboutFrontmatter(input, locale),
				`owner: ${input.author}`,
				`start: ${input.date}`,
				`# ${t('scaffold.metricsNote')}`,
				'metrics: []',
				`# ${t('scaffold.championsNote')}`,
				'champions: []',
				`# ${t('scaffold.stagesNote')}`,
				'stages:',
				...STAGE_IDS.flatMap((id) => [
					`  # ${stageLabel(locale, id)}: ${stagePrompt(locale, id)}`,
					`  - stage: ${id}`,
					`    goal: ${text(t('scaffold.goal', { stage: stageLabel(locale, id) }))}`,
					'    activities: []',
				]),
				`# ${t('scaffold.campaignDraftNote')}`,
				'draft: true',
				'---',
				'',
				campaignGuide(locale),
				'',
				t('scaffold.story'),
				'',
			].join('\n');
	}
}
