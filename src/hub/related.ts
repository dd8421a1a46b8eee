export interface Relatable {
	id: string;
	segments: readonly string[];
	topics: readonly string[];
	date: Date;
}

/** A topic shared is worth two, a segment one. */
const WEIGHT = { topic: 2, segment: 1 } as const;

/**
 * Entries that share the most topics (worth two) and segments (worth one) with an entry, best
 * first, newer first on a tie; entries that share nothing are not related.
 *
 * Every paper page asks this of every other paper, so the candidates' topics and segments are
 * numbered once and each question is a sum of small integers per candidate, keeping the best
 * `limit` in one pass instead of sorting: at 10,000 papers comparing id lists made this the
 * build's hot spot.
 */
export function relatedAmong<T extends Relatable>(candidates: readonly T[]) {
	const codes = new Map<string, number>();
	const code = (key: string) => codes.get(key) ?? codes.set(key, codes.size).size - 1;
	const coded = candidates.map((other) => ({
		other,
		time: other.date.getTime(),
		tags: Int32Array.from([...other.topics.map((id) => code(`topic ${id}`)), ...other.segments.map((id) => code(`segment ${id}`))]),
	}));
	return (entry: Relatable, limit = 3, exclude?: ReadonlySet<string>): T[] => {
		const weights = new Uint8Array(codes.size);
		for (const id of entry.topics) {
			const at = codes.get(`topic ${id}`);
			if (at !== undefined) weights[at] = WEIGHT.topic;
		}
		for (const id of entry.segments) {
			const at = codes.get(`segment ${id}`);
			if (at !== undefined) weights[at] = WEIGHT.segment;
		}
		const best: (typeof coded)[number][] = [];
		const scores: number[] = [];
		for (const candidate of coded) {
			if (candidate.other.id === entry.id || exclude?.has(candidate.other.id)) continue;
			let score = 0;
			for (const tag of candidate.tags) score += weights[tag]!;
			if (score === 0) continue;
			// Earlier candidates win ties, as a stable sort would keep them.
			let at = best.length;
			while (at > 0 && (score > scores[at - 1]! || (score === scores[at - 1]! && candidate.time > best[at - 1]!.time))) at--;
			if (at >= limit) continue;
			best.splice(at, 0, candidate);
			scores.splice(at, 0, score);
			if (best.length > limit) {
				best.pop();
				scores.pop();
			}
		}
		return best.map(({ other }) => other);
	};
}

/** `relatedAmong(candidates)` asked once. */
export const related = <T extends Relatable>(entry: Relatable, candidates: readonly T[], limit = 3): T[] =>
	relatedAmong(candidates)(entry, limit);
