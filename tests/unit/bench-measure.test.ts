import { describe, expect, it } from 'vitest';
import { pageCpuMs, phases, routeStats, routeTimeMs } from '../../bench/measure';

const log = (entries: [number, string][]) => entries.map(([at, text]) => ({ at, text }));

describe("the benchmark's reading of a build log", () => {
	const run = {
		wallMs: 9_000,
		samples: [],
		lines: log([
			[1_000, '05:00:01 [content] Synced content'],
			[1_500, '05:00:01 [build] Building static entrypoints...'],
			[2_500, '05:00:02 [build] generating static routes'],
			[2_600, '05:00:02   ├─ /papers/a/index.html (+12ms)'],
			[2_700, '05:00:02   ├─ /papers/a/email.html (+3.5s)'],
			[2_800, '05:00:02   ├─ /newsletter/1/email.html (+1m 2s)'],
			[2_850, '05:00:02   ├─ /papers/b/index.html (restored)'],
			[2_900, '05:00:02   └─ /feeds/all.xml (+40ms)'],
			[3_000, '05:00:03 ✓ Completed in 500ms.'],
			[7_000, '05:00:07 [hourglass:search] read 2 pages'],
		]),
	};

	it('sums route times by kind, minutes included, and splits out the set-up and each integration', () => {
		const byName = Object.fromEntries(phases(run).map((phase) => [phase.name.trim(), phase.ms]));
		expect(byName).toMatchObject({
			'content sync': 1_000,
			'bundling (Vite, MDX compile)': 1_000,
			'set-up before the first route (getStaticPaths, loadHub)': 100,
			'pages (sum of per-route times: 1 rendered, 1 copied)': 12,
			'emails (sum of per-route times: 2 rendered, 0 copied)': 65_500,
			'feeds (sum of per-route times: 1 rendered, 0 copied)': 40,
			'after rendering: [hourglass:search]': 4_000,
		});
	});

	it('counts pages and emails, not feeds, as the rendering a rebuild could skip', () => {
		expect(routeTimeMs(phases(run))).toBe(65_512);
	});

	it('tells the routes Astro rendered from those it copied from the last build, with the emails beside each entry as emails', () => {
		expect(Object.fromEntries(routeStats(run))).toEqual({
			pages: { rendered: 1, ms: 12, restored: 1 },
			emails: { rendered: 2, ms: 65_500, restored: 0 },
			feeds: { rendered: 1, ms: 40, restored: 0 },
		});
	});

	it('shares the CPU time used while rendering among the kinds of route by their times, per page', () => {
		const samples = [
			{ at: 2_400, rssBytes: 0, cpuMs: 5_000 },
			{ at: 3_000, rssBytes: 0, cpuMs: 8_000 },
		];
		// 3,000 ms of CPU over routes timed 65,552 ms in all, of which one page took 12 ms.
		expect(pageCpuMs({ lines: run.lines, samples })).toBeCloseTo((3_000 * 12) / 65_552, 6);
		expect(pageCpuMs({ lines: run.lines, samples: [] })).toBeNaN();
	});

	it('ends the set-up at the first route, copied or rendered, and gives the rest of rendering to copying', () => {
		const rebuild = {
			wallMs: 5_000,
			samples: [],
			lines: log([
				[1_000, '05:00:01 [build] generating static routes'],
				[1_300, '05:00:01   ├─ /authors/a/index.html (restored)'],
				[1_900, '05:00:02   ├─ /papers/a/index.html (+100ms)'],
				[2_000, '05:00:02   └─ /papers/b/index.html (restored)'],
				[2_500, '05:00:02 ✓ Completed in 1.5s.'],
			]),
		};
		const byName = Object.fromEntries(phases(rebuild).map((phase) => [phase.name.trim(), phase.ms]));
		expect(byName).toMatchObject({
			'set-up before the first route (getStaticPaths, loadHub)': 300,
			'pages (sum of per-route times: 1 rendered, 2 copied)': 100,
			'copying 2 routes from the last build (the rest)': 1_100,
		});
	});
});
