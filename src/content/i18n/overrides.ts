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
import { quote, type Problem } from '../problems';
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

const PLURAL_FORMS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
const KEYS = Object.keys(DICTIONARIES.en) as MessageKey[];

function nearestKey(key: string): string | undefined {
	const best = KEYS.map((known) => ({ known, distance: leven(key, known) })).sort((a, b) => a.distance - b.distance)[0];
	return best && best.distance <= Math.max(2, key.length / 4) ? `did you mean ${best.known}?` : undefined;
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
		return { messages, problems: [{ file: relative, line: error.linePos?.[0].line, expected: 'valid YAML', found: error.message.split('\n')[0] }] };
	}
	if (document.contents === null) return { messages, problems };
	if (!isMap(document.contents)) {
		return { messages, problems: [{ file: relative, line: 1, expected: 'a map of message keys to text, e.g. `nav.papers: Positionspapiere`', found: 'something else' }] };
	}
	const base = DICTIONARIES[dictionaryLanguage(language)];
	for (const pair of document.contents.items) {
		const key = isScalar(pair.key) ? String(pair.key.value) : '';
		const line = lineOf(pair.key);
		if (!(key in base)) {
			problems.push({ file: relative, line, field: key, expected: 'a message key of the hub (see src/content/i18n/en.ts)', found: 'an unknown key', suggestion: nearestKey(key) });
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
				expected: plural ? 'text, or one text per plural form (one, other, …; `other` is required)' : 'text',
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
				expected: `the placeholders ${wanted.map((name) => `{${name}}`).join(', ') || '(none)'}`,
				found: [
					missing.length > 0 ? `${missing.map((name) => `{${name}}`).join(', ')} missing` : '',
					unknown.length > 0 ? `${unknown.map((name) => `{${name}}`).join(', ')} unknown` : '',
				]
					.filter(Boolean)
					.join(' and '),
			});
			continue;
		}
		messages[known] = message;
	}
	return { messages, problems };
}
