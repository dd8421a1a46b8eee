import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Builds into a sibling staging folder and swaps it in only when every other integration's
 * `astro:build:done` has succeeded, so a failed build leaves the previous `dist/` as it was and
 * never publishes half a site. Keep it last in the integrations list: hooks run in list order.
 */
export function atomicOutput(): AstroIntegration {
	let finalDir = '';
	let stagingDir = '';
	// A build that fails (while generating pages, say) exits without `astro:build:done`: its
	// half-built site goes with it rather than lying beside `dist/` until the next build.
	const discardStaging = () => {
		rmSync(stagingDir, { recursive: true, force: true });
	};
	return {
		name: 'hourglass:atomic-output',
		hooks: {
			'astro:config:setup': async ({ command, config, updateConfig }) => {
				if (command !== 'build') return;
				finalDir = fileURLToPath(config.outDir);
				stagingDir = `${finalDir.replace(/[\\/]+$/, '')}.next`;
				// What a build that was killed outright left behind.
				await fs.rm(stagingDir, { recursive: true, force: true });
				process.once('exit', discardStaging);
				updateConfig({ outDir: pathToFileURL(`${stagingDir}/`) });
			},
			'astro:build:done': async ({ logger }) => {
				if (!stagingDir) return;
				const previous = `${finalDir.replace(/[\\/]+$/, '')}.previous`;
				await fs.rm(previous, { recursive: true, force: true });
				await fs.rename(finalDir, previous).catch((error: unknown) => {
					if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
				});
				await fs.rename(stagingDir, finalDir);
				process.off('exit', discardStaging);
				await fs.rm(previous, { recursive: true, force: true });
				logger.info(`site written to ${path.relative(process.cwd(), finalDir) || '.'}`);
			},
		},
	};
}
