/**
 * `npm run due`: what goes live or leaves in the coming days, and when campaigns end and their
 * activities come due, so an operator knows when a rebuild matters and an editor what to update.
 * Each day is asked of the one publication rule (`statusOf`) and the campaigns' rules
 * (src/content/stages.ts); nothing here compares dates itself.
 */
import { Option } from 'commander';
import { commandLine, nowOf, processIo, UsageError, type CommandIo } from './cli.ts';
import { contentDir } from '../content/content-dir.ts';
import { writerLocale, type Locale } from '../content/i18n/index.ts';
import type { MessageKey } from '../content/i18n/dictionaries.ts';
import { phrase } from '../content/problems.ts';
import { COLLECTIONS, type CollectionName } from '../content/kinds.ts';
import { statusOf, type Visibility } from '../content/publication.ts';
import { activityReached, campaignFinished, stageLabel, type ActivityStatus, type StageId } from '../content/stages.ts';
import { readHub } from './lint/entry.ts';
import { checkSchemas } from './lint/schema.ts';

const DAY = 24 * 60 * 60 * 1000;

/** What happens: an entry's status changes, a campaign ends, or one of a live campaign's activities comes due. */
export type Event =
	| { kind: 'status'; from: Visibility; to: Visibility }
	| { kind: 'campaign-end' }
	| { kind: 'activity'; activity: string; stage: StageId; status: Exclude<ActivityStatus, 'dropped'> };

export type Change = Event & {
	/** The first build, at this time of day, that shows the change. */
	on: Date;
	/** The file, as messages print it. */
	file: string;
	collection: CollectionName;
	/** `"<title>"`, or `by <name>` for a testimonial. */
	title: string;
};

/** What the campaigns' rules read of a campaign's validated data. */
interface CampaignDates {
	end?: Date | undefined;
	stages: { stage: StageId; activities: { title: string; date: Date; status: ActivityStatus }[] }[];
}

export interface Due {
	changes: Change[];
	/** Files the build would refuse, left out of `changes`. */
	problems: number;
}

/** How a reader knows the entry: its title in quotes, or whose words a testimonial is. */
const titleOf = (data: Record<string, unknown>, locale: Locale) =>
	typeof data.title === 'string' ? `"${data.title}"` : typeof data.name === 'string' ? locale.t('cli.due.by', { name: data.name }) : '';

/** A campaign's end and its activities (all but dropped ones) whose day comes between `before` and `on`. */
function campaignEvents({ end, stages }: CampaignDates, before: Date, on: Date): Event[] {
	const ends: Event[] = !campaignFinished(end, before) && campaignFinished(end, on) ? [{ kind: 'campaign-end' }] : [];
	return [
		...ends,
		...stages.flatMap(({ stage, activities }) =>
			activities.flatMap((activity): Event[] =>
				activity.status !== 'dropped' && !activityReached(activity, before) && activityReached(activity, on)
					? [{ kind: 'activity', activity: activity.title, stage, status: activity.status }]
					: [],
			),
		),
	];
}

/** Every change of status, campaign end and activity in the `days` after `now`, in date order. */
export async function dueChanges(root: string, now: Date, days: number): Promise<Due> {
	const hub = readHub(root);
	const { problems, valid } = await checkSchemas(hub, now);
	const changes: Change[] = [];
	const locale = writerLocale(root);
	for (const file of [...hub.entries, ...hub.testimonials]) {
		const data = valid.get(file.path);
		if (!data) continue;
		const collection = file.collection as CollectionName;
		const entry = { file: file.file, collection, title: titleOf(data, locale) };
		for (let day = 1; day <= days; day++) {
			const before = new Date(now.getTime() + (day - 1) * DAY);
			const on = new Date(now.getTime() + day * DAY);
			const from = statusOf(collection, data, before);
			const to = statusOf(collection, data, on);
			if (from !== to && from !== undefined && to !== undefined) changes.push({ ...entry, on, kind: 'status', from, to });
			// Only a live campaign's page shows its end and its activities; a draft's dates change nothing yet.
			if (collection === 'campaigns' && to === 'live') {
				changes.push(...campaignEvents(data as unknown as CampaignDates, before, on).map((event) => ({ ...entry, on, ...event })));
			}
		}
	}
	changes.sort((a, b) => a.on.getTime() - b.on.getTime() || a.file.localeCompare(b.file));
	return { changes, problems: new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file.path)).size };
}

const WHAT: Partial<Record<Visibility, MessageKey>> = {
	live: 'cli.due.live',
	archived: 'cli.due.archived',
};

/** What happens to `what` (the entry's kind and title). */
function whatHappens(change: Change, what: string, locale: Locale): string {
	switch (change.kind) {
		case 'status': {
			const becomes = WHAT[change.to];
			return becomes ? locale.t(becomes, { what }) : locale.t('cli.due.becomes', { what, status: change.to });
		}
		case 'campaign-end':
			return locale.t('cli.due.campaignEnd', { what });
		case 'activity': {
			const activity = locale.t('cli.due.activity', { activity: change.activity, stage: stageLabel(locale, change.stage) });
			return locale.t(change.status === 'planned' ? 'cli.due.activityPlanned' : 'cli.due.activityDone', { what, activity });
		}
	}
}

/** The report an operator reads. */
export function describeDue(due: Due, now: Date, days: number, locale: Locale): string {
	const formatDate = (date: Date) => locale.date(date);
	const until = formatDate(new Date(now.getTime() + days * DAY));
	if (due.changes.length === 0) {
		return `${locale.t('cli.due.nothing', { count: days, until })}\n`;
	}
	const width = Math.max(...due.changes.map((change) => formatDate(change.on).length));
	return [
		locale.t('cli.due.heading', { count: days, until }),
		...due.changes.map((change) => {
			const what = `${locale.t(COLLECTIONS[change.collection].noun)}${change.title ? ` ${change.title}` : ''}`;
			return `  ${formatDate(change.on).padEnd(width)}  ${whatHappens(change, what, locale)} (${change.file})`;
		}),
		locale.t('cli.due.rebuild'),
		'',
	].join('\n');
}

export async function dueCommand(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
	const locale = writerLocale();
	const { program, exits, run } = commandLine('due', phrase('cli.due.description'), io);
	program
		.option('--days <n>', locale.t('cli.due.daysOption'), '14')
		.addOption(new Option('--format <format>', locale.t('cli.formatOption')).choices(['text', 'json']).default('text'))
		.addHelpText('after', `\n${locale.t('cli.due.help')}`)
		.action(
			exits(async (options: { days: string; format: 'text' | 'json' }) => {
				const days = Number(options.days);
				if (!Number.isInteger(days) || days < 1) throw new UsageError(phrase('cli.due.days', { days: options.days }));
				const now = nowOf(io);
				const due = await dueChanges(contentDir(), now, days);
				io.out(
					options.format === 'json'
						? `${JSON.stringify(
								due.changes.map((change) => ({ ...change, on: change.on.toISOString() })),
								null,
								'\t',
							)}\n`
						: describeDue(due, now, days, locale),
				);
				const { problems } = due;
				if (problems === 0) return 0;
				io.err(`npm run due: ${locale.t('cli.due.problems', { count: problems })}\n`);
				return 1;
			}),
		);
	return run(argv);
}
