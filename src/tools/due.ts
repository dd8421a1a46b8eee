/**
 * `npm run due`: what goes live or leaves in the coming days, so an operator knows when a rebuild
 * matters. Each entry's status is asked of the one publication rule (`statusOf`) day by day; nothing
 * here compares dates itself.
 */
import { Option } from 'commander';
import { newProgram, runProgram, UsageError, type CliOutput } from './cli.ts';
import { contentDir } from '../content/content-dir.ts';
import { writerLocale, type Locale } from '../content/i18n/index.ts';
import type { MessageKey } from '../content/i18n/dictionaries.ts';
import { phrase } from '../content/problems.ts';
import { COLLECTIONS, type CollectionName } from '../content/kinds.ts';
import { buildTime, statusOf, type Visibility } from '../content/publication.ts';
import { readHub } from './lint/entry.ts';
import { checkSchemas } from './lint/schema.ts';

const DAY = 24 * 60 * 60 * 1000;

export interface Change {
	/** The first build, at this time of day, that shows the change. */
	on: Date;
	/** The file, as messages print it. */
	file: string;
	collection: CollectionName;
	/** `"<title>"`, or `by <name>` for a testimonial. */
	title: string;
	from: Visibility;
	to: Visibility;
}

export interface Due {
	changes: Change[];
	/** Files the build would refuse, left out of `changes`. */
	problems: number;
}

/** How a reader knows the entry: its title in quotes, or whose words a testimonial is. */
const titleOf = (data: Record<string, unknown>, locale: Locale) =>
	typeof data.title === 'string' ? `"${data.title}"` : typeof data.name === 'string' ? locale.t('cli.due.by', { name: data.name }) : '';

/** Every change of status in the `days` after `now`, in date order. */
export async function dueChanges(root: string, now: Date, days: number): Promise<Due> {
	const hub = readHub(root);
	const { problems, valid } = await checkSchemas(hub, now);
	const changes: Change[] = [];
	const locale = writerLocale(root);
	for (const file of [...hub.entries, ...hub.testimonials]) {
		const data = valid.get(file.path);
		if (!data) continue;
		const collection = file.collection as CollectionName;
		let status = statusOf(collection, data, now);
		for (let day = 1; day <= days; day++) {
			const on = new Date(now.getTime() + day * DAY);
			const next = statusOf(collection, data, on);
			if (next !== status && status !== undefined && next !== undefined) {
				changes.push({ on, file: file.file, collection, title: titleOf(data, locale), from: status, to: next });
			}
			status = next;
		}
	}
	changes.sort((a, b) => a.on.getTime() - b.on.getTime() || a.file.localeCompare(b.file));
	return { changes, problems: new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file.path)).size };
}

const WHAT: Partial<Record<Visibility, MessageKey>> = {
	live: 'cli.due.live',
	archived: 'cli.due.archived',
};

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
			const becomes = WHAT[change.to];
			const line = becomes ? locale.t(becomes, { what }) : locale.t('cli.due.becomes', { what, status: change.to });
			return `  ${formatDate(change.on).padEnd(width)}  ${line} (${change.file})`;
		}),
		locale.t('cli.due.rebuild'),
		'',
	].join('\n');
}

const processIo: CliOutput = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };

export async function dueCommand(argv: readonly string[], io: CliOutput = processIo): Promise<number> {
	let problems = 0;
	const locale = writerLocale();
	const program = newProgram('due', phrase('cli.due.description'), io)
		.option('--days <n>', locale.t('cli.due.daysOption'), '14')
		.addOption(new Option('--format <format>', locale.t('cli.formatOption')).choices(['text', 'json']).default('text'))
		.addHelpText('after', `\n${locale.t('cli.due.help')}`)
		.action(async (options: { days: string; format: 'text' | 'json' }) => {
			const days = Number(options.days);
			if (!Number.isInteger(days) || days < 1) throw new UsageError(phrase('cli.due.days', { days: options.days }));
			const now = buildTime();
			const due = await dueChanges(contentDir(), now, days);
			problems = due.problems;
			io.out(
				options.format === 'json'
					? `${JSON.stringify(
							due.changes.map((change) => ({ ...change, on: change.on.toISOString() })),
							null,
							'\t',
						)}\n`
					: describeDue(due, now, days, locale),
			);
		});
	const code = await runProgram(program, argv, io);
	if (code !== 0) return code;
	if (problems > 0) {
		io.err(`npm run due: ${locale.t('cli.due.problems', { count: problems })}\n`);
		return 1;
	}
	return 0;
}
