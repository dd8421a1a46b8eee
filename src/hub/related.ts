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
 * first, newer first on a tie, then in the candidates' order; entries that share nothing are not
 * related.
 *
 * Every paper page asks this of every other paper: comparing each pair made it the build's hot
 * spot at 10,000 papers (20 s). So the candidates are indexed once, by topic and by segment, and
 * a question adds up scores only along the entry's own topics and segments, keeping the best
 * `limit` as it goes.
 */
export function relatedAmong<T extends Relatable>(candidates: readonly T[]) {
	const postings = new Map<string, number[]>();
	const post = (key: string, at: number) => {
		const list = postings.get(key);
		if (list) list.push(at);
		else postings.set(key, [at]);
	};
	candidates.forEach((other, at) => {
		for (const id of other.topics) post(`topic ${id}`, at);
		for (const id of other.segments) post(`segment ${id}`, at);
	});
	const times = Float64Array.from(candidates, (other) => other.date.getTime());
	const scores = new Uint16Array(candidates.length);

	return (entry: Relatable, limit = 3, exclude?: ReadonlySet<string>): T[] => {
		const touched: number[] = [];
		const add = (key: string, weight: number) => {
			for (const at of postings.get(key) ?? []) {
				if (scores[at] === 0) touched.push(at);
				scores[at] = scores[at]! + weight;
			}
		};
		for (const id of new Set(entry.topics)) add(`topic ${id}`, WEIGHT.topic);
		for (const id of new Set(entry.segments)) add(`segment ${id}`, WEIGHT.segment);

		const best: number[] = [];
		const beats = (a: number, b: number) =>
			scores[a]! > scores[b]! || (scores[a] === scores[b] && (times[a]! > times[b]! || (times[a] === times[b] && a < b)));
		for (const at of touched) {
			const other = candidates[at]!;
			if (other.id === entry.id || exclude?.has(other.id)) continue;
			if (best.length === limit && !beats(at, best[limit - 1]!)) continue;
			let place = best.length;
			while (place > 0 && beats(at, best[place - 1]!)) place--;
			best.splice(place, 0, at);
			if (best.length > limit) best.pop();
		}
		const found = best.map((at) => candidates[at]!);
		for (const at of touched) scores[at] = 0;
		return found;
	};
}

/** `relatedAmong(candidates)` asked once. */
export const related = <T extends Relatable>(entry: Relatable, candidates: readonly T[], limit = 3): T[] =>
	relatedAmong(candidates)(entry, limit);
