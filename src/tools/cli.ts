/**
 * What the hub's command-line tools share: commander writing through the given output (so tests
 * capture it) instead of exiting, the environment a command reads, and one shape for a mistake the
 * user can fix: `npm run <command>: <what is wrong and what is valid>`, exit code 1.
 */
import { Command } from 'commander';
import { writerLocale } from '../content/i18n/hub-language';
import { ContentProblems, ENGLISH, say, type Phrase, type Said } from '../content/problems';
import { buildTime } from '../content/publication';

export interface CliOutput {
	out: (text: string) => void;
	err: (text: string) => void;
}

/** Output, and the environment a command reads (`HOURGLASS_NOW`, `SMTP_URL`, `IMAP_URL`…): a test's own, or the process's. */
export interface CommandIo extends CliOutput {
	env?: Record<string, string | undefined>;
}

/** The terminal, and the process's environment. */
export const processIo: Required<CommandIo> = {
	out: (text) => process.stdout.write(text),
	err: (text) => process.stderr.write(text),
	env: process.env,
};

/** "Today" for a command: `HOURGLASS_NOW` in its environment, as the build reads it, or the clock. */
export const nowOf = (io: CommandIo): Date => buildTime(io.env);

/**
 * A mistake on the command line; the message says what is valid, in the hub's language (a phrase
 * of the dictionary, said for the hub in the content folder), or as given when it is plain text.
 */
export class UsageError extends Error {
	constructor(words: Said) {
		super(say(words, writerLocale()));
	}
}

/**
 * A writer command: its description in the hub's language (a phrase), and commander's own
 * words (Usage, Options, errors about flags) as commander writes them (docs/writing.md, Languages).
 * A command that stays English (`npm run deploy`, for operators) gives its description as text.
 */
export const newProgram = (name: string, description: Phrase | string, io: CliOutput): Command => {
	const locale = typeof description === 'string' ? ENGLISH : writerLocale();
	return new Command(name)
		.description(say(description, locale))
		.helpOption('-h, --help', locale.t('cli.help'))
		.exitOverride()
		.configureOutput({ writeOut: io.out, writeErr: io.err });
};

/** Runs the program on `argv`: 0, commander's own exit code (help, an unknown option), or 1 for a usage or content mistake. */
async function runProgram(program: Command, argv: readonly string[], io: CliOutput): Promise<number> {
	try {
		await program.parseAsync(argv, { from: 'user' });
		return 0;
	} catch (error) {
		if (error instanceof UsageError || error instanceof ContentProblems) {
			io.err(`npm run ${program.name()}: ${error.message}\n`);
			return 1;
		}
		const exit = error as { exitCode?: number; code?: string };
		if (exit.code?.startsWith('commander.')) return exit.exitCode ?? 1;
		throw error;
	}
}

export interface CommandLine {
	/** `npm run <name>`'s program: add its options, subcommands and help to it. */
	program: Command;
	/** An action whose result is the command's exit code (an action that is not wrapped exits with 0). */
	exits: <A extends unknown[]>(action: (...args: A) => number | Promise<number>) => (...args: A) => Promise<void>;
	/** Parses `argv` and runs the action: its exit code, commander's (help, an unknown option), or 1 for a usage or content mistake. */
	run: (argv: readonly string[]) => Promise<number>;
}

/** The set-up every `npm run <name>` command shares. */
export function commandLine(name: string, description: Phrase | string, io: CliOutput): CommandLine {
	let code = 0;
	const program = newProgram(name, description, io);
	return {
		program,
		exits:
			(action) =>
			async (...args) => {
				code = await action(...args);
			},
		run: async (argv) => {
			const parsed = await runProgram(program, argv, io);
			return parsed === 0 ? code : parsed;
		},
	};
}
