/**
 * A hub's own words: `content/i18n/<lang>.yaml` replaces any message of the shipped dictionary for
 * the hub's language (`language` in hub.yaml). It is checked like other content: a key the hub does
 * not use, a message that is not text, or one that drops or invents a placeholder is a problem with
 * its file and line.
 */
import fs from 'node:fs';
import path from 'node:path';
import leven from 'leven';
import { isMap, isScalar, parseDocument } from 'yaml';
import { displayPath } from '../content-dir';
import { lineIndex } from '../source';
import { phrase, quote, type Phrase, type Problem } from '../problems';
import { DICTIONARIES, type Dictionary, type MessageKey } from './dictionaries';
import { placeholders, type Message } from './messages';
import { dictionaryLanguage, primaryLanguage } from './locale';

/** The folder of a hub's overrides, under its content folder. */
export const I18N_FOLDER = 'i18n';

/** The override file for a hub's language: `i18n/de-CH.yaml`, else `i18n/de.yaml`; undefined if neither exists. */
export function overrideFile(contentDir: string, language: string): string | undefined {
	return [language, primaryLanguage(language)]
		.map((tag) => path.join(contentDir, I18N_FOLDER, `${tag}.yaml`))
		.find((file) => fs.existsSync(file));
}

/**
 * Messages for writers (content problems, the writer commands) come from the shipped dictionary
 * alone (`writerLocale`): a broken override file must still be reported in words that work.
 */
const WRITERS_WORDS = ['problem.', 'noun.', 'ordinal.', 'cli.'];

const PLURAL_FORMS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
const KEYS = Object.keys(DICTIONARIES.en) as MessageKey[];

function nearestKey(key: string): Phrase | undefined {
	const best = KEYS.map((known) => ({ known, distance: leven(key, known) })).sort((a, b) => a.distance - b.distance)[0];
	return best && best.distance <= Math.max(2, key.length / 4) ? phrase('problem.didYouMean', { what: best.known }) : undefined;
}

const braces = (names: readonly string[]) => names.map((name) => `{${name}}`).join(', ');

/** "{count} missing and {hub} unknown". */
function placeholderFound(missing: readonly string[], unknown: readonly string[]): Phrase {
	const missed = phrase('problem.i18n.missing', { names: braces(missing) });
	const invented = phrase('problem.i18n.unknown', { names: braces(unknown) });
	if (missing.length > 0 && unknown.length > 0) return phrase('problem.i18n.both', { missing: missed, unknown: invented });
	return missing.length > 0 ? missed : invented;
}

export interface Overrides {
	messages: Partial<Dictionary>;
	problems: Problem[];
}

/** Reads and checks an override file; `relative` is how messages name it. */
export function readOverrides(file: string, language: string, relative: string = displayPath(file)): Overrides {
	const source = fs.readFileSync(file, 'utf8');
	const position = lineIndex(source);
	const document = parseDocument(source);
	const problems: Problem[] = [];
	const messages: Partial<Record<MessageKey, Message>> = {};
	const lineOf = (node: { range?: [number, number, number] | null | undefined } | null | undefined) =>
		node?.range ? position(node.range[0]).line : undefined;
	if (document.errors.length > 0) {
		const error = document.errors[0]!;
		return { messages, problems: [{ file: relative, line: error.linePos?.[0].line, expected: phrase('problem.yaml'), found: error.message.split('\n')[0] }] };
	}
	if (document.contents === null) return { messages, problems };
	if (!isMap(document.contents)) {
		return { messages, problems: [{ file: relative, line: 1, expected: phrase('problem.i18n.map'), found: phrase('problem.somethingElse') }] };
	}
	const base = DICTIONARIES[dictionaryLanguage(language)];
	for (const pair of document.contents.items) {
		const key = isScalar(pair.key) ? String(pair.key.value) : '';
		const line = lineOf(pair.key);
		if (!(key in base)) {
			problems.push({ file: relative, line, field: key, expected: phrase('problem.i18n.key'), found: phrase('problem.i18n.unknownKey'), suggestion: nearestKey(key) });
			continue;
		}
		if (WRITERS_WORDS.some((prefix) => key.startsWith(prefix))) {
			problems.push({ file: relative, line, field: key, expected: phrase('problem.i18n.readersKey'), found: phrase('problem.i18n.writersKey') });
			continue;
		}
		const known = key as MessageKey;
		const value: unknown = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
		const plural = typeof base[known] !== 'string';
		const valid =
			typeof value === 'string' ||
			(plural &&
				typeof value === 'object' &&
				value !== null &&
				'other' in value &&
				Object.entries(value).every(([form, text]) => PLURAL_FORMS.has(form) && typeof text === 'string'));
		if (!valid) {
			problems.push({
				file: relative,
				line,
				field: key,
				expected: phrase(plural ? 'problem.i18n.plural' : 'problem.type.string'),
				found: quote(value),
			});
			continue;
		}
		const message = value as Message;
		const wanted = placeholders(base[known]);
		const given = placeholders(message);
		const missing = wanted.filter((name) => !given.includes(name));
		const unknown = given.filter((name) => !wanted.includes(name));
		if (missing.length > 0 || unknown.length > 0) {
			problems.push({
				file: relative,
				line: lineOf(pair.value) ?? line,
				field: key,
				expected: wanted.length > 0 ? phrase('problem.i18n.placeholders', { names: braces(wanted) }) : phrase('problem.i18n.noPlaceholders'),
				found: placeholderFound(missing, unknown),
			});
			continue;
		}
		messages[known] = message;
	}
	return { messages, problems };
}
