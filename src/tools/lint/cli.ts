/**
 * `npm run lint:content`: checks every entry of the hub (drafts included) against the schemas and
 * the house rules, the way ESLint reports code. Exit code 1 when there are errors, 2 when the lint
 * settings themselves are broken.
 */
import fs from 'node:fs';
import { Option } from 'commander';
import { contentDir } from '../../content/content-dir.ts';
import { writerLocale } from '../../content/i18n/hub-language.ts';
import { formatProblem, phrase } from '../../content/problems.ts';
import { buildTime } from '../../content/publication.ts';
import { newProgram } from '../cli.ts';
import { loadConfig } from './config.ts';
import { applyFixes } from './fix.ts';
import { json, stylish, totals } from './format.ts';
import { RULES } from './rules/index.ts';
import { lintHub } from './runner.ts';

export interface Io {
	out: (text: string) => void;
	err: (text: string) => void;
	color: boolean;
}

const processIo: Io = {
	out: (text) => process.stdout.write(text),
	err: (text) => process.stderr.write(text),
	color: process.stdout.isTTY && !process.env.NO_COLOR,
};

export async function lintContent(argv: readonly string[], io: Io = processIo): Promise<number> {
	const words = writerLocale();
	const program = newProgram('lint-content', phrase('cli.lint.description'), io)
		.addOption(new Option('--format <format>', words.t('cli.formatOption')).choices(['stylish', 'json']).default('stylish'))
		.option('--fix', words.t('cli.lint.fixOption'))
		.addHelpText(
			'after',
			`\n${words.t('cli.lint.help', { rules: RULES.map((rule) => `  ${rule.id.padEnd(18)} ${words.t(rule.description)}`).join('\n') })}`,
		);
	try {
		program.parse(argv, { from: 'user' });
	} catch (error) {
		const exit = error as { exitCode?: number };
		return exit.exitCode ?? 2;
	}
	const options = program.opts<{ format: 'stylish' | 'json'; fix?: boolean }>();
	const root = contentDir();
	const { config, problems } = await loadConfig(root);
	if (problems.length > 0) {
		io.err(
			`${config.locale.t('lint.settingsProblems', { count: problems.length })}\n${problems.map((p) => `  ${formatProblem(p, config.writer)}`).join('\n')}\n`,
		);
		return 2;
	}
	const now = buildTime();
	let reports = await lintHub(root, config, now);
	if (options.fix) {
		let fixed = 0;
		for (const report of reports) {
			const fixes = report.messages.flatMap((m) => m.fix ?? []);
			if (fixes.length === 0) continue;
			const { output, applied } = applyFixes(report.source, fixes);
			fs.writeFileSync(report.path, output);
			fixed += applied;
		}
		if (fixed > 0) {
			if (options.format === 'stylish') io.err(`${config.locale.t('lint.fixed', { count: fixed })}\n`);
			reports = await lintHub(root, config, now);
		}
	}
	io.out(options.format === 'json' ? `${json(reports)}\n` : stylish(reports, config.locale, io.color));
	return totals(reports).errors > 0 ? 1 : 0;
}
