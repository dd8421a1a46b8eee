/**
 * What the writers' preview (`npm run dev`) shows of what came back, and the build never does:
 * the editors' page (what readers said, who answered, what waits, each ballot's tally) and an
 * author's own reception. Runs the real `astro dev` on the example hub, in a copy of the project.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isolatedProject, ROOT, TMP } from '../helpers/build-hub';
import { startDevServer, type DevServer } from '../helpers/dev-server';

let server: DevServer | undefined;

const text = (element: HTMLElement | null | undefined) => (element?.text ?? '').replace(/\s+/g, ' ').trim();
const page = (route: string) => server!.page(route);

beforeAll(async () => {
	const project = await isolatedProject(path.join(TMP, 'editors-page'));
	server = await startDevServer({ project, content: path.join(ROOT, 'content'), now: '2026-12-07T20:00:00Z' });
});

afterAll(() => server?.stop());

describe('the editors’ page in the preview', () => {
	it('shows the share of mailed colleagues who answered, per segment and quarter', async () => {
		const main = await page('editors/');
		const rows = main
			.querySelectorAll('section[aria-labelledby="list-superusers"] table.answered tbody tr')
			.map((row) => row.querySelectorAll('th, td').map(text));
		// Nine superusers got the first issue in September and nobody answered it; in the autumn seven of them voted.
		expect(rows).toEqual([
			['2026 Q3', '9', '0', '0%'],
			['2026 Q4', '9', '7', '78%'],
		]);
	});

	it('lists the list requests and open questions waiting, with the question’s age', async () => {
		const waiting = (await page('editors/')).querySelector('section[aria-labelledby="waiting-heading"]')!;
		const requests = waiting.querySelectorAll('.requests li').map(text);
		expect(requests).toHaveLength(2);
		expect(requests[0]).toContain('tom.reyes@fellwalker-agency.example asked for Superusers');
		expect(requests[0]).toContain("Look first: outside the organisation's mail domains");
		expect(requests[1]).toContain('Victoria Osei <victoria.osei@northwind.example> asked for Executives');
		const questions = waiting.querySelectorAll('.open-questions li');
		expect(questions.map((li) => li.getAttribute('data-question'))).toEqual([
			'2026-10-28-can-store-managers-see-web-orders',
			'2026-11-20-when-does-the-stock-app-reach-stores',
			'2026-11-30-will-ai-assistants-change-store-rotas',
		]);
		expect(text(questions[1])).toContain('asked 17 days ago');
	});

	it('shows per entry the yes and no counts with every line of why', async () => {
		const entry = (await page('editors/')).querySelector('.reception[data-entry="paper/replacing-store-tills"]')!;
		expect(text(entry.querySelector('p'))).toBe('Useful: 1 yes, 1 no.');
		expect(entry.querySelectorAll('li').map(text)).toEqual([
			'Yes: “Payback under three years is what I needed to see before the capital review.” (Daniel Achebe, 19 August 2026)',
			'No: “Which stores go first? My region needs to plan staffing around it.” (Marcus Boateng, 20 August 2026)',
		]);
	});

	it('shows each ballot’s tally', async () => {
		const ballot = (await page('editors/')).querySelector('.ballot[data-ballot="superusers-2026-11"]')!;
		expect(text(ballot.querySelector('p'))).toBe('Closed on 17 November 2026. 7 voted of the 9 it was sent to.');
		expect(ballot.querySelectorAll('tbody td').map(text)).toEqual(['6', '5', '4', '2', '2', '1', '0', '0', '0']);
	});

	it('shows an author how their own writing was received, without who said it', async () => {
		const received = (await page('authors/priya-raman/')).querySelector('.received')!;
		const tills = received.querySelector('[data-entry="paper/replacing-store-tills"]')!;
		expect(text(tills.querySelector('p'))).toBe('Useful to 1 of 2 colleagues who answered.');
		expect(text(tills)).toContain('“Which stores go first? My region needs to plan staffing around it.”');
		expect(text(tills)).not.toContain('Marcus Boateng');
	});
});

describe('the built site', () => {
	it('has neither the editors’ page nor an author’s reception', () => {
		const dist = inject('exampleDist');
		expect(fs.existsSync(path.join(dist, 'editors'))).toBe(false);
		const author = parse(fs.readFileSync(path.join(dist, 'authors', 'priya-raman', 'index.html'), 'utf8'));
		expect(author.querySelector('.received')).toBeNull();
	});
});
