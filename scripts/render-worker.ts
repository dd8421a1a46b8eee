// A worker thread of the content sync's render pool (src/content/render/render-pool.ts): renders
// MDX bodies with the same renderMdx() the sync's own thread runs. Node loads it directly (type
// stripping); the hooks resolve the hub's extension-less imports, as in the other scripts.
import '../src/tools/lint/node-hooks.ts';

const { renderMdx } = await import('../src/content/render/render-mdx.ts');

export default ({ source, options }: { source: string; options: Parameters<typeof renderMdx>[1] }) => renderMdx(source, options);
