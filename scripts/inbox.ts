// Node runs this file directly (type stripping); the hooks let it load the hub's own modules outside Astro.
import '../src/tools/lint/node-hooks.ts';

const { inboxCommand } = await import('../src/tools/inbox/cli.ts');
process.exitCode = await inboxCommand(process.argv.slice(2));
