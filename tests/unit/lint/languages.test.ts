import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocale } from '../../../src/content/i18n';
import { loadConfig } from '../../../src/tools/lint/config';
import { stylish } from '../../../src/tools/lint/format';
import { lintHub } from '../../../src/tools/lint/runner';
import { copyFixture } from '../../helpers/build-hub';

/** Lints a copy of the German fixture hub after `edit`: every message, by file inside the content folder. */
async function lintGerman(name: string, edit: (content: string) => Promise<void>): Promise<Map<string, string[]>> {
	const content = await copyFixture('tests/fixtures/german/content', name);
	await edit(content);
	const { config, problems } = await loadConfig(content);
	expect(problems).toEqual([]);
	const reports = await lintHub(content, config, new Date('2026-06-15'));
	return new Map(reports.map((report) => [path.relative(content, report.path), report.messages.map((m) => `${m.ruleId}: ${m.message}`)]));
}

const PAPER = 'papers/neue-kassen.mdx';
const append = (content: string, text: string) => fs.appendFile(path.join(content, PAPER), text);

describe('the linter in a German hub', () => {
	it('labels each line Fehler or Warnung in its report', () => {
		const message = { ruleId: 'placeholder', line: 3, column: 1, message: 'Platzhalter' };
		const report = {
			file: PAPER,
			path: PAPER,
			source: '',
			messages: [
				{ ...message, severity: 'error' as const },
				{ ...message, severity: 'warn' as const },
			],
		};
		const rows = stylish([report], createLocale('de'))
			.split('\n')
			.filter((line) => line.includes(`${PAPER}:3:1`))
			.map((line) => line.trim().split(/\s{2,}/)[1]);
		expect(rows).toEqual(['Fehler', 'Warnung']);
	});

	it('says its messages in German', async () => {
		const messages = await lintGerman('lint-de-messages', (content) => append(content, '\n# TODO Überschrift\n\n![](kasse.png)\n'));
		expect(messages.get(PAPER)).toEqual(
			expect.arrayContaining([
				'heading-levels: Der Text hat eine Überschrift der Ebene 1, aber der Titel ist schon die h1 der Seite',
				'placeholder: Platzhalter „TODO“ in dem Text übrig',
				'image-alt: Das Bild hat keinen Alternativtext',
				expect.stringMatching(/^paper-length: Das Papier hat \d+ Wörter Fließtext; Positionspapiere haben 200 bis 300$/),
			]),
		);
	});

	it('applies none of the English house style: no English glossary, acronyms or reading ease', async () => {
		// "uptime" and "rollout" are in the house glossary; CRM is never spelled out; the sentence is long and hard.
		const messages = await lintGerman('lint-de-english', (content) =>
			append(
				content,
				'\nDie uptime beim rollout des CRM hilft, die Synergien der Omnichannel-Plattformlandschaft ganzheitlich zu orchestrieren und nachhaltig zu optimieren.\n',
			),
		);
		const rules = new Set([...messages.values()].flat().map((message) => message.split(':')[0]));
		expect([...rules].filter((rule) => ['glossary', 'acronym-first-use', 'readability'].includes(rule!))).toEqual([]);
	});

	it('applies a German glossary of the hub’s own, in German', async () => {
		const messages = await lintGerman('lint-de-glossary', async (content) => {
			await fs.writeFile(
				path.join(content, 'glossary.yaml'),
				'- terms: [Synergien]\n  use: [Zusammenarbeit]\n  why: Modewort ohne Inhalt\n',
			);
			await append(content, '\nDie Synergien wachsen.\n');
		});
		expect(messages.get(PAPER)).toContain('glossary: „Synergien“: Modewort ohne Inhalt');
	});
});
