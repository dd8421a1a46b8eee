import type { TestProject } from 'vitest/node';
import { sharedBuild, startBuildService } from './helpers/shared-build';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The example hub in `content/`, built at `/`. */
		exampleDist: string;
		/** The same hub built under `--base /it/`. */
		exampleItDist: string;
	}
}

/**
 * Builds the example hub once per test run, at / and under /it/, for the build and browser
 * projects (never for unit), and starts the service through which test files share fixture builds.
 */
export default async function setup(project: TestProject) {
	const service = await startBuildService();
	const [root, it] = await Promise.all([sharedBuild({}), sharedBuild({ base: '/it/', site: 'https://intranet.example' })]);
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
