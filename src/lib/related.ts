export interface Relatable {
	id: string;
	segments: readonly string[];
	topics: readonly string[];
	date: Date;
}

/**
 * Entries that share the most topics (worth two) and segments (worth one) with `entry`, best
 * first, newer first on a tie; entries that share nothing are not related.
 */
export function related<T extends Relatable>(entry: Relatable, candidates: readonly T[], limit = 3): T[] {
	const score = (other: Relatable) =>
		2 * other.topics.filter((t) => entry.topics.includes(t)).length +
		other.segments.filter((s) => entry.segments.includes(s)).length;
	return candidates
		.filter((other) => other.id !== entry.id)
		.map((other) => ({ other, score: score(other) }))
		.filter(({ score }) => score > 0)
		.sort((a, b) => b.score - a.score || b.other.date.getTime() - a.other.date.getTime())
		.slice(0, limit)
		.map(({ other }) => other);
}
