import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { settingsSchema, type Settings } from './schemas/settings';
import { contentDir, displayPath } from './content-dir';
import { brandProblems } from './brand';
import { writerLocale } from './i18n/hub-language';
import { assertNoProblems, ContentProblems, phrase } from './problems';
import { locateProblems } from './locate';
import { zodProblems } from './zod-problems';

/** Reads and checks `content/hub.yaml`. */
export function loadSettings(dir: string = contentDir()): Settings {
	const file = path.join(dir, 'hub.yaml');
	const relative = displayPath(file);
	const locale = writerLocale(dir);
	if (!fs.existsSync(file)) {
		throw new ContentProblems([{ file: relative, expected: phrase('problem.settings.file'), found: phrase('problem.noFile') }], locale);
	}
	const raw: unknown = parse(fs.readFileSync(file, 'utf8'));
	const parsed = settingsSchema.safeParse(raw);
	// Located, as the linter reports them (src/tools/lint/schema.ts): every command says a problem the same way.
	if (!parsed.success) throw new ContentProblems(locateProblems(zodProblems(relative, parsed.error, raw)), locale);
	assertNoProblems(locateProblems(brandProblems(parsed.data, dir, relative)), locale);
	return parsed.data;
}

/** The organisation's mail domains, lower case: `domains` in hub.yaml, or the editors' own domain. */
export const mailDomains = (settings: Pick<Settings, 'domains' | 'editors'>): string[] =>
	(settings.domains ?? [settings.editors.email.split('@').at(-1)!]).map((domain) => domain.toLowerCase());
