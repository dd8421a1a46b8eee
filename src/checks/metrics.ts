/**
 * What makes metrics valid across files: the critical few each segment's focus group chose, and
 * the metrics that writing cites in its body.
 */
import { ordinal } from '../content/format';
import { oneOf, phrase, quote, type Problem } from '../content/problems';
import type { MetricCitation } from '../content/render/render-mdx';
import type { ReferenceCheck } from './references';

/** The part of a metric entry the critical check reads. */
export interface CriticalMarks {
	id: string;
	filePath?: string | undefined;
	data: {
		segments: readonly { id: string }[];
		/** Rank per segment, from the `critical` field. */
		critical: Readonly<Record<string, number>>;
	};
}

/**
 * A focus group picks a few measures that matter to its segment, ranked; more than `limit` and
 * the point of picking is lost. Every metric file is checked, drafts included, so a writer
 * learns of a clash when the file is written rather than on the day it goes live.
 */
export function criticalProblems(metrics: readonly CriticalMarks[], segmentIds: readonly string[], limit: number): Problem[] {
	const problems: Problem[] = [];
	const bySegment = new Map<string, { metric: { id: string; file: string }; rank: number }[]>();
	for (const entry of metrics) {
		const metric = { id: entry.id, file: entry.filePath ?? `metrics/${entry.id}` };
		const addressed = entry.data.segments.map((ref) => ref.id);
		for (const [segment, rank] of Object.entries(entry.data.critical)) {
			const field = `critical.${segment}`;
			if (!segmentIds.includes(segment)) {
				problems.push({ file: metric.file, field, expected: oneOf(phrase('noun.segments'), segmentIds), found: quote(segment) });
				continue;
			}
			if (!addressed.includes(segment)) {
				problems.push({
					file: metric.file,
					field,
					expected: phrase('problem.metric.alsoInSegments', { segment }),
					found: quote(addressed),
				});
			}
			bySegment.set(segment, [...(bySegment.get(segment) ?? []), { metric, rank }]);
		}
	}
	for (const [segment, marks] of bySegment) {
		const field = `critical.${segment}`;
		const ranked = marks.sort((a, b) => a.rank - b.rank || a.metric.id.localeCompare(b.metric.id));
		const chosen = ranked.slice(0, limit).map((m) => m.metric.id);
		ranked.slice(limit).forEach(({ metric, rank }, i) => {
			problems.push({
				file: metric.file,
				field,
				expected: phrase('problem.metric.criticalLimit', { limit: String(limit), segment, chosen: chosen.join(', ') }),
				found: phrase('problem.metric.extra', { place: ordinal(limit + i + 1), rank: String(rank) }),
			});
		});
		const seen = new Map<number, string>();
		for (const { metric, rank } of ranked.slice(0, limit)) {
			const first = seen.get(rank);
			if (first !== undefined) {
				problems.push({
					file: metric.file,
					field,
					expected: phrase('problem.metric.rankOnce', { segment, first, rank: String(rank) }),
					found: String(rank),
				});
			} else if (rank > limit) {
				problems.push({ file: metric.file, field, expected: phrase('problem.metric.rank', { limit: String(limit) }), found: String(rank) });
			}
			seen.set(rank, seen.get(rank) ?? metric.file);
		}
	}
	return problems;
}

/** A metric component in an entry's body, with the entry that holds it. */
export interface MetricUsage extends MetricCitation {
	/** The citing entry's collection and id. */
	collection: string;
	entryId: string;
	/** Path of the citing file, for messages. */
	file: string;
}

/**
 * A cited metric must exist (else the page would have nothing to show) and, when the citing
 * entry is published, be published too, the same rule as frontmatter references.
 */
export function metricUsageProblems(usages: readonly MetricUsage[], check: ReferenceCheck): Problem[] {
	const known = check.ids('metrics');
	const metric = phrase('noun.metrics');
	return usages.flatMap((usage): Problem[] => {
		const where = { file: usage.file, line: usage.line, column: usage.column, field: `<${usage.component}> id` };
		if (usage.id === undefined)
			return [
				{
					...where,
					expected: phrase('problem.metric.plainId', { existing: oneOf(metric, known) }),
					found: phrase('problem.metric.noPlainId'),
				},
			];
		if (!known.includes(usage.id)) return [{ ...where, expected: oneOf(metric, known), found: quote(usage.id) }];
		if (check.isPublic({ collection: usage.collection, id: usage.entryId }) && !check.isPublic({ collection: 'metrics', id: usage.id })) {
			return [
				{
					...where,
					expected: phrase('problem.published', { what: metric }),
					found: phrase('problem.unpublished', { id: quote(usage.id) }),
				},
			];
		}
		return [];
	});
}
