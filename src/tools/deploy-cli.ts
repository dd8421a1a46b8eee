/**
 * `npm run deploy -- <folder> [--from dist] [--rollback]`: the command line of `deploy.ts`.
 */
import path from 'node:path';
import { commandLine, processIo, type CliOutput } from './cli.ts';
import { deploy, rollback } from './deploy.ts';

export async function deployCommand(argv: readonly string[], io: CliOutput = processIo): Promise<number> {
	const { program, exits, run } = commandLine(
		'deploy',
		"Copy the built site into a web server's folder and swap it in atomically; keep the previous site.",
		io,
	);
	program
		.argument('<folder>', "the web server's folder; point the server at <folder>/current")
		.option('--from <dir>', 'the built site to deploy', 'dist')
		.option('--rollback', 'go back to the previous site (a second rollback undoes the first)')
		.addHelpText(
			'after',
			'\nExamples:\n  npm run build && npm run deploy -- /srv/www/hub\n  npm run deploy -- /srv/www/hub --rollback\n\nSee docs/operating.md, "Deploy".',
		)
		.action(
			exits(async (folder: string, options: { from: string; rollback?: boolean }) => {
				const result = options.rollback ? await rollback({ to: folder }) : await deploy({ from: options.from, to: folder });
				const served = path.join(folder, 'current');
				io.out(
					[
						options.rollback
							? `Rolled back: ${served} now serves the previous site again (${result.current}).`
							: `Deployed: ${served} now serves ${result.current}${result.carried > 0 ? `, with ${result.carried} asset files of the site before it for pages fetched during the swap` : ''}.`,
						result.previous
							? `The site it replaced is kept (${result.previous}): npm run deploy -- ${folder} --rollback goes back to it.`
							: 'There is no earlier site to roll back to yet.',
						'',
					].join('\n'),
				);
				return 0;
			}),
		);
	return run(argv);
}
