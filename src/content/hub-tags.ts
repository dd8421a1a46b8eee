/**
 * The short tag every `mailto:` the hub writes carries in its subject, so that a reply a person
 * wrote in any mail client can still be read by `npm run inbox`:
 *
 * - `[hub:useful paper/<id> yes]` (or `no`; entries are `paper/<id>`, `case-study/<id>`, `issue/<number>`)
 * - `[hub:list <segment id> <segment id>…]`
 * - `[hub:question <segment id>]`
 * - `[hub:pick <ballot id> <metric id>]`
 *
 * The tag is found anywhere in the subject, so "Re:", "AW:", "SV:", "RE :" and "[EXTERNAL]"
 * before it do not matter, and runs of white space (a long subject folded over lines and unfolded
 * with extra spaces or line breaks) count as one space.
 */
import { phrase, type Phrase } from './problems';
import { URL_SAFE_ID } from './schemas/common';

/** What a piece of feedback is about: the same `paper/<id>` form as the send ledger's `entry`. */
export type EntryRef = `paper/${string}` | `case-study/${string}` | `issue/${number}`;
export const ENTRY_REF = /^(?:(?:paper|case-study)\/[a-z0-9]+(?:-[a-z0-9]+)*|issue\/[1-9][0-9]*)$/;

export type HubTag =
	| { kind: 'feedback'; entry: EntryRef; useful: boolean }
	| { kind: 'list-request'; segments: string[] }
	| { kind: 'question'; segment: string }
	| { kind: 'pick'; ballot: string; metric: string };

export type TagKind = HubTag['kind'];

/** The word after `hub:` for each kind. */
const VERBS = { feedback: 'useful', 'list-request': 'list', question: 'question', pick: 'pick' } as const satisfies Record<TagKind, string>;

/** The tag as it goes in a subject: `[hub:useful paper/cloud-costs yes]`. */
export function hubTag(tag: HubTag): string {
	const words = ((): string[] => {
		switch (tag.kind) {
			case 'feedback':
				return [tag.entry, tag.useful ? 'yes' : 'no'];
			case 'list-request':
				return tag.segments;
			case 'question':
				return [tag.segment];
			case 'pick':
				return [tag.ballot, tag.metric];
		}
	})();
	return `[hub:${[VERBS[tag.kind], ...words].join(' ')}]`;
}

/** A subject with a tag the hub wrote but cannot read (edited by hand, or cut short): the reason. */
export interface TagProblem {
	/** What a tag of its kind looks like, after "expected", with what was found. */
	problem: Phrase;
}

// `[` and `hub:` may have spaces after them when a client folded the subject there.
const TAG = /\[\s*hub\s*:([^\]]*)\]/i;

const isId = (word: string | undefined): word is string => word !== undefined && URL_SAFE_ID.test(word);

/**
 * The hub tag in a subject line: the tag, a `TagProblem` when a tag is there but malformed, or
 * undefined when the subject has none (a message the hub did not prompt).
 */
export function parseHubTag(subject: string): HubTag | TagProblem | undefined {
	const match = TAG.exec(subject.replace(/\s+/g, ' '));
	if (!match) return undefined;
	const [verb = '', ...words] = match[1]!.trim().split(' ').filter(Boolean);
	const found = `"${match[0]}"`;
	switch (verb.toLowerCase()) {
		case 'useful': {
			const [entry, answer] = words;
			const useful = answer?.toLowerCase();
			if (entry === undefined || !ENTRY_REF.test(entry) || (useful !== 'yes' && useful !== 'no') || words.length > 2) {
				return { problem: phrase('cli.inbox.tag.feedback', { found }) };
			}
			return { kind: 'feedback', entry: entry as EntryRef, useful: useful === 'yes' };
		}
		case 'list':
			if (words.length === 0 || !words.every(isId)) return { problem: phrase('cli.inbox.tag.list', { found }) };
			return { kind: 'list-request', segments: [...new Set(words)] };
		case 'question':
			if (words.length !== 1 || !isId(words[0])) return { problem: phrase('cli.inbox.tag.question', { found }) };
			return { kind: 'question', segment: words[0] };
		case 'pick':
			if (words.length !== 2 || !isId(words[0]) || !isId(words[1])) {
				return { problem: phrase('cli.inbox.tag.pick', { found }) };
			}
			return { kind: 'pick', ballot: words[0], metric: words[1] };
		default:
			return { problem: phrase('cli.inbox.tag.any', { found }) };
	}
}

/** A tag was there but could not be read. */
export const isTagProblem = (parsed: HubTag | TagProblem | undefined): parsed is TagProblem => parsed !== undefined && 'problem' in parsed;
