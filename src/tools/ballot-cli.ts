/**
 * `npm run ballot -- close <id> [--order a,b,c] [--dry-run]`: closes a ballot and writes its result
 * as the segment's critical ranks in the metric files (`critical:` with `chosenIn:` naming the
 * ballot), through the tally rule every page uses (src/content/ballots.ts). A tie that decides a
 * place is listed and nothing is written until the editors settle it with `--order`. Files are
 * edited through `yaml` documents, which keep their comments and layout.
 */
import fs from 'node:fs';
import { isMap, isNode, isScalar, parseDocument } from 'yaml';
import { ballotResult, tallyBallot, type Tally, type Tie } from '../content/ballots';
import { contentDir, displayPath } from '../content/content-dir';
import { isoDate, ordinal } from '../content/format';
import { hubLocale } from '../content/i18n/index.ts';
import { writerLocale } from '../content/i18n/hub-language';
import type { Locale } from '../content/i18n/locale';
import { readInbox } from '../content/inbox';
import { deliveredTo, readLedger } from '../content/ledger';
import { ContentProblems, expectedFound, oneOf, phrase, say } from '../content/problems';
import { ballotSchema } from '../content/schemas/ballot';
import { loadSettings } from '../content/settings';
import { schemaProblems } from '../content/zod-problems';
import { commandLine, nowOf, processIo, UsageError, type CommandIo } from './cli';
import { field, readHub, type HubContent } from './lint/entry';

export type Io = Required<CommandIo>;

/** The tally as the editor reads it in the terminal, most picked first. */
function tallyLines(tally: Tally, titles: ReadonlyMap<string, string>): string {
	const width = Math.max(...tally.rows.map((row) => row.metric.length));
	return tally.rows
		.map((row) => `  ${String(row.picks).padStart(3)}  ${row.metric.padEnd(width)}  ${titles.get(row.metric) ?? ''}`)
		.join('\n');
}

const tieLine = (tie: Tie, locale: Locale) =>
	`  ${locale.t('cli.ballot.tie', {
		places: locale.list(tie.places.map((place) => say(ordinal(place), locale))),
		metrics: locale.list(tie.metrics),
		count: tie.picks,
	})}`;

type Flow = Record<string, string | number> | string[];

/** A flow collection as writers write them in metric files: `{ superusers: 1 }`, `[finance, executives]`. */
const flowText = (value: Flow) =>
	Array.isArray(value)
		? `[${value.join(', ')}]`
		: `{ ${Object.entries(value)
				.map(([key, item]) => `${key}: ${item}`)
				.join(', ')} }`;

/**
 * Sets top-level fields of a YAML file by editing only their own text, so the rest of the file
 * (comments, quoting, line breaks) stays as the writer left it. An empty map removes its line; a
 * new field goes on the line after the first of `after` the file has.
 */
function editFields(source: string, fields: readonly { key: string; value: Flow; after: readonly string[] }[]): string {
	const root = parseDocument(source).contents;
	if (!isMap(root)) throw new UsageError(phrase('cli.ballot.notMap'));
	const pairOf = (key: string) => root.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
	const lineEnd = (offset: number) => {
		const end = source.indexOf('\n', offset);
		return end === -1 ? source.length : end + 1;
	};
	const edits: { from: number; to: number; text: string }[] = [];
	for (const { key, value, after } of fields) {
		const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
		const pair = pairOf(key);
		const range = pair && isNode(pair.value) ? pair.value.range : undefined;
		if (pair && range && isScalar(pair.key)) {
			if (empty) edits.push({ from: source.lastIndexOf('\n', pair.key.range[0]) + 1, to: lineEnd(range[1]), text: '' });
			else edits.push({ from: range[0], to: range[1], text: flowText(value) });
			continue;
		}
		if (empty) continue;
		const anchor = after.map(pairOf).find((found) => found !== undefined);
		const anchorEnd = anchor && isNode(anchor.value) ? anchor.value.range[1] : undefined;
		const at = anchorEnd === undefined ? source.length : lineEnd(anchorEnd);
		edits.push({ from: at, to: at, text: `${at > 0 && source[at - 1] !== '\n' ? '\n' : ''}${key}: ${flowText(value)}\n` });
	}
	return edits.sort((a, b) => b.from - a.from).reduce((text, edit) => text.slice(0, edit.from) + edit.text + text.slice(edit.to), source);
}

const record = (value: unknown): Record<string, string | number> =>
	typeof value === 'object' && value !== null && !Array.isArray(value)
		? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, typeof item === 'number' ? item : String(item)]))
		: {};

/** The metric files as they will be: the segment's ranks from this ballot and no other. */
function rankedFiles(hub: HubContent, segment: string, ballotId: string, chosen: readonly string[]): { file: string; text: string }[] {
	return hub.entries
		.filter((entry) => entry.kind === 'metric')
		.flatMap((metric) => {
			const rank = chosen.indexOf(metric.id) + 1;
			const critical = record(field(metric, 'critical'));
			const chosenIn = record(field(metric, 'chosenIn'));
			if (rank === 0 && !(segment in critical) && !(segment in chosenIn)) return [];
			// Spread keeps each key where it was, so a re-ranked segment stays in its place on the line.
			const without = (map: Record<string, string | number>) => Object.fromEntries(Object.entries(map).filter(([key]) => key !== segment));
			const segments = Array.isArray(field(metric, 'segments')) ? (field(metric, 'segments') as unknown[]).map(String) : [];
			const fields: { key: string; value: Flow; after: string[] }[] = [
				{ key: 'critical', value: rank > 0 ? { ...critical, [segment]: rank } : without(critical), after: ['topics', 'segments'] },
				{
					key: 'chosenIn',
					value: rank > 0 ? { ...chosenIn, [segment]: ballotId } : without(chosenIn),
					after: ['critical', 'topics', 'segments'],
				},
			];
			// The check asks that a metric a segment chose is written for that segment.
			if (rank > 0 && !segments.includes(segment)) fields.push({ key: 'segments', value: [...segments, segment], after: [] });
			return [{ file: metric.path, text: editFields(metric.source, fields) }];
		});
}

interface CloseOptions {
	order?: string;
	dryRun?: boolean;
}

async function close(id: string, options: CloseOptions, io: Io): Promise<number> {
	const root = contentDir();
	const hub = readHub(root);
	const file = hub.ballots.find((candidate) => candidate.id === id);
	const locale = writerLocale(root);
	if (!file)
		throw new UsageError(
			phrase('cli.ballot.unknown', {
				id,
				expected: oneOf(
					phrase('noun.ballots'),
					hub.ballots.map((b) => b.id),
				),
			}),
		);
	const parsed = await schemaProblems(file.file, ballotSchema, file.data ?? {});
	if (!parsed.data) throw new ContentProblems([...file.syntax, ...parsed.problems], locale);
	const ballot = parsed.data;
	if (ballot.closed) throw new UsageError(phrase('cli.ballot.closedAlready', { file: file.file, date: isoDate(ballot.closed) }));
	const settings = loadSettings(root);
	const now = nowOf(io);
	const today = new Date(`${isoDate(now)}T00:00:00Z`);
	if (today < ballot.opens) throw new UsageError(phrase('cli.ballot.notOpen', { file: file.file, date: isoDate(ballot.opens) }));
	const segment = ballot.segment.id;
	const candidates = ballot.candidates.map((ref) => ref.id);
	const picks = readInbox(root).flatMap((record) =>
		record.kind === 'pick' && record.ballot === id ? [{ metric: record.metric, voter: record.from, at: record.date }] : [],
	);
	const closes = today < ballot.closes ? today : ballot.closes;
	const tally = tallyBallot({ candidates, closes }, picks, settings.criticalLimit);
	const asked = deliveredTo(readLedger(root), `ballot/${id}`).size;
	const titles = new Map(
		hub.entries.filter((entry) => entry.kind === 'metric').map((metric) => [metric.id, String(field(metric, 'title'))]),
	);
	const counted = hubLocale().date(closes);
	io.out(
		`${locale.t(asked > 0 ? 'cli.ballot.votedOf' : 'cli.ballot.voted', { id, count: tally.voters, asked, date: counted })}\n${tallyLines(tally, titles)}\n`,
	);

	const result = ballotResult(
		tally,
		settings.criticalLimit,
		options.order?.split(',').map((metric) => metric.trim()),
	);
	switch (result.kind) {
		case 'no-picks':
			throw new UsageError(phrase('cli.ballot.noPicks', { id, segment }));
		case 'order-refused':
			throw new UsageError(
				phrase('cli.ballot.orderRefused', {
					problem: expectedFound({ expected: result.expected, found: `"${options.order ?? ''}"` }, locale),
				}),
			);
		case 'tied': {
			const order = tally.rows
				.filter((row) => row.picks > 0)
				.slice(0, settings.criticalLimit)
				.map((row) => row.metric)
				.join(',');
			io.err(
				`${locale.t('cli.ballot.tied', { count: result.ties.length })}\n${result.ties.map((tie) => tieLine(tie, locale)).join('\n')}\n${locale.t('cli.ballot.decide')}\n  npm run ballot -- close ${id} --order ${order}\n`,
			);
			return 1;
		}
		case 'chosen':
			break;
	}
	const closedText = `${file.source.endsWith('\n') ? '' : '\n'}closed: ${isoDate(today)}\n${result.tieSettled.length > 0 ? `tieSettled: ${flowText(result.tieSettled)}\n` : ''}`;
	const writes = [...rankedFiles(hub, segment, id, result.chosen), { file: file.path, text: file.source + closedText }];
	const chosenLines = result.chosen.map((metric, index) => `  ${index + 1}. ${metric} (${titles.get(metric) ?? ''})`).join('\n');
	if (options.dryRun) {
		io.out(
			`${locale.t('cli.ballot.dryRun', { segment, chosen: chosenLines, files: writes.map((w) => displayPath(w.file)).join(', ') })}\n`,
		);
		return 0;
	}
	// Every file is worked out before the first is written, so a mistake above leaves all of them as they were.
	for (const write of writes) fs.writeFileSync(write.file, write.text);
	io.out(
		`${locale.t('cli.ballot.closed', { id, segment, chosen: chosenLines, files: writes.map((w) => displayPath(w.file)).join(', ') })}\n`,
	);
	return 0;
}

export async function ballotCommand(argv: readonly string[], io: Io = processIo): Promise<number> {
	const locale = writerLocale();
	const { program, exits, run } = commandLine('ballot', phrase('cli.ballot.description'), io);
	program.addHelpText('after', `\n${locale.t('cli.ballot.help')}`);
	program
		.command('close')
		.description(locale.t('cli.ballot.close'))
		.argument('<id>', locale.t('cli.ballot.idArgument'))
		.option('--order <ids>', locale.t('cli.ballot.orderOption'))
		.option('--dry-run', locale.t('cli.ballot.dryRunOption'))
		.action(exits((id: string, options: CloseOptions) => close(id, options, io)));
	return run(argv);
}
