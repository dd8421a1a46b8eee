/**
 * What `npm run send` sends: an entry that the publication rule calls live today, composed from
 * the email files the build published beside its page. The content file decides whether it may
 * go and to whom; the built files decide what it says, so only what was published can be sent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { convert } from 'html-to-text';
import { UsageError } from '../cli';
import { displayPath } from '../../content/content-dir';
import { emailFiles } from '../../content/email-files';
import { isoDate } from '../../content/format';
import { paths } from '../../content/paths';
import { oneOf, phrase } from '../../content/problems';
import { visibility } from '../../content/publication';
import type { Settings } from '../../content/schemas/settings';
import type { Locale } from '../../content/i18n';
import { field, readHub, type HubContent, type HubFile } from '../lint/entry';

export type SendKind = 'paper' | 'case-study' | 'issue' | 'system' | 'ballot';

export interface SendTarget {
	/** The ledger's name for it: `paper/<id>`, `case-study/<id>`, `issue/<number>`, `system/<id>`, `ballot/<id>`. */
	key: string;
	/** The content file, as messages print it. */
	file: string;
	/** Segments whose followers get it. */
	segments: string[];
	/** Only followers who agreed to give feedback get it (a ballot). */
	feedbackOnly?: boolean;
	/** The subject: the title of the built HTML. */
	subject: string;
	/** Display name of the sender; the address is always the editors'. */
	fromName: string;
	/** Where replies go: the author, or the editors for an issue. */
	replyTo: { name: string; address: string };
	/** The footer line for contacts who agreed to give feedback. */
	feedbackAsk: string;
	html: string;
	text: string;
}

/** A reason the entry cannot be sent; the message says what to do. */
export class SendRefused extends UsageError {}

export const dateOf = (value: unknown): Date | undefined => {
	if (!(value instanceof Date) && typeof value !== 'string') return undefined;
	const date = value instanceof Date ? value : new Date(value);
	return Number.isNaN(date.getTime()) ? undefined : date;
};

export const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** Refuses anything the publication rule does not call live: drafts, scheduled and archived entries. */
function assertLive(entry: HubFile, published: Date | undefined, now: Date): void {
	if (!published) throw new SendRefused(phrase('cli.send.noDate', { file: entry.file }));
	const expires = dateOf(field(entry, 'expires'));
	const status = visibility({ draft: field(entry, 'draft') === true, published, expires }, now);
	if (status === 'draft') throw new SendRefused(phrase('cli.send.draft', { file: entry.file }));
	if (status === 'scheduled') throw new SendRefused(phrase('cli.send.scheduled', { file: entry.file, date: isoDate(published) }));
	if (status === 'archived') throw new SendRefused(phrase('cli.send.archived', { file: entry.file, date: isoDate(expires!) }));
}

/** The two parts the build wrote; a missing file means the build is missing or older than the entry. */
export function builtParts(dist: string, route: { html: string; text: string }): { html: string; text: string } {
	const files = [route.html, route.text].map((file) => path.join(dist, file));
	for (const file of files) {
		if (!fs.existsSync(file)) {
			throw new SendRefused(phrase('cli.send.notBuilt', { file: displayPath(file) }));
		}
	}
	const [html, text] = files.map((file) => fs.readFileSync(file, 'utf8')) as [string, string];
	return { html, text };
}

export const subjectOf = (html: string) => convert(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '', { wordwrap: false }).trim();

function writingTarget(
	hub: HubContent,
	kind: 'paper' | 'case-study',
	id: string,
	{ settings, locale, dist, now }: TargetOptions,
): SendTarget {
	const entries = hub.entries.filter((entry) => entry.kind === kind);
	const entry = entries.find((candidate) => candidate.id === id);
	if (!entry)
		throw new SendRefused(
			phrase(kind === 'paper' ? 'cli.send.noPaper' : 'cli.send.noCaseStudy', {
				id,
				expected: oneOf(
					phrase(kind === 'paper' ? 'noun.paper' : 'noun.case-studies'),
					entries.map((e) => e.id),
				),
			}),
		);
	assertLive(entry, dateOf(field(entry, 'published')), now);
	const authorId = String(field(entry, 'author'));
	const author = hub.authors.find((candidate) => candidate.id === authorId);
	const name = String(author && field(author, 'name'));
	const address = String(author && field(author, 'email'));
	if (!author) throw new SendRefused(phrase('cli.send.noAuthor', { file: entry.file, author: authorId }));
	const route = kind === 'paper' ? paths.paper(id) : paths.caseStudy(id);
	const parts = builtParts(dist, { html: emailFiles.html(route), text: emailFiles.text(route) });
	return {
		key: `${kind}/${id}`,
		file: entry.file,
		segments: stringList(field(entry, 'segments')),
		subject: subjectOf(parts.html),
		fromName: locale.t('email.fromVia', { name, hub: settings.title }),
		replyTo: { name, address },
		feedbackAsk: locale.t('email.feedbackAskWriting', { name }),
		...parts,
	};
}

function issueTarget(hub: HubContent, number: number, { settings, locale, dist, now }: TargetOptions): SendTarget {
	const issues = hub.entries.filter((entry) => entry.kind === 'newsletter');
	const issue = issues.find((candidate) => Number(field(candidate, 'number')) === number);
	if (!issue) {
		const numbers = issues.map((candidate) => String(field(candidate, 'number')));
		throw new SendRefused(phrase('cli.send.noIssue', { number: String(number), expected: oneOf(phrase('noun.issueNumber'), numbers) }));
	}
	assertLive(issue, dateOf(field(issue, 'date')), now);
	// An issue goes to everyone who follows a segment one of its items is written for, as its feeds do.
	const keys: Record<string, string> = { paper: 'paper', caseStudy: 'case-study', metric: 'metric' };
	const segments = new Set<string>();
	for (const item of Array.isArray(field(issue, 'items')) ? (field(issue, 'items') as Record<string, unknown>[]) : []) {
		const [key, id] = Object.entries(item).find(([name]) => name in keys) ?? [];
		const target = hub.entries.find((entry) => entry.kind === keys[key ?? ''] && entry.id === String(id));
		for (const segment of stringList(target && field(target, 'segments'))) segments.add(segment);
	}
	const parts = builtParts(dist, { html: emailFiles.html(paths.newsletter(number)), text: emailFiles.text(paths.newsletter(number)) });
	return {
		key: `issue/${number}`,
		file: issue.file,
		segments: [...segments].sort(),
		subject: subjectOf(parts.html),
		fromName: settings.editors.name,
		replyTo: { name: settings.editors.name, address: settings.editors.email },
		feedbackAsk: locale.t('email.feedbackAskIssue', { name: settings.editors.name }),
		...parts,
	};
}

/** A system goes to everyone who follows a segment among its dependents, from its owner. */
function systemTarget(hub: HubContent, id: string, { settings, locale, dist, now }: TargetOptions): SendTarget {
	const system = hub.systems.find((candidate) => candidate.id === id);
	if (!system)
		throw new SendRefused(
			phrase('cli.send.noSystem', {
				id,
				expected: oneOf(
					phrase('noun.systems'),
					hub.systems.map((s) => s.id),
				),
			}),
		);
	assertLive(system, dateOf(field(system, 'published')), now);
	const ownerId = String(field(system, 'owner'));
	const owner = hub.authors.find((candidate) => candidate.id === ownerId);
	if (!owner) throw new SendRefused(phrase('cli.send.noOwner', { file: system.file, owner: ownerId }));
	const name = String(field(owner, 'name'));
	const dependents = Array.isArray(field(system, 'dependents')) ? (field(system, 'dependents') as { segment?: unknown }[]) : [];
	const segments = [...new Set(dependents.flatMap((dependent) => (typeof dependent.segment === 'string' ? [dependent.segment] : [])))];
	const route = paths.system(id);
	const parts = builtParts(dist, { html: emailFiles.html(route), text: emailFiles.text(route) });
	return {
		key: `system/${id}`,
		file: system.file,
		segments: segments.sort(),
		subject: subjectOf(parts.html),
		fromName: `${name} via ${settings.title}`,
		replyTo: { name, address: String(field(owner, 'email')) },
		feedbackAsk: locale.t('email.feedbackAskSystem', { name }),
		...parts,
	};
}

export interface TargetOptions {
	/** The content folder. */
	root: string;
	/** The built site the emails are read from. */
	dist: string;
	settings: Settings;
	/** The hub's words (`hubLocale`): the personal line and the sender's name are in its language. */
	locale: Locale;
	now: Date;
}

/** The entry to send, or `SendRefused` saying why it cannot go. */
export function sendTarget(kind: Exclude<SendKind, 'ballot'>, id: string, options: TargetOptions): SendTarget {
	const hub = readHub(options.root);
	if (kind === 'system') return systemTarget(hub, id, options);
	if (kind !== 'issue') return writingTarget(hub, kind, id, options);
	const number = Number(id);
	if (!Number.isInteger(number) || number < 1) throw new SendRefused(phrase('cli.send.issueNumber', { id }));
	return issueTarget(hub, number, options);
}
