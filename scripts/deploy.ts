// Node runs this file directly (type stripping); the hooks let it load the hub's own modules outside Astro.
import '../src/tools/lint/node-hooks.ts';

const { deployCommand } = await import('../src/tools/deploy-cli.ts');
process.exitCode = await deployCommand(process.argv.slice(2));
