import type { TestProject } from 'vitest/node';
import { EXAMPLE_BUILDS } from './helpers/example-hub';
import { sharedBuild, startBuildService } from './helpers/shared-build';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The example hub in `content/`, built at `/` as of `EXAMPLE_NOW` (tests/helpers/example-hub.ts). */
		exampleDist: string;
		/** The same hub built under `--base /it/`. */
		exampleItDist: string;
	}
}

/**
 * Builds the example hub once per test run, at / and under /it/, as of its pinned date, for the build and browser
 * projects (never for unit), and starts the service through which test files share fixture builds.
 */
export default async function setup(project: TestProject) {
	const service = await startBuildService();
	const [root, it] = await Promise.all([sharedBuild(EXAMPLE_BUILDS.root), sharedBuild(EXAMPLE_BUILDS.it)]);
	for (const build of [root, it]) {
		if (build.code === 0) continue;
		await service.release();
		throw new Error(`The example hub did not build:\n${build.output}`);
	}
	project.provide('exampleDist', root.dist);
	project.provide('exampleItDist', it.dist);
	project.provide('buildService', service.url);
	return service.release;
}
