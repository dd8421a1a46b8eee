// Node runs this file directly (type stripping); the hooks let it load the hub's own modules outside Astro.
import '../src/tools/lint/node-hooks.ts';

const { sendCommand } = await import('../src/tools/send/cli.ts');
process.exitCode = await sendCommand(process.argv.slice(2));
