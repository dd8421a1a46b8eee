/**
 * `npm run deploy -- <folder> [--from dist] [--rollback]`: the command line of `deploy.ts`.
 */
import path from 'node:path';
import { newProgram, runProgram, type CliOutput } from './cli.ts';
import { deploy, rollback, type DeployResult } from './deploy.ts';

const processIo: CliOutput = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };

export async function deployCommand(argv: readonly string[], io: CliOutput = processIo): Promise<number> {
	let done: { result: DeployResult; folder: string; rolledBack: boolean } | undefined;
	const program = newProgram(
		'deploy',
		"Copy the built site into a web server's folder and swap it in atomically; keep the previous site.",
		io,
	)
		.argument('<folder>', "the web server's folder; point the server at <folder>/current")
		.option('--from <dir>', 'the built site to deploy', 'dist')
		.option('--rollback', 'go back to the previous site (a second rollback undoes the first)')
		.addHelpText(
			'after',
			'\nExamples:\n  npm run build && npm run deploy -- /srv/www/hub\n  npm run deploy -- /srv/www/hub --rollback\n\nSee docs/operating.md, "Deploy".',
		)
		.action(async (folder: string, options: { from: string; rollback?: boolean }) => {
			const result = options.rollback ? await rollback({ to: folder }) : await deploy({ from: options.from, to: folder });
			done = { result, folder, rolledBack: options.rollback === true };
		});
	const code = await runProgram(program, argv, io);
	if (code !== 0 || !done) return code;
	const { result, folder, rolledBack } = done;
	const served = path.join(folder, 'current');
	io.out(
		[
			rolledBack
				? `Rolled back: ${served} now serves the previous site again (${result.current}).`
				: `Deployed: ${served} now serves ${result.current}${result.carried > 0 ? `, with ${result.carried} asset files of the site before it for pages fetched during the swap` : ''}.`,
			result.previous
				? `The site it replaced is kept (${result.previous}): npm run deploy -- ${folder} --rollback goes back to it.`
				: 'There is no earlier site to roll back to yet.',
			'',
		].join('\n'),
	);
	return 0;
}
