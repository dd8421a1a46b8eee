/**
 * `npm run send -- ballot <segment>`: a segment's open ballot, or a new one. The first run writes
 * the ballot file (`content/ballots/<segment>-<year>-<month>.yaml`: candidates, opening and
 * closing day), which the build turns into the ballot's email; the run after the build sends
 * that email, as any entry is sent, to the segment's contacts who agreed to give feedback.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { emailFiles } from '../../content/email-files';
import { isoDate } from '../../content/format';
import { paths } from '../../content/paths';
import { oneOf, phrase } from '../../content/problems';
import { visibility } from '../../content/publication';
import { endOfDay } from '../../content/ballots';
import type { Settings } from '../../content/schemas/settings';
import type { Locale } from '../../content/i18n/locale';
import { field, type HubContent, type HubFile } from '../lint/entry';
import { builtParts, dateOf, SendRefused, stringList, subjectOf, type SendTarget } from './target';

/** How long a new ballot stays open unless `--closes` says otherwise. */
const OPEN_DAYS = 14;
const DAY = 24 * 60 * 60 * 1000;

export interface BallotFile {
	id: string;
	file: string;
	opens: Date;
	closes: Date;
	closed: Date | undefined;
	candidates: string[];
}

const ballotOf = (file: HubFile): BallotFile | undefined => {
	const opens = dateOf(field(file, 'opens'));
	const closes = dateOf(field(file, 'closes'));
	if (!opens || !closes) return undefined;
	return {
		id: file.id,
		file: file.file,
		opens,
		closes,
		closed: dateOf(field(file, 'closed')),
		candidates: stringList(field(file, 'candidates')),
	};
};

/** The segment's ballots, newest first. */
const ballotsOf = (hub: HubContent, segment: string): BallotFile[] =>
	hub.ballots
		.filter((file) => field(file, 'segment') === segment)
		.flatMap((file) => ballotOf(file) ?? [])
		.sort((a, b) => b.opens.getTime() - a.opens.getTime());

const isOpen = (ballot: BallotFile, now: Date) => !ballot.closed && ballot.opens <= now && now <= endOfDay(ballot.closes);

/** The live metrics a new ballot lists: those written for the segment, or every one with `all`. */
function candidatesFor(hub: HubContent, segment: string, all: boolean, now: Date): HubFile[] {
	return hub.entries
		.filter((entry) => entry.kind === 'metric')
		.filter((metric) => {
			const published = dateOf(field(metric, 'published'));
			const live =
				published !== undefined &&
				visibility({ draft: field(metric, 'draft') === true, published, expires: dateOf(field(metric, 'expires')) }, now) === 'live';
			return live && (all || stringList(field(metric, 'segments')).includes(segment));
		})
		.sort((a, b) => String(field(a, 'title')).localeCompare(String(field(b, 'title'))));
}

export interface BallotOptions {
	all?: boolean;
	closes?: string;
}

export type BallotPlan =
	{ kind: 'open'; ballot: BallotFile } | { kind: 'new'; id: string; file: string; yaml: string; candidates: number; closes: Date };

/**
 * The segment's open ballot, or the file a new one would be. Refuses a segment that does not
 * exist, `--all` or `--closes` for a ballot already written, and a ballot with too few candidates.
 */
export function planBallot(hub: HubContent, segment: string, options: BallotOptions, settings: Settings, now: Date): BallotPlan {
	const segments = hub.segments.map((file) => file.id);
	if (!segments.includes(segment))
		throw new SendRefused(phrase('cli.send.noSegment', { id: segment, expected: oneOf(phrase('noun.segments'), segments) }));
	const ballots = ballotsOf(hub, segment);
	const open = ballots.find((ballot) => isOpen(ballot, now));
	if (open) {
		const every = candidatesFor(hub, segment, true, now).map((metric) => metric.id);
		if (options.all && every.some((id) => !open.candidates.includes(id))) {
			throw new SendRefused(
				phrase('cli.send.openAll', { file: open.file, listed: String(open.candidates.length), every: String(every.length) }),
			);
		}
		if (options.closes !== undefined && options.closes !== isoDate(open.closes)) {
			throw new SendRefused(phrase('cli.send.openCloses', { file: open.file, date: isoDate(open.closes) }));
		}
		return { kind: 'open', ballot: open };
	}
	const later = ballots.find((ballot) => !ballot.closed && ballot.opens > now);
	if (later) throw new SendRefused(phrase('cli.send.opensLater', { file: later.file, date: isoDate(later.opens) }));

	const opens = new Date(`${isoDate(now)}T00:00:00Z`);
	const closes = options.closes === undefined ? new Date(opens.getTime() + OPEN_DAYS * DAY) : dateOf(options.closes);
	if (!closes || !/^\d{4}-\d{2}-\d{2}$/.test(options.closes ?? isoDate(closes)) || closes < opens) {
		throw new SendRefused(
			phrase('cli.send.closes', {
				today: isoDate(opens),
				example: isoDate(new Date(opens.getTime() + OPEN_DAYS * DAY)),
				found: options.closes ?? '',
			}),
		);
	}
	const candidates = candidatesFor(hub, segment, options.all === true, now);
	if (candidates.length <= settings.criticalLimit) {
		throw new SendRefused(phrase('cli.send.fewCandidates', { count: candidates.length, segment, limit: String(settings.criticalLimit) }));
	}
	const month = isoDate(opens).slice(0, 7);
	const taken = new Set(hub.ballots.map((file) => file.id));
	const id = [`${segment}-${month}`, ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${segment}-${month}-${n}`)].find((name) => !taken.has(name))!;
	const name = String(
		field(
			hub.segments.find((file) => file.id === segment)!,
			'name',
		),
	);
	const header = `# ${name} pick the ${settings.criticalLimit} measures that matter most to them.
# Sent with: npm run send -- ballot ${segment}   Closed with: npm run ballot -- close ${id}
`;
	const yaml = `${header}${stringify({ segment, opens: isoDate(opens), closes: isoDate(closes), candidates: candidates.map((metric) => metric.id) })}`;
	return { kind: 'new', id, file: path.join(hub.root, 'ballots', `${id}.yaml`), yaml, candidates: candidates.length, closes };
}

export function writeBallot(plan: Extract<BallotPlan, { kind: 'new' }>): void {
	fs.mkdirSync(path.dirname(plan.file), { recursive: true });
	fs.writeFileSync(plan.file, plan.yaml, { flag: 'wx' });
}

/** The open ballot as an email to send; the build wrote its two parts while it was open. */
export function ballotTarget(
	hub: HubContent,
	segment: string,
	ballot: BallotFile,
	settings: Settings,
	dist: string,
	locale: Locale,
): SendTarget {
	const route = paths.ballot(ballot.id);
	const parts = builtParts(dist, { html: emailFiles.html(route), text: emailFiles.text(route) });
	const name = String(
		field(
			hub.segments.find((file) => file.id === segment)!,
			'name',
		),
	);
	return {
		key: `ballot/${ballot.id}`,
		file: ballot.file,
		segments: [segment],
		feedbackOnly: true,
		subject: subjectOf(parts.html),
		fromName: settings.editors.name,
		replyTo: { name: settings.editors.name, address: settings.editors.email },
		feedbackAsk: locale.t('ballot.email.feedbackAsk', { segment: name }),
		...parts,
	};
}
