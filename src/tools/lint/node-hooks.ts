/**
 * Lets the writer CLIs (`npm run new`, `npm run lint:content`) run the hub's own TypeScript in
 * plain Node 24: the schemas import `astro:content`, which only exists inside Astro, and the code
 * imports siblings without extensions, as Astro's bundler allows. Import this module first, then
 * load the rest with a dynamic `import()`: static imports are resolved before any code runs.
 */
import { registerHooks } from 'node:module';

const shim = new URL('./astro-content-shim.ts', import.meta.url).href;

registerHooks({
	resolve(specifier, context, nextResolve) {
		if (specifier === 'astro:content') return { url: shim, shortCircuit: true };
		const relative = specifier.startsWith('./') || specifier.startsWith('../');
		if (relative && !/\.[cm]?[jt]sx?$/.test(specifier) && context.parentURL?.endsWith('.ts')) {
			return nextResolve(`${specifier}.ts`, context);
		}
		return nextResolve(specifier, context);
	},
});
