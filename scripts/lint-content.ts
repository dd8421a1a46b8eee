// Node runs this file directly (type stripping); the hooks let it load the hub's schemas outside Astro.
import '../src/tools/lint/node-hooks.ts';

const { lintContent } = await import('../src/tools/lint/cli.ts');
process.exitCode = await lintContent(process.argv.slice(2));
