// Node runs this file directly (type stripping); the hooks let it load the hub's own modules outside Astro.
import '../src/tools/lint/node-hooks.ts';

const { contactsCommand } = await import('../src/tools/contacts-cli.ts');
process.exitCode = await contactsCommand(process.argv.slice(2));
