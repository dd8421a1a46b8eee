/**
 * `npm run new -- hub <folder>`: the files of a new, empty hub that builds and lints clean at once.
 * Pure functions here; the command line (options, questions on a terminal) lives in `scaffold-cli.ts`.
 * Every word is in the hub's language: short texts from the dictionaries (`starter.*`, with the
 * `TODO` marker the linter's `placeholder` rule catches), the draft paper from `house-paper/`.
 */
import { createLocale, type Locale } from '../content/i18n/index.ts';
import { HOUSE_PAPERS } from './house-paper/index.ts';
import { slugFor } from './scaffold.ts';

/** What a new hub is made from; a setting left undefined is written as a marked TODO. */
export interface HubInput {
	/** The hub's name, e.g. "Contoso IT Hub". */
	name?: string | undefined;
	/** The company, e.g. "Contoso". */
	organisation?: string | undefined;
	/** The editors' mailbox. */
	editorsEmail?: string | undefined;
	/** BCP 47 language tag of the content. */
	language?: string | undefined;
	/** The first writer, from `git config user.name` and `user.email`. */
	author: { name?: string | undefined; email?: string | undefined };
	/** The organisation's mail domain, for addresses nobody gave. */
	domain?: string | undefined;
	/** YYYY-MM-DD: the draft paper's date. */
	date: string;
}

/** The settings a hub must have that `--name`, `--organisation`, `--editors-email` and `--language` give. */
export const HUB_SETTINGS = ['name', 'organisation', 'editorsEmail', 'language'] as const;
export type HubSetting = (typeof HUB_SETTINGS)[number];

/** The segments the method starts from: who reads, in what detail, in what order. Their words are `starter.segment.<id>.*`. */
export const AUDIENCES = [
	{ id: 'executives', detail: 'headline' },
	{ id: 'divisional-managers', detail: 'summary' },
	{ id: 'superusers', detail: 'detail' },
	{ id: 'all-staff', detail: 'summary' },
] as const;

/** The one topic a new hub starts with (its words are `starter.topic.*`); writers add their own to `topics.yaml`. */
const FIRST_TOPIC_ID = 'it-and-the-business';

/** YAML scalars: JSON strings are valid YAML and survive quotes, colons, `&` and emoji. */
const text = (value: string) => JSON.stringify(value);

/** A name as a plain YAML scalar when it reads the same unquoted ("Executives", "Key-User"), else quoted ("No", "Null"). */
const plain = (value: string) =>
	/^\p{L}[\p{L}\p{N} ’'-]*$/u.test(value) && !/^(y|yes|n|no|true|false|on|off|null)$/i.test(value) ? value : text(value);

/** A note of one or more lines as YAML comments. */
const comment = (note: string, indent = '') => note.split('\n').map((line) => `${indent}# ${line}`);

/** A placeholder email nobody can receive (`.invalid` is reserved), for a mailbox nobody gave. */
const placeholderEmail = (local: string, domain: string | undefined) => `${local}@${domain ?? 'example.invalid'}`;

/** The words of the new hub: its language's dictionary, English for a language Hourglass does not ship. */
const starterLocale = (input: HubInput): Locale => createLocale(input.language ?? 'en-GB');

/** The author id and file of the first writer. */
export function firstAuthor(input: HubInput): { id: string; name: string; email: string; todo: boolean } {
	const { name, email } = input.author;
	const id = slugFor(name ?? '', '') || slugFor(email?.split('@')[0] ?? '', '') || 'first-writer';
	return {
		id,
		name: name ?? starterLocale(input).t('starter.author.nameTodo'),
		email: email ?? placeholderEmail('first-writer', input.domain),
		todo: name === undefined || email === undefined,
	};
}

function hubYaml(input: HubInput, locale: Locale): string {
	const editorsEmail = input.editorsEmail ?? placeholderEmail('it-editors', input.domain);
	const tagline = locale.t('starter.hub.tagline', { organisation: input.organisation ?? locale.t('starter.hub.theBusiness') });
	return [
		...comment(locale.t('starter.hub.note')),
		`title: ${text(input.name ?? locale.t('starter.hub.nameTodo'))}`,
		`tagline: ${text(tagline)}`,
		`organisation: ${text(input.organisation ?? locale.t('starter.hub.organisationTodo'))}`,
		`language: ${input.language ?? 'en-GB'}${input.language ? '' : ` # ${locale.t('starter.hub.languageTodo')}`}`,
		...comment(locale.t('starter.hub.editorsNote')),
		'editors:',
		`  name: ${plain(locale.t('starter.hub.editorsName'))}`,
		...(input.editorsEmail ? [] : comment(locale.t('starter.hub.editorsTodo'), '  ')),
		`  email: ${editorsEmail}`,
		...comment(locale.t('starter.hub.inboxNote')),
		'# inbox:',
		`#   authservId: mail.${editorsEmail.split('@').at(-1)!}`,
		'#   require: aligned',
		'',
	].join('\n');
}

function segmentYaml(audience: (typeof AUDIENCES)[number], order: number, locale: Locale): string {
	return [
		`name: ${plain(locale.t(`starter.segment.${audience.id}.name`))}`,
		`audience: ${text(locale.t(`starter.segment.${audience.id}.audience`))}`,
		...comment(locale.t('starter.segment.caresNote')),
		'cares:',
		`  - ${text(locale.t(`starter.segment.${audience.id}.cares`))}`,
		`detail: ${audience.detail}`,
		`order: ${order}`,
		'',
	].join('\n');
}

function topicsYaml(locale: Locale): string {
	return [
		...comment(locale.t('starter.topic.note')),
		`- id: ${FIRST_TOPIC_ID}`,
		`  name: ${plain(locale.t('starter.topic.name'))}`,
		`  description: ${text(locale.t('starter.topic.description'))}`,
		'',
	].join('\n');
}

function authorYaml(input: HubInput, locale: Locale): string {
	const author = firstAuthor(input);
	return [
		...comment(locale.t('starter.author.note')),
		...(author.todo ? comment(locale.t('starter.author.gitTodo')) : []),
		`name: ${text(author.name)}`,
		`role: ${text(locale.t('starter.author.roleTodo'))}`,
		`email: ${author.email}`,
		'',
	].join('\n');
}

const contactsYaml = (locale: Locale) => [...comment(locale.t('starter.contacts.note')), 'contacts: []', ''].join('\n');

/** Whether a hub's language (default en-GB) is a kind of English. */
const isEnglish = (language: string | undefined) => language === undefined || /^en(-|$)/i.test(language);

/** The draft paper that shows the house form by being an example of it (and lints clean). */
function housePaper(input: HubInput, locale: Locale): string {
	const paper = HOUSE_PAPERS[locale.dictionary];
	return [
		'---',
		`title: ${text(paper.title)}`,
		`summary: ${text(paper.summary)}`,
		`businessValue: ${text(paper.businessValue)}`,
		'segments: [all-staff]',
		`topics: [${FIRST_TOPIC_ID}]`,
		`author: ${firstAuthor(input).id}`,
		`published: ${input.date}`,
		// A language Hourglass ships no paper in gets the English one, marked so screen readers and hyphenation follow.
		...(locale.dictionary === 'en' && !isEnglish(input.language) ? ['lang: en'] : []),
		...comment(locale.t('starter.paper.draftNote')),
		'draft: true',
		'---',
		'',
		...paper.body,
		'',
	].join('\n');
}

/** Every file of a new hub, by path relative to its folder, written in the hub's language. */
export function hubFiles(input: HubInput): Record<string, string> {
	const locale = starterLocale(input);
	return {
		'hub.yaml': hubYaml(input, locale),
		...Object.fromEntries(AUDIENCES.map((audience, index) => [`segments/${audience.id}.yaml`, segmentYaml(audience, index + 1, locale)])),
		'topics.yaml': topicsYaml(locale),
		[`authors/${firstAuthor(input).id}.yaml`]: authorYaml(input, locale),
		'contacts.yaml': contactsYaml(locale),
		'papers/how-we-write-for-this-hub.mdx': housePaper(input, locale),
	};
}

/** The settings a new hub left as TODO, in words for the command's summary, in the new hub's language. */
export function missingSettings(input: HubInput): string[] {
	const locale = starterLocale(input);
	return HUB_SETTINGS.filter((setting) => input[setting] === undefined).map((setting) => locale.t(`cli.hub.missing.${setting}`));
}
