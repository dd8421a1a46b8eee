// `npm run build [-- astro build options]`: Astro, then the search index, then the swap into place.
// Node runs this file directly (type stripping); the hooks let it load the hub's settings outside Astro.
import '../src/tools/lint/node-hooks.ts';

const { buildSite } = await import('../src/integrations/build-site.ts');
process.exitCode = await buildSite(process.argv.slice(2));
