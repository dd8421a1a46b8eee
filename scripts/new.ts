// Node runs this file directly (type stripping); the hooks let it load the hub's own modules outside Astro.
import '../src/tools/lint/node-hooks.ts';

const { newEntry } = await import('../src/tools/scaffold-cli.ts');
process.exitCode = await newEntry(process.argv.slice(2));
