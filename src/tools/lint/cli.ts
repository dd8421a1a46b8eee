/**
 * `npm run lint:content`: checks every entry of the hub (drafts included) against the schemas and
 * the house rules, the way ESLint reports code. Exit code 1 when there are errors, 2 when the lint
 * settings themselves are broken.
 */
import fs from 'node:fs';
import { Command, Option } from 'commander';
import { contentDir } from '../../content/content-dir.ts';
import { formatProblem } from '../../content/problems.ts';
import { buildTime } from '../../content/publication.ts';
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
	const program = new Command('lint-content')
		.description('Check every entry of the hub (drafts included) against the schemas and the house writing rules.')
		.addOption(new Option('--format <format>', 'how to report').choices(['stylish', 'json']).default('stylish'))
		.option('--fix', 'apply the safe fixes (single glossary replacements) to the files, then report what is left')
		.addHelpText(
			'after',
			`\nRules (tune them in lint.yaml, add terms in glossary.yaml, both in the content folder; the house defaults are in src/tools/lint/house/):\n${RULES.map((rule) => `  ${rule.id.padEnd(18)} ${rule.description}`).join('\n')}\n\nThe content folder is content/, or $HOURGLASS_CONTENT.`,
		)
		.exitOverride()
		.configureOutput({ writeOut: io.out, writeErr: io.err });
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
