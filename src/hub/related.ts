export interface Relatable {
	id: string;
	segments: readonly string[];
	topics: readonly string[];
	date: Date;
}

const shared = (a: readonly string[], b: readonly string[]) => {
	let count = 0;
	for (const value of a) if (b.includes(value)) count++;
	return count;
};

/**
 * Entries that share the most topics (worth two) and segments (worth one) with `entry`, best
 * first, newer first on a tie; entries that share nothing are not related.
 *
 * Every paper page asks this of every other paper, so it keeps only the best `limit` in one pass
 * instead of sorting all candidates: with 10,000 papers the sort made it the build's hot spot.
 */
export function related<T extends Relatable>(entry: Relatable, candidates: readonly T[], limit = 3): T[] {
	const best: { other: T; score: number; time: number }[] = [];
	for (const other of candidates) {
		if (other.id === entry.id) continue;
		const score = 2 * shared(other.topics, entry.topics) + shared(other.segments, entry.segments);
		if (score === 0) continue;
		const time = other.date.getTime();
		// Earlier candidates win ties, as a stable sort would keep them.
		let at = best.length;
		while (at > 0 && (score > best[at - 1]!.score || (score === best[at - 1]!.score && time > best[at - 1]!.time))) at--;
		if (at >= limit) continue;
		best.splice(at, 0, { other, score, time });
		if (best.length > limit) best.pop();
	}
	return best.map(({ other }) => other);
}
