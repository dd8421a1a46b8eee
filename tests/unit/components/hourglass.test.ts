import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import Hourglass from '../../../src/components/campaigns/Hourglass.astro';
import { STAGE_IDS, type StageId } from '../../../src/content/stages';
import { progressAsOf, type ActivityData } from '../../../src/hub/campaigns';

const asOf = new Date('2026-06-01T00:00:00Z');
/** Done, planned and dropped activities of a stage. */
type Counts = [done: number, planned: number, dropped?: number];
const activities = (done: number, planned: number, dropped = 0): ActivityData[] => [
	...Array.from({ length: done }, () => ({ title: 'Done', date: new Date('2026-03-01T00:00:00Z'), status: 'done' as const })),
	...Array.from({ length: planned }, () => ({ title: 'Planned', date: new Date('2026-09-01T00:00:00Z'), status: 'planned' as const })),
	...Array.from({ length: dropped }, () => ({ title: 'Dropped', date: new Date('2026-03-01T00:00:00Z'), status: 'dropped' as const })),
];
const progress = (counts: Record<StageId, Counts>) =>
	progressAsOf(
		{ stages: STAGE_IDS.map((stage) => ({ stage, goal: `The ${stage} goal.`, activities: activities(...counts[stage]) })) },
		asOf,
	);

/** The component as a page would render it, parsed. */
async function render(counts: Record<StageId, Counts>): Promise<HTMLElement> {
	const container = await AstroContainer.create();
	return parse(await container.renderToString(Hourglass, { props: { progress: progress(counts), title: 'New CRM for sales' } }));
}

const words = (element: HTMLElement | null) => element?.textContent.replace(/\s+/g, ' ').trim();

describe('Hourglass', () => {
	const atTry = render({ know: [2, 0], like: [1, 0], trust: [3, 0], try: [3, 2], buy: [0, 4], repeat: [0, 2], refer: [0, 3] });

	it('is one image named after the campaign, described in words', async () => {
		const html = await atTry;
		const svgs = html.querySelectorAll('svg');
		expect(svgs).toHaveLength(1);
		expect(svgs[0]!.getAttribute('role')).toBe('img');
		expect(words(svgs[0]!.querySelector('title'))).toBe('The hourglass of New CRM for sales');
		expect(words(svgs[0]!.querySelector('desc'))).toMatch(/^Stage 4 of 7: Try, under way, 3 of 5 done\. Know: done, 2 of 2 done\./);
	});

	it('draws each band by its state, and points at the current one', async () => {
		const html = await atTry;
		const bands = html.querySelectorAll('svg g.band');
		expect(bands.map((band) => band.getAttribute('data-stage'))).toEqual([...STAGE_IDS]);
		const shapes = bands.map((band) => ({
			solid: band.querySelector('.solid') !== null,
			check: band.querySelector('.check') !== null,
			hatched: band.querySelector('.hatch') !== null,
			current: band.classList.contains('current'),
		}));
		const done = { solid: true, check: true, hatched: false, current: false };
		const notStarted = { solid: false, check: false, hatched: false, current: false };
		expect(shapes).toEqual([
			done,
			done,
			done,
			{ solid: false, check: false, hatched: true, current: true },
			notStarted,
			notStarted,
			notStarted,
		]);
		expect(words(bands[3]!.querySelector('.name'))).toBe('Try — You are here');
		expect(words(bands[3]!.querySelector('.state'))).toBe('under way, 3 of 5 done');
		expect(html.querySelectorAll('svg .marker polygon')).toHaveLength(1);
		// The legend names only the shapes a campaign can show without a skipped stage.
		expect(words(html.querySelector('figcaption'))).not.toContain('skipped');
	});

	it('repeats the drawing as a table: stage, goal, state and activities done, the current stage marked', async () => {
		const rows = (await atTry).querySelectorAll('tbody tr').map((row) => [...row.querySelectorAll('th, td')].map(words));
		expect(rows).toEqual([
			['Know', 'The know goal.', '✓ Done', '2 of 2'],
			['Like', 'The like goal.', '✓ Done', '1 of 1'],
			['Trust', 'The trust goal.', '✓ Done', '3 of 3'],
			['Try You are here', 'The try goal.', '◐ Under way', '3 of 5'],
			['Buy', 'The buy goal.', '○ Not started', '0 of 4'],
			['Repeat', 'The repeat goal.', '○ Not started', '0 of 2'],
			['Refer', 'The refer goal.', '○ Not started', '0 of 3'],
		]);
		expect((await atTry).querySelectorAll('tr[aria-current="step"]').map((row) => words(row.querySelector('th')))).toEqual([
			'Try You are here',
		]);
	});

	it('shows a skipped stage as skipped in the drawing, its text and the table, and the stage after it as current', async () => {
		const html = await render({ know: [1, 0], like: [0, 0, 1], trust: [1, 0], try: [1, 1], buy: [0, 1], repeat: [0, 1], refer: [0, 1] });
		const like = html.querySelector('svg g.band[data-stage="like"]')!;
		expect(like.classList.contains('skipped')).toBe(true);
		expect(like.querySelector('.strike')).not.toBeNull();
		expect(words(like.querySelector('.state'))).toBe('skipped, 1 dropped');
		expect(words(html.querySelector('desc'))).toMatch(
			/^Stage 4 of 7: Try, under way, 1 of 2 done\. Know: done, 1 of 1 done\. Like: skipped, 1 dropped\./,
		);
		const rows = html.querySelectorAll('tbody tr').map((row) => [...row.querySelectorAll('th, td')].map(words));
		expect(rows[1]).toEqual(['Like', 'The like goal.', '⊘ Skipped', '1 dropped']);
		expect(rows[3]![0]).toBe('Try You are here');
		expect(words(html.querySelector('figcaption'))).toContain('Dotted outline struck through: skipped.');
	});

	it('has no inline style or script, which the site’s content security policy would block', async () => {
		const html = await atTry;
		expect(html.querySelectorAll('[style]')).toEqual([]);
		expect(html.querySelectorAll('script')).toEqual([]);
	});

	it('marks no stage once all seven are done', async () => {
		const html = await render({ know: [1, 0], like: [1, 0], trust: [1, 0], try: [1, 0], buy: [1, 0], repeat: [1, 0], refer: [1, 0] });
		expect(words(html.querySelector('desc'))).toMatch(/^All 7 stages done\./);
		expect(html.querySelectorAll('svg .solid')).toHaveLength(7);
		expect(html.querySelectorAll('.marker, .current, [aria-current]')).toEqual([]);
		expect(html.textContent).not.toContain('You are here');
	});
});
