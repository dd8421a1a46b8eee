/**
 * `npm run new -- hub <folder>`: the files of a new, empty hub that builds and lints clean at once.
 * Pure functions here; the command line (options, questions on a terminal) lives in `scaffold-cli.ts`.
 */
import { slugFor } from './scaffold.ts';

/** The marker the linter's `placeholder` rule and a reader's eye both catch. */
export const TODO = 'TODO';

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

/** The segments the method starts from: who reads, in what detail, in what order. */
export const AUDIENCES = [
	{
		id: 'executives',
		name: 'Executives',
		audience: 'The board and the senior leadership team. They set direction and budgets, and give each decision a few minutes at most.',
		detail: 'headline',
	},
	{
		id: 'divisional-managers',
		name: 'Divisional managers',
		audience: 'The heads of each division and their managers. They run their part of the business and decide what their teams take up.',
		detail: 'summary',
	},
	{
		id: 'superusers',
		name: 'Superusers',
		audience: 'Colleagues in every team who know the systems best, help others with them and try new things first.',
		detail: 'detail',
	},
	{
		id: 'all-staff',
		name: 'All staff',
		audience: 'Everyone in the organisation: what changes in their working day, and why.',
		detail: 'summary',
	},
] as const;

/** The one topic a new hub starts with; writers add their own to `topics.yaml`. */
export const FIRST_TOPIC = {
	id: 'it-and-the-business',
	name: 'IT and the business',
	description: 'What the work of IT does for the business: its customers, its costs, its risks and its colleagues.',
} as const;

/** YAML scalars: JSON strings are valid YAML and survive quotes, colons, `&` and emoji. */
const text = (value: string) => JSON.stringify(value);

/** A placeholder email nobody can receive (`.invalid` is reserved), for a mailbox nobody gave. */
const placeholderEmail = (local: string, domain: string | undefined) => `${local}@${domain ?? 'example.invalid'}`;

/** The author id and file of the first writer. */
export function firstAuthor(input: HubInput): { id: string; name: string; email: string; todo: boolean } {
	const { name, email } = input.author;
	const id = slugFor(name ?? '', '') || slugFor(email?.split('@')[0] ?? '', '') || 'first-writer';
	return {
		id,
		name: name ?? `${TODO}: your name`,
		email: email ?? placeholderEmail('first-writer', input.domain),
		todo: name === undefined || email === undefined,
	};
}

function hubYaml(input: HubInput): string {
	const todo = (comment: string) => `  # ${TODO}: ${comment}`;
	const editorsEmail = input.editorsEmail ?? placeholderEmail('it-editors', input.domain);
	return [
		'# Hub-wide settings: every field is documented in src/content/schemas/settings.ts, and',
		'# docs/operating.md ("Hub settings and brand") shows the accent colours and the logo.',
		`title: ${text(input.name ?? `${TODO}: the hub's name, e.g. Contoso IT Hub`)}`,
		`tagline: ${text(`What IT is doing for ${input.organisation ?? 'the business'}, in plain words.`)}`,
		`organisation: ${text(input.organisation ?? `${TODO}: the company's name`)}`,
		`language: ${input.language ?? 'en-GB'}${input.language ? '' : ` # ${TODO}: the language you write in (a BCP 47 tag: en-GB, en-US, de, fr…)`}`,
		'# Who edits the hub and the newsletter: readers write here to join the list.',
		'editors:',
		'  name: The IT editors',
		...(input.editorsEmail ? [] : [todo("the editors' mailbox")]),
		`  email: ${editorsEmail}`,
		"# npm run inbox believes a reply's From address only when your mail server vouches for it. Ask",
		'# your mail administrators for the name the server writes first in its Authentication-Results',
		"# header, and uncomment: without this, anyone can send feedback or ballot picks in a colleague's",
		"# name. require: dmarc (a DMARC pass) or aligned (also a DKIM or SPF pass for the sender's domain).",
		'# docs/operating.md, "Trusting the sender".',
		'# inbox:',
		`#   authservId: mail.${editorsEmail.split('@').at(-1)!}`,
		'#   require: aligned',
		'',
	].join('\n');
}

function segmentYaml(audience: (typeof AUDIENCES)[number], order: number): string {
	return [
		`name: ${audience.name}`,
		`audience: ${text(audience.audience)}`,
		'# What they care about, as short phrases in their words ("cost", "risk to trading", "customer',
		'# experience"): ask them. Writers lead with these, and the segment page shows them.',
		'cares:',
		`  - ${text(`${TODO}: what ${audience.name.toLowerCase()} care about, in their words`)}`,
		`detail: ${audience.detail}`,
		`order: ${order}`,
		'',
	].join('\n');
}

function topicsYaml(): string {
	return [
		'# Topics papers, case studies and metrics are filed under; each gets a page and a feed. Add your own.',
		`- id: ${FIRST_TOPIC.id}`,
		`  name: ${FIRST_TOPIC.name}`,
		`  description: ${text(FIRST_TOPIC.description)}`,
		'',
	].join('\n');
}

function authorYaml(input: HubInput): string {
	const author = firstAuthor(input);
	return [
		'# A writer in the IT department; the file name is the author id papers name.',
		...(author.todo ? [`# ${TODO}: your name and work email (git config user.name and user.email were not set).`] : []),
		`name: ${text(author.name)}`,
		`role: ${text(`${TODO}: your job title`)}`,
		`email: ${author.email}`,
		'',
	].join('\n');
}

const CONTACTS_YAML = [
	'# Key contacts who asked for the hub\'s writing by email ("Can I get on the list?").',
	'# Keep it with npm run contacts -- add|remove|list (docs/editing.md, "Sending to the list").',
	'# Never published: no address or name in this file reaches the site.',
	'contacts: []',
	'',
].join('\n');

/** Whether a hub's language (default en-GB) is a kind of English. */
const isEnglish = (language: string | undefined) => language === undefined || /^en(-|$)/i.test(language);

/** The draft paper that shows the house form by being an example of it (and lints clean). */
function housePaper(input: HubInput): string {
	const author = firstAuthor(input);
	return [
		'---',
		`title: ${text('How we write for this hub')}`,
		`summary: ${text('Short papers that say what our work does for the business, in the words everyone uses.')}`,
		`businessValue: ${text('Colleagues outside IT learn in two minutes what our work means for sales, costs and customers, so they back it, use it and ask for more.')}`,
		'segments: [all-staff]',
		`topics: [${FIRST_TOPIC.id}]`,
		`author: ${author.id}`,
		`published: ${input.date}`,
		// The example is in English; a hub in another language marks it so screen readers and hyphenation follow.
		...(isEnglish(input.language) ? [] : ['lang: en']),
		'# Drafts never reach the site, feeds or search. This one is an example: keep it as a draft, or delete it.',
		'draft: true',
		'---',
		'',
		'Every paper on this hub makes one case in 200 to 300 words. It starts with what the business',
		'gains, and it uses the words our colleagues use. This draft is the example. Read it, then start',
		'your own with `npm run new -- paper "Your title" --segment executives`.',
		'',
		'## Lead with what the business gains',
		'',
		'Say what the work lets the business do: sell more, spend less, take less risk or serve',
		'customers better. Put that first, in the summary and in the first lines. The technical detail',
		'can come later, or not at all.',
		'',
		'## One idea, in plain words',
		'',
		'Keep to one idea. If you have two, write two papers. Talk about customers, colleagues and the',
		'people who pay for the work. Say what an outage would have cost, not how many nines we reached.',
		'Say what a new version lets people do, not its number. Spell out a short form the first time you',
		'use it.',
		'',
		'## Short enough to read',
		'',
		'Two hundred words take a minute to read. Short sentences and short paragraphs help people who',
		'read on a phone. A clear heading helps people who only scan the page.',
		'',
		'## Check it, then publish',
		'',
		'Run `npm run lint:content` before you push. It counts the words, checks the business value and',
		'points out jargon, with a better word for each. See the page as readers will with `npm run dev`.',
		'When the paper is ready, set `draft: false` and push. The build does the rest: the page, the',
		'feeds, the search index and the email to the people who asked for it.',
		'',
	].join('\n');
}

/** Every file of a new hub, by path relative to its folder. */
export function hubFiles(input: HubInput): Record<string, string> {
	return {
		'hub.yaml': hubYaml(input),
		...Object.fromEntries(AUDIENCES.map((audience, index) => [`segments/${audience.id}.yaml`, segmentYaml(audience, index + 1)])),
		'topics.yaml': topicsYaml(),
		[`authors/${firstAuthor(input).id}.yaml`]: authorYaml(input),
		'contacts.yaml': CONTACTS_YAML,
		'papers/how-we-write-for-this-hub.mdx': housePaper(input),
	};
}

/** The settings a new hub left as TODO, in words for the command's summary. */
export function missingSettings(input: HubInput): string[] {
	const labels: Record<HubSetting, string> = {
		name: "the hub's name (--name)",
		organisation: 'the organisation (--organisation)',
		editorsEmail: "the editors' mailbox (--editors-email)",
		language: 'the language (--language)',
	};
	return HUB_SETTINGS.filter((setting) => input[setting] === undefined).map((setting) => labels[setting]);
}
