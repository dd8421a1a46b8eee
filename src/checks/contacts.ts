/**
 * The list: key contacts who asked for the hub's writing by email, in `content/contacts.yaml`.
 * Read and checked here for the send command, the contacts command and the pages that show how
 * many colleagues follow a segment. Nothing here returns an address to a page: pages get counts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { contactsFileSchema, type Contact } from '../content/schemas/contact';
import { contentDir, displayPath, idFromFile } from '../content/content-dir';
import { isoDate } from '../content/format';
import { COLLECTIONS } from '../content/kinds';
import { locateSchemaProblems } from '../content/locate';
import { ContentProblems, oneOf, phrase, quote, type Problem } from '../content/problems';
import { schemaProblems } from '../content/zod-problems';

export type { Contact } from '../content/schemas/contact';

export const CONTACTS_FILE = 'contacts.yaml';

export const contactsPath = (dir: string = contentDir()): string => path.join(dir, CONTACTS_FILE);

/** The segment ids of a hub: its files in `segments/`, named as Astro names them. */
export function segmentIds(dir: string = contentDir()): string[] {
	const folder = path.join(dir, 'segments');
	if (!fs.existsSync(folder)) return [];
	const extensions: readonly string[] = COLLECTIONS.segments.extensions;
	return fs
		.globSync('**/*', { cwd: folder })
		.filter((file) => extensions.includes(path.extname(file)))
		.map((file) => idFromFile(file))
		.sort();
}

/** What the schema cannot see: segments that exist, one entry per address, leaving after joining. */
export function listProblems(file: string, contacts: readonly Contact[], segments: readonly string[]): Problem[] {
	const problems: Problem[] = [];
	const firstWith = new Map<string, number>();
	contacts.forEach((contact, index) => {
		contact.segments.forEach((segment, at) => {
			if (!segments.includes(segment)) {
				problems.push({
					file,
					field: `contacts[${index}].segments[${at}]`,
					expected: oneOf(phrase('noun.segments'), segments),
					found: quote(segment),
				});
			}
		});
		const address = contact.email.toLowerCase();
		const first = firstWith.get(address);
		if (first === undefined) firstWith.set(address, index);
		else {
			problems.push({
				file,
				field: `contacts[${index}].email`,
				expected: phrase('problem.contact.emailOnce', { first: `contacts[${first}]` }),
				found: quote(contact.email),
			});
		}
		if (contact.left && contact.left.getTime() < contact.joined.getTime()) {
			problems.push({
				file,
				field: `contacts[${index}].left`,
				expected: phrase('problem.contact.left', { joined: isoDate(contact.joined) }),
				found: quote(isoDate(contact.left)),
			});
		}
	});
	return problems;
}

export interface ContactList {
	/** The file, relative to the working directory, as messages print it. */
	file: string;
	contacts: Contact[];
	problems: Problem[];
}

/** Reads and checks the contacts file; a hub without one has an empty list. */
export async function readContacts(dir: string = contentDir()): Promise<ContactList> {
	const absolute = contactsPath(dir);
	const file = displayPath(absolute);
	if (!fs.existsSync(absolute)) return { file, contacts: [], problems: [] };
	const document = parseDocument(fs.readFileSync(absolute, 'utf8'), { prettyErrors: false });
	const syntax = document.errors[0];
	if (syntax) {
		const line = syntax.linePos?.[0].line;
		return {
			file,
			contacts: [],
			problems: [{ file, line, expected: phrase('problem.yaml'), found: quote(syntax.message.split('\n')[0]) }],
		};
	}
	const raw: unknown = document.toJS() ?? {};
	const parsed = await schemaProblems(file, contactsFileSchema, raw);
	const problems = parsed.data ? listProblems(file, parsed.data.contacts, segmentIds(dir)) : parsed.problems;
	return { file, contacts: parsed.data?.contacts ?? [], problems: locateSchemaProblems(problems, absolute) };
}

/** The checked list, or `ContentProblems` listing every mistake in it. */
export async function loadContacts(dir: string = contentDir()): Promise<Contact[]> {
	const list = await readContacts(dir);
	if (list.problems.length > 0) throw new ContentProblems(list.problems);
	return list.contacts;
}

/** On the list at `at`: joined on or before it, and not yet left. */
export const isActive = (contact: Contact, at: Date): boolean =>
	contact.joined.getTime() <= at.getTime() && (contact.left === undefined || contact.left.getTime() > at.getTime());

/** Everyone on the list at `at` who follows any of the segments, in the file's order. */
export const followersOf = (contacts: readonly Contact[], segments: readonly string[], at: Date): Contact[] =>
	contacts.filter((contact) => isActive(contact, at) && contact.segments.some((segment) => segments.includes(segment)));

/** How many colleagues get a segment's writing by email: the one figure pages may show. */
export const followerCount = (contacts: readonly Contact[], segment: string, at: Date): number =>
	followersOf(contacts, [segment], at).length;
