// Node runs this file directly (type stripping); the hooks let it load the hub's own modules outside Astro.
import '../src/tools/lint/node-hooks.ts';

const { dueCommand } = await import('../src/tools/due.ts');
process.exitCode = await dueCommand(process.argv.slice(2));
