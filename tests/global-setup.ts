import type { TestProject } from 'vitest/node';
import { buildHub } from './helpers/build-hub';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The example hub in `content/`, built at `/`. */
		exampleDist: string;
		/** The same hub built under `--base /it/`. */
		exampleItDist: string;
	}
}

/** Builds the example hub once per test run; tests that read `dist/` share these two builds. */
export default async function setup(project: TestProject) {
	const [root, it] = await Promise.all([
		buildHub({ name: 'example' }),
		buildHub({ name: 'example-it', base: '/it/', site: 'https://intranet.example' }),
	]);
	for (const build of [root, it]) {
		if (build.code !== 0) throw new Error(`The example hub did not build:\n${build.output}`);
	}
	project.provide('exampleDist', root.dist);
	project.provide('exampleItDist', it.dist);
}
