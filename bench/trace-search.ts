/**
 * `node bench/trace-search.ts <dist> [query]`: where one search's time goes. Opens the built search
 * page in Chromium, types the query, presses Enter, and records a Chrome performance trace until
 * the facet counts are in. Prints each task of the page's and its workers' threads from Enter on,
 * with the requests they made, then the CPU samples per function between Enter and the first
 * result painted. The trace itself lands in `bench/.tmp/search-trace.json` (open it in Chrome's
 * Performance panel). Tracing slows the page: read the split, not the total.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from '../tests/helpers/browser.ts';

interface TraceEvent {
	name: string;
	cat: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	id?: string;
	args?: { name?: string; data?: Record<string, unknown> };
}
interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string };
}
interface ProfileChunk {
	cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
	timeDeltas?: number[];
}

/** Tasks shorter than this are left out of the listing, except requests. */
const SHORTEST_MS = 1;
const LISTED = new Set([
	'EventDispatch',
	'HandlePostMessage',
	'TimerFire',
	'Layout',
	'Paint',
	'MinorGC',
	'MajorGC',
	'ResourceSendRequest',
	'ResourceFinish',
]);

const [dist, query = 'spreadsheets'] = process.argv.slice(2);
if (!dist) throw new Error('usage: node bench/trace-search.ts <dist> [query]');
const out = path.join(import.meta.dirname, '.tmp/search-trace.json');
await fs.mkdir(path.dirname(out), { recursive: true });

const server = fork(new URL('serve-process.ts', import.meta.url), [dist]);
const [{ url }] = (await once(server, 'message')) as [{ url: string }];
const browser = await launchBrowser();
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await page.goto(`${url}search/`, { waitUntil: 'networkidle' });
	await page.locator('section[aria-busy="false"]').waitFor();
	await browser.startTracing(page, {
		path: out,
		categories: [
			'devtools.timeline',
			'disabled-by-default-devtools.timeline',
			'blink.user_timing',
			'loading',
			'disabled-by-default-v8.cpu_profiler',
		],
	});
	await page.evaluate(async (q) => {
		const form = document.querySelector<HTMLFormElement>('main form[data-search]')!;
		const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
		const list = document.querySelector<HTMLElement>('[data-results]')!;
		for (let i = 1; i <= q.length; i++) {
			await new Promise((resolve) => setTimeout(resolve, 60));
			input.value = q.slice(0, i);
			input.dispatchEvent(new Event('input', { bubbles: true }));
		}
		const painted = new Promise<void>((resolve) => {
			const observer = new MutationObserver(() => {
				if (list.dataset.query !== q || !list.querySelector('li')) return;
				observer.disconnect();
				requestAnimationFrame(() =>
					setTimeout(() => {
						performance.mark('painted');
						resolve();
					}),
				);
			});
			observer.observe(list, { childList: true, attributes: true });
		});
		performance.mark('enter');
		form.requestSubmit();
		await painted;
	}, query);
	await page.locator(`section[aria-busy="false"] [data-results][data-query="${query}"]`).waitFor();
	await page.waitForLoadState('networkidle');
	await browser.stopTracing();
} finally {
	await browser.close();
	server.disconnect();
}

const { traceEvents: events } = JSON.parse(await fs.readFile(out, 'utf8')) as { traceEvents: TraceEvent[] };
const mark = (name: string) => events.find((event) => event.name === name && event.cat.includes('user_timing'))?.ts ?? 0;
const enter = mark('enter');
const painted = mark('painted');
const threads = new Map(
	events.filter((event) => event.name === 'thread_name').map((event) => [`${event.pid}:${event.tid}`, event.args?.name ?? '']),
);
const threadOf = (event: TraceEvent) => threads.get(`${event.pid}:${event.tid}`) ?? String(event.tid);
const ms = (us: number) => (us / 1000).toFixed(1).padStart(7);

console.log(`"${query}": Enter to first result painted ${ms(painted - enter)} ms, with tracing on`);
for (const event of events) {
	if (event.ts < enter || !LISTED.has(event.name)) continue;
	if (!event.name.startsWith('Resource') && (event.dur ?? 0) < SHORTEST_MS * 1000) continue;
	const data = event.args?.data ?? {};
	const what = typeof data.url === 'string' ? new URL(data.url).pathname : typeof data.type === 'string' ? data.type : '';
	console.log(
		`${ms(event.ts - enter)} ${event.dur ? `${ms(event.dur)} ms` : '           '}  ${threadOf(event).padEnd(24)} ${event.name} ${what}`,
	);
}

// CPU samples: each Profile's chunks carry nodes and samples with time deltas from its start.
console.log('\nCPU samples between Enter and the paint, by thread and function:');
const profiles = new Map<string, { thread: string; at: number; nodes: Map<number, ProfileNode>; self: Map<string, number> }>();
for (const event of events) {
	const key = `${event.pid}:${event.id ?? ''}`;
	if (event.name === 'Profile') {
		const startTime = event.args?.data?.startTime;
		profiles.set(key, { thread: threadOf(event), at: typeof startTime === 'number' ? startTime : 0, nodes: new Map(), self: new Map() });
	}
	const profile = profiles.get(key);
	if (event.name !== 'ProfileChunk' || !profile) continue;
	const chunk = event.args?.data as ProfileChunk;
	for (const node of chunk.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
	(chunk.cpuProfile?.samples ?? []).forEach((id, i) => {
		const delta = chunk.timeDeltas?.[i] ?? 0;
		profile.at += delta;
		if (profile.at < enter || profile.at > painted) return;
		const frame = profile.nodes.get(id)?.callFrame;
		const fn = frame?.functionName ?? '';
		const name = `${fn === '' ? '(anonymous)' : fn} ${path.basename(frame?.url ?? '')}`;
		profile.self.set(name, (profile.self.get(name) ?? 0) + delta);
	});
}
for (const { thread, self } of profiles.values()) {
	const rows = [...self].sort((a, b) => b[1] - a[1]);
	if (rows.length === 0) continue;
	console.log(`  ${thread}`);
	for (const [name, us] of rows.slice(0, 12)) console.log(`  ${ms(us)} ms  ${name}`);
}
