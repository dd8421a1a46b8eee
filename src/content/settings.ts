import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { settingsSchema, type Settings } from './schemas/settings';
import { contentDir, displayPath } from './content-dir';
import { brandProblems } from './brand';
import { assertNoProblems, ContentProblems } from './problems';
import { locateProblems } from './locate';
import { zodProblems } from './zod-problems';

/** Reads and checks `content/hub.yaml`. */
export function loadSettings(dir: string = contentDir()): Settings {
	const file = path.join(dir, 'hub.yaml');
	const relative = displayPath(file);
	if (!fs.existsSync(file)) {
		throw new ContentProblems([
			{ file: relative, expected: 'a hub.yaml with the hub title, tagline, organisation and editors', found: 'no file' },
		]);
	}
	const raw: unknown = parse(fs.readFileSync(file, 'utf8'));
	const parsed = settingsSchema.safeParse(raw);
	if (!parsed.success) throw new ContentProblems(zodProblems(relative, parsed.error, raw));
	assertNoProblems(locateProblems(brandProblems(parsed.data, dir, relative)));
	return parsed.data;
}

/** The organisation's mail domains, lower case: `domains` in hub.yaml, or the editors' own domain. */
export const mailDomains = (settings: Pick<Settings, 'domains' | 'editors'>): string[] =>
	(settings.domains ?? [settings.editors.email.split('@').at(-1)!]).map((domain) => domain.toLowerCase());
