/**
 * The writer commands in a German hub: their help and their lines in German, content problems in
 * the formatter's German words, and what stays as typed (flags, ids, commander's own headings).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ballotCommand } from '../../src/tools/ballot-cli';
import { contactsCommand } from '../../src/tools/contacts-cli';
import { dueCommand } from '../../src/tools/due';
import { lintContent } from '../../src/tools/lint/cli';
import { newEntry } from '../../src/tools/scaffold-cli';
import { sendCommand } from '../../src/tools/send/cli';
import { copyFixture } from './../helpers/build-hub';

let content: string;
let out: string;
let err: string;
const io = { out: (text: string) => (out += text), err: (text: string) => (err += text) };
const fresh = () => {
	out = '';
	err = '';
};

beforeEach(async (context) => {
	content = await copyFixture('tests/fixtures/german/content', `writer-commands-${context.task.id}`);
	vi.stubEnv('HOURGLASS_CONTENT', content);
	vi.stubEnv('HOURGLASS_NOW', '2026-06-15');
	fresh();
});

afterEach(() => {
	vi.unstubAllEnvs();
});

/** Words of the English dictionary's writer messages that must not be left in a German line. */
const ENGLISH = /\b(expected|found|unknown|nothing|the|and|or|with|is|was|not)\b/;

describe('the writer commands in a German hub', () => {
	it('describe themselves in German, keeping the flags and commander’s headings as typed', async () => {
		expect(await newEntry(['--help'], { ...io, gitEmail: () => undefined })).toBe(0);
		expect(out).toContain('Einen neuen Text als Entwurf beginnen');
		expect(out).toContain('ein Positionspapier beginnen (papers/<slug>.mdx)');
		expect(out).toContain('Hilfe zum Befehl anzeigen');
		expect(out).toMatch(/^Usage: new /m);
		fresh();
		expect(await contactsCommand(['add', '--help'], io)).toBe(0);
		expect(out).toMatch(/-s, --segment <ids\.\.\.>\s+IDs der Zielgruppen, denen die Person folgt/);
		fresh();
		expect(await lintContent(['--help'], { ...io, color: false })).toBe(0);
		expect(out).toContain('Jeden Eintrag des Hubs (Entwürfe eingeschlossen)');
		expect(out).toMatch(/^ {2}paper-length {7}Ein Positionspapier hat zwischen `min` und `max` Wörter Fließtext/m);
		fresh();
		expect(await sendCommand(['--help'], { ...io, env: {}, tty: false })).toBe(0);
		expect(out).toContain('Einen veröffentlichten Eintrag per E-Mail an die Kontakte schicken');
	});

	it('refuse in German, with the hub’s ids in the formatter’s words', async () => {
		expect(await newEntry(['paper', 'Neue Waagen', '--segment', 'lager'], { ...io, gitEmail: () => undefined })).toBe(1);
		expect(err.trim()).toBe('npm run new: unbekannte Zielgruppe „lager“: erwartet eine Zielgruppe aus: filialleitung, vorstand');
		fresh();
		expect(await newEntry(['paper', 'Hi', '--segment', 'vorstand'], { ...io, gitEmail: () => undefined })).toBe(1);
		expect(err.trim()).toBe('npm run new: der Titel: erwartet einen Titel mit mindestens 5 Zeichen; gefunden "Hi"');
		fresh();
		expect(await contactsCommand(['add', 'Eva Roth', 'eva@nordwind.example', '--segment', 'lager'], io)).toBe(1);
		expect(err).toContain('npm run contacts: unbekannte Zielgruppe „lager“');
		fresh();
		expect(await ballotCommand(['close', 'vorstand-2026-06'], { ...io, env: process.env })).toBe(1);
		expect(err.trim()).toBe('npm run ballot: keine Abstimmung „vorstand-2026-06“: erwartet eine Abstimmung (es gibt noch keine)');
		fresh();
		expect(await dueCommand(['--days', 'zwei'], io)).toBe(1);
		expect(err.trim()).toBe('npm run due: --days: erwartet eine ganze Zahl von Tagen, 1 oder mehr; gefunden „zwei“');
		for (const line of err.split('\n')) expect(line).not.toMatch(ENGLISH);
	});

	it('report in German, content problems included', async () => {
		expect(await contactsCommand(['add', 'Eva Roth', 'eva@nordwind.example', '--segment', 'vorstand', '--joined', '2026-06-01'], io)).toBe(
			0,
		);
		expect(out.trim()).toBe('Eva Roth <eva@nordwind.example> zu vorstand ab 2026-06-01 hinzugefügt.');
		fresh();
		expect(await contactsCommand(['list'], io)).toBe(0);
		expect(out).toContain('folgt vorstand · dabei seit 2026-06-01');
		expect(out).toContain('1 auf der Liste.');
		fresh();
		fs.appendFileSync(path.join(content, 'contacts.yaml'), '  - name: Ohne Adresse\n    segments: [vorstand]\n');
		expect(await contactsCommand(['list'], io)).toBe(1);
		const problem = err.split('\n').find((line) => line.includes('contacts[1].email'));
		expect(problem).toMatch(
			/contacts\.yaml:\d+:\d+ contacts\[1\]\.email: erwartet eine E-Mail-Adresse wie name@example\.com; gefunden nichts$/,
		);
		fresh();
		vi.stubEnv('HOURGLASS_NOW', '2026-02-20');
		expect(await dueCommand(['--days', '30'], io)).toBe(0);
		expect(out).toMatch(/^In den nächsten 30 Tagen \(bis 22\. März 2026\), nach den Regeln für Veröffentlichung und Kampagnen/);
		expect(out).toMatch(/^ {2}2\. März 2026 {2}ein Positionspapier "Neue Kassen für alle Filialen" geht live \(/m);
		expect(out).not.toMatch(ENGLISH);
	});
});
