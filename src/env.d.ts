/** `true` only under `astro dev`; defined by src/integrations/preview-mode.ts (absent in unit tests). */
declare const __HOURGLASS_PREVIEW__: boolean | undefined;

/**
 * Plain `tsc` cannot read `.astro` files, so a TypeScript file that imports a component (a test that
 * renders one in Astro's container) would not compile; `astro check` and the editor plugin resolve
 * the real file and its props before this fallback applies. https://github.com/withastro/astro/issues/8364
 */
declare module '*.astro' {
	import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
	const component: AstroComponentFactory;
	export default component;
}
