/**
 * Content problems in the hub's language: the same problems the build and the linter find, said by
 * the one formatter for a German and a French hub, read as a writer reads them. A line must be in
 * the language from end to end: its shape (`file:line field: erwartet …; gefunden …`) and every
 * phrase in it, with no English sentence of the dictionary left over.
 */
import { describe, expect, it } from 'vitest';
import { ballotProblems } from '../../../src/checks/ballots';
import { linkProblem } from '../../../src/checks/links';
import { criticalProblems } from '../../../src/checks/metrics';
import { checkReferences } from '../../../src/checks/references';
import { systemProblems } from '../../../src/checks/systems';
import { accentProblems } from '../../../src/content/brand';
import { DICTIONARIES, type MessageKey } from '../../../src/content/i18n/dictionaries';
import { createLocale, type Locale } from '../../../src/content/i18n/locale';
import { ContentProblems, ENGLISH, formatProblem, type Problem } from '../../../src/content/problems';
import { campaignSchema } from '../../../src/content/schemas/campaign';
import { metricSchema } from '../../../src/content/schemas/metric';
import { paperSchema } from '../../../src/content/schemas/paper';
import { systemSchema } from '../../../src/content/schemas/system';
import { schemaProblems } from '../../../src/content/zod-problems';

const HOUR = 3_600_000;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Problems from every layer that finds them: schemas (zod), cross-file checks, the brand and links. */
async function problems(): Promise<Problem[]> {
	const schema = async (file: string, zod: Parameters<typeof schemaProblems>[1], data: unknown) =>
		(await schemaProblems(file, zod, data)).problems;
	return [
		...(await schema('content/papers/kassen.mdx', paperSchema, {
			title: 'Hi',
			summary: 'kurz',
			businessValue: 42,
			segments: [],
			published: '2026-02-30',
			extra: true,
		})),
		...(await schema('content/metrics/wartezeit.yaml', metricSchema, {
			title: 'Wartezeit an der Kasse',
			technical: 'POS queue p95',
			translation: 'Wie lange Kundinnen und Kunden an der Kasse warten.',
			unit: 'min',
			direction: 'up',
			segments: ['vorstand'],
			series: [{ date: '2026-02-29', value: 'viel' }],
			published: '2026-01-01',
		})),
		...(await schema('content/systems/kasse.yaml', systemSchema, {
			name: 'Die Kasse',
			does: 'Nimmt in jeder Filiale Zahlungen an.',
			technical: 'POS',
			owner: 'jonas-weber',
			dependents: [{ segment: 'vorstand', department: 'Filialen', wait: 'bald', stops: 'kurz' }],
			restore: { tier: 7 },
			published: '2026-01-01',
		})),
		...(await schema('content/campaigns/handscanner.mdx', campaignSchema, {
			title: 'Neue Handscanner',
			summary: 'Die Filialen bekommen neue Handscanner.',
			businessValue: 'Schnellere Inventur und weniger Fehlbestände in den Filialen.',
			segments: ['filialleitung'],
			owner: 'jonas-weber',
			start: '2026-03-01',
			end: '2026-02-01',
			stages: [{ stage: 'like', goal: 'Die Filialen kennen das Gerät.' }],
		})),
		...systemProblems([
			{
				id: 'kasse',
				file: 'content/systems/kasse.yaml',
				data: {
					name: 'Die Kasse',
					technical: 'POS',
					restore: { tier: 3, changes: [] },
					dependents: [{ wait: 4 * HOUR }],
					dependsOn: [{ id: 'netz' }],
				},
			},
			{
				id: 'netz',
				file: 'content/systems/netz.yaml',
				data: { name: 'Das Netz', technical: 'LAN', restore: { changes: [] }, dependents: [{ wait: HOUR }], dependsOn: [{ id: 'kasse' }] },
			},
		]),
		...criticalProblems(
			['a', 'b', 'c', 'd'].map((id, index) => ({
				id,
				filePath: `content/metrics/${id}.yaml`,
				data: { critical: { vorstand: index + 1, lager: 1 }, segments: [{ id: 'vorstand' }] },
			})),
			['vorstand', 'filialleitung'],
			3,
		),
		...ballotProblems(
			[
				{
					id: 'vorstand-2026-11',
					file: 'content/ballots/vorstand-2026-11.yaml',
					data: {
						segment: { id: 'vorstand' },
						opens: day('2026-11-02'),
						closes: day('2026-11-01'),
						candidates: [{ id: 'a' }, { id: 'a' }],
						tieSettled: [{ id: 'b' }],
					},
				},
			],
			[],
		),
		...checkReferences(
			[{ collection: 'papers', id: 'kassen', filePath: 'content/papers/kassen.mdx', data: { author: { collection: 'authors', id: 'jonas' } } }],
			{ ids: () => ['jonas-weber'], isPublic: () => true },
		),
		...accentProblems('light', '#7cb7f2', 'content/hub.yaml'),
		{ file: 'content/papers/kassen.mdx', line: 12, column: 3, field: 'body', ...linkProblem('/papers/kasen/', 'papers/x/', new Map([['papers/kassen/', 'live']]), true)! },
	];
}

/** The language's shape of a line: `file[:line[:col]] [field:] erwartet …[; gefunden …][ (…)]`. */
const SHAPES: Record<string, { expected: string; found: string }> = {
	de: { expected: 'erwartet', found: '; gefunden' },
	fr: { expected: 'attendu', found: ' ; trouvé' },
};

const WRITERS_KEYS = (Object.keys(DICTIONARIES.en) as MessageKey[]).filter((key) => /^(problem|noun|ordinal|duration|tier)\./.test(key));

const texts = (message: unknown): string[] => (typeof message === 'string' ? [message] : Object.values(message as Record<string, string>));

/**
 * The English of the dictionary's writer messages that the language does not share: the runs of
 * words between placeholders, of two words or more ("at least", "which is a draft").
 */
function englishOnly(language: 'de' | 'fr'): string[] {
	return WRITERS_KEYS.flatMap((key) => {
		const own = texts(DICTIONARIES[language][key]).join('\n');
		return texts(DICTIONARIES.en[key])
			.flatMap((text) => text.split(/\{\w+\}/))
			.map((fragment) => fragment.trim().replace(/^[;:,.()]+\s*|\s*[;:,.()]+$/g, ''))
			.filter((fragment) => /[a-z]{2,} [a-z]{2,}/i.test(fragment) && !own.includes(fragment));
	});
}

/** The line without what the writer wrote: quoted values and the file's path. */
const wordsOf = (line: string, problem: Problem) => line.slice(problem.file.length).replace(/"(?:[^"\\]|\\.)*"/g, '""');

describe('content problems in the hub’s language', () => {
	for (const language of ['de', 'fr'] as const) {
		const locale: Locale = createLocale(language);
		const shape = SHAPES[language]!;

		it(`read in ${language} from end to end, with no English sentence of the dictionary in them`, async () => {
			const found = await problems();
			expect(found.length).toBeGreaterThan(25);
			const english = englishOnly(language);
			expect(english.length).toBeGreaterThan(100);
			for (const problem of found) {
				const line = formatProblem(problem, locale);
				const where = `${problem.file}${problem.line ? `:${problem.line}` : ''}${problem.column ? `:${problem.column}` : ''}`;
				const field = problem.field ? ` ${problem.field}:` : '';
				expect(line.startsWith(`${where}${field} ${shape.expected} `), line).toBe(true);
				if (problem.found !== undefined) expect(line, line).toContain(`${shape.found} `);
				const words = wordsOf(line, problem);
				expect(words, line).not.toMatch(/\b(expected|found|nothing|none)\b/);
				expect(
					english.filter((fragment) => words.includes(fragment)),
					line,
				).toEqual([]);
			}
		});
	}

	it('say in English exactly what they always said', async () => {
		const lines = (await problems()).map((problem) => formatProblem(problem, ENGLISH));
		expect(lines).toContain(
			'content/systems/kasse.yaml restore.tier: expected tier 2 or faster: a dependent can wait only 4 hours, and tier 3 brings it back within 1 day; found 3',
		);
		expect(lines).toContain('content/papers/kassen.mdx published: expected a day that exists (February 2026 has 28 days); found "2026-02-30"');
		expect(lines).toContain(
			'content/metrics/d.yaml critical.vorstand: expected at most 3 critical metrics for the segment "vorstand" (criticalLimit in hub.yaml), and it already has a, b, c; found a fourth one, rank 4',
		);
	});

	it('say the German month, duration and ordinal of a problem', async () => {
		const de = createLocale('de');
		const lines = (await problems()).map((problem) => formatProblem(problem, de));
		expect(lines).toContain('content/papers/kassen.mdx published: erwartet einen Tag, den es gibt (Februar 2026 hat 28 Tage); gefunden "2026-02-30"');
		expect(lines).toContain(
			'content/systems/kasse.yaml restore.tier: erwartet Stufe 2 oder schneller: Eine abhängige Gruppe kann nur 4 Stunden warten, und Stufe 3 bringt das System erst innerhalb von 1 Tag zurück; gefunden 3',
		);
		expect(lines.find((line) => line.startsWith('content/metrics/d.yaml critical.vorstand:'))).toMatch(/gefunden eine vierte, Rang 4$/);
	});

	it('head a failed build in the language, counting the problems', () => {
		const problem: Problem = { file: 'content/hub.yaml', field: 'title', expected: { messageId: 'problem.type.string' }, found: 42 };
		expect(new ContentProblems([problem], createLocale('de')).message).toBe(
			'Hourglass hat 1 Problem im Inhalt gefunden:\n  content/hub.yaml title: erwartet Text; gefunden 42',
		);
		expect(new ContentProblems([problem, problem], createLocale('fr')).message.split('\n')[0]).toBe(
			'Hourglass a trouvé 2 problèmes dans le contenu :',
		);
	});
});
