/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig gives tests Astro's virtual modules (`astro:content` for the schemas).
export default getViteConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		// Builds copy the project into tests/.tmp; nothing there is a test of this tree.
		exclude: ['tests/.tmp/**', 'node_modules/**'],
		globalSetup: ['tests/global-setup.ts'],
		testTimeout: 120_000,
		hookTimeout: 300_000,
	},
});
