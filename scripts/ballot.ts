// Node runs this file directly (type stripping); the hooks let it load the hub's own modules outside Astro.
import '../src/tools/lint/node-hooks.ts';

const { ballotCommand } = await import('../src/tools/ballot-cli.ts');
process.exitCode = await ballotCommand(process.argv.slice(2));
