/**
 * What the schemas need from `astro:content` when the writer CLIs load them in plain Node, outside
 * Astro. `reference()` gives the same `{ collection, id }` shape as Astro's, so the linter checks
 * references with the same `checkReferences()` the build uses.
 */
import { z } from 'astro/zod';

export function reference<C extends string>(collection: C) {
	return z.union([z.string(), z.number().transform(String)]).transform((id) => ({ collection, id }));
}
