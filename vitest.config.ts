/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/** Vitest's own default pattern: any test file, wherever a later branch puts it, is collected. */
const ANY_TEST = '**/*.{test,spec}.?(c|m)[jt]s?(x)';

/** Builds copy the project and fixtures into tests/.tmp; nothing there is a test of this tree. */
const NEVER = ['**/node_modules/**', '**/.git/**', 'tests/.tmp/**', 'bench/.tmp/**', 'tests/fixtures/**', 'dist/**', 'dist.*/**'];

/** Builds the example hub at / and /it/ (memoised: the build and browser projects share one run). */
const GLOBAL_SETUP = ['tests/global-setup.ts'];

/**
 * A build is bounded by its own child-process limit (tests/helpers/build-hub.ts) and Playwright's
 * per-action limits, so test and hook timeouts would only measure how busy the machine is.
 */
const NO_TIMEOUT = { testTimeout: 0, hookTimeout: 0 };

// getViteConfig gives tests Astro's virtual modules (`astro:content` for the schemas); inline
// projects inherit it.
export default getViteConfig({
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: [`tests/unit/${ANY_TEST}`],
					exclude: NEVER,
					// Pure code: only a hang gets near this, however busy the machine.
					testTimeout: 60_000,
				},
			},
			{
				// Against real servers the tests start themselves (Dovecot for `npm run inbox`); no build needed.
				extends: true,
				test: {
					name: 'servers',
					include: [`tests/servers/${ANY_TEST}`],
					exclude: NEVER,
					...NO_TIMEOUT,
				},
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: [`tests/browser/${ANY_TEST}`],
					exclude: NEVER,
					globalSetup: GLOBAL_SETUP,
					...NO_TIMEOUT,
				},
			},
			{
				// Everything that is neither unit nor browser lands here, including a test file added
				// in a folder no project names: it runs with the example hub built and no timeout.
				extends: true,
				test: {
					name: 'build',
					include: [ANY_TEST],
					exclude: [...NEVER, 'tests/unit/**', 'tests/browser/**', 'tests/servers/**'],
					globalSetup: GLOBAL_SETUP,
					...NO_TIMEOUT,
				},
			},
		],
	},
});
