import type { Fix } from './types.ts';

/** Applies fixes that do not overlap (the first one wins), from the end so offsets stay valid. */
export function applyFixes(source: string, fixes: readonly Fix[]): { output: string; applied: number } {
	const chosen: Fix[] = [];
	for (const fix of [...fixes].sort((a, b) => a.range[0] - b.range[0])) {
		const last = chosen.at(-1);
		if (!last || fix.range[0] >= last.range[1]) chosen.push(fix);
	}
	let output = source;
	for (const fix of chosen.reverse()) output = output.slice(0, fix.range[0]) + fix.text + output.slice(fix.range[1]);
	return { output, applied: chosen.length };
}
