/**
 * The hub as `npm run inbox` checks messages against it, read from the content folder as the
 * linter reads it (no build needed): which entries exist and whether they are out, the segments,
 * metrics and ballots, and the organisation's mail domains.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { segmentIds } from '../../checks/contacts';
import { idFromFile } from '../../content/content-dir';
import { statusOf, type Visibility } from '../../content/publication';
import { mailDomains } from '../../content/settings';
import type { Settings } from '../../content/schemas/settings';
import { readHub } from '../lint/entry';
import type { BallotFacts, HubFacts } from './place';
import { writerLocale } from '../../content/i18n/hub-language';

const dateOf = (value: unknown): Date | undefined => {
	if (!(value instanceof Date) && typeof value !== 'string') return undefined;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? undefined : date;
};

/** Front matter as the publication rule reads it: its dates as dates. */
const withDates = (data: Record<string, unknown>) =>
	Object.fromEntries(
		Object.entries(data).map(([key, value]) => [key, ['published', 'date', 'start', 'expires'].includes(key) ? dateOf(value) : value]),
	);

/** The ballot files (`content/ballots/<id>.yaml`), as far as the inbox needs them. */
function readBallots(root: string): Map<string, BallotFacts> {
	const folder = path.join(root, 'ballots');
	if (!fs.existsSync(folder)) return new Map();
	return new Map(
		fs
			.readdirSync(folder)
			.filter((name) => /\.ya?ml$/.test(name))
			.flatMap((name) => {
				const data = (parse(fs.readFileSync(path.join(folder, name), 'utf8')) ?? {}) as Record<string, unknown>;
				const closes = dateOf(data.closes);
				if (!closes) return [];
				const candidates = Array.isArray(data.candidates) ? data.candidates.map(String) : [];
				return [[idFromFile(name), { segment: String(data.segment), closes, closed: dateOf(data.closed), candidates }] as const];
			}),
	);
}

export function hubFacts(root: string, settings: Settings, now: Date): HubFacts {
	const hub = readHub(root);
	const entries = new Map<string, Visibility>();
	const metrics: string[] = [];
	for (const entry of hub.entries) {
		const data = (entry.data ?? {}) as Record<string, unknown>;
		if (entry.kind === 'metric') metrics.push(entry.id);
		const status = statusOf(entry.collection, withDates(data), now);
		if (!status) continue;
		if (entry.kind === 'paper' || entry.kind === 'case-study') entries.set(`${entry.kind}/${entry.id}`, status);
		if (entry.kind === 'newsletter' && typeof data.number === 'number') entries.set(`issue/${data.number}`, status);
	}
	return {
		entries,
		segments: segmentIds(root),
		metrics,
		ballots: readBallots(root),
		domains: mailDomains(settings),
		picksPerVoter: settings.criticalLimit,
		words: writerLocale(root),
	};
}
