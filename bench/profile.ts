/**
 * Reads the `.cpuprofile` files that `node --cpu-prof` wrote and sums self time by function and by
 * place (package, hub source folder, Node internals), to show where a build spends its CPU.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

interface CallFrame {
	functionName: string;
	url: string;
	lineNumber: number;
}
interface CpuProfile {
	nodes: { id: number; callFrame: CallFrame }[];
	samples: number[];
	timeDeltas: number[];
}

export interface ProfileRow {
	name: string;
	ms: number;
}

/** Where code lives: a package, a folder of the hub's own source, or the runtime. */
export function place(url: string, functionName = ''): string {
	if (!url) return functionName.startsWith('(') ? functionName : '(native)';
	if (url.startsWith('node:')) return 'node internals';
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	// Astro bundles the hub's pages and src/ into chunks of the build output; name the chunk.
	if (!pkg)
		return (
			/\/src\/[^?]+/.exec(url)?.[0].replace(/^.*\/src\//, 'src/') ?? `build chunk ${path.basename(url).replace(/[_.-][\w-]{8}\.mjs$/, '')}`
		);
	return pkg[1]!;
}

const rows = (totals: Map<string, number>): ProfileRow[] =>
	[...totals].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);

export async function summariseProfile(dir: string): Promise<{ byPlace: ProfileRow[]; byFunction: ProfileRow[] }> {
	const byPlace = new Map<string, number>();
	const byFunction = new Map<string, number>();
	for (const file of (await fs.readdir(dir)).filter((name) => name.endsWith('.cpuprofile'))) {
		const profile = JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as CpuProfile;
		const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
		profile.samples.forEach((id, i) => {
			const frame = frames.get(id)!;
			const us = profile.timeDeltas[i] ?? 0;
			const where = place(frame.url, frame.functionName);
			const fn = `${frame.functionName || '(anonymous)'} ${where}${frame.url ? `:${path.basename(frame.url)}:${frame.lineNumber + 1}` : ''}`;
			byPlace.set(where, (byPlace.get(where) ?? 0) + us);
			byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
		});
	}
	return { byPlace: rows(byPlace), byFunction: rows(byFunction) };
}
