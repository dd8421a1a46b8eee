/**
 * The writers' preview (`npm run dev`) shows an edit of a file the hub reads itself, outside
 * Astro's content layer, on the next view once the watcher has seen it: here the contacts, whose
 * count an audience's page shows. Runs the real `astro dev` on a copy of the example hub.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedProject, ROOT, TMP } from '../helpers/build-hub';
import { startDevServer, type DevServer } from '../helpers/dev-server';

/** How long the preview may take to show an edit before the test gives up: far more than any loaded machine needs. */
const PATIENCE_MS = 5 * 60_000;

let server: DevServer | undefined;
let content: string;

beforeAll(async () => {
	// Outside the project: the preview's watcher ignores tests/.tmp/ (astro.config.mjs), as a writer's hub is a folder of its own.
	content = await fs.mkdtemp(path.join(os.tmpdir(), 'hourglass-preview-watch-'));
	await fs.cp(path.join(ROOT, 'content'), content, { recursive: true });
	const project = await isolatedProject(path.join(TMP, 'preview-watch'));
	server = await startDevServer({ project, content, now: '2026-12-07T20:00:00Z' });
});

afterAll(async () => {
	server?.stop();
	await fs.rm(content, { recursive: true, force: true });
});

/** How many colleagues the finance audience's page says get its writing by email. */
async function financeFollowers(): Promise<number> {
	const said = (await server!.page('segments/finance/')).querySelector('.get-by-email .muted')?.text ?? '';
	return Number(/(\d+) colleagues? gets? them/.exec(said)?.[1] ?? 0);
}

describe('the preview', () => {
	it('counts a colleague added to the contacts on the next view', async () => {
		const before = await financeFollowers();
		expect(before).toBeGreaterThan(0);
		const contacts = path.join(content, 'contacts.yaml');
		await fs.appendFile(
			contacts,
			[
				'  - name: Priya Test',
				'    email: priya.test@northwind.example',
				'    segments: [finance]',
				'    joined: 2026-11-02',
				'    asked: asked at the finance team meeting',
				'',
			].join('\n'),
		);
		const started = performance.now();
		let now = before;
		while (now === before) {
			if (performance.now() - started > PATIENCE_MS) throw new Error(`the finance page still says ${before} colleagues`);
			await new Promise((resolve) => setTimeout(resolve, 100));
			now = await financeFollowers();
		}
		expect(now).toBe(before + 1);
	});
});
