/**
 * A segment's list size over time, for the editors' chart: list growth is the hub's own measure
 * of success. Pure: the contacts come in as an argument.
 */
import type { Contact } from '../checks/contacts';

export interface GrowthPoint {
	date: Date;
	/** Followers from this day on. */
	value: number;
}

/**
 * A segment's list size after each day someone joined or left, oldest first, ending at `until`
 * so the chart reaches today. Empty when nobody has ever followed the segment.
 */
export function listGrowth(contacts: readonly Contact[], segment: string, until: Date): GrowthPoint[] {
	const changes = new Map<number, number>();
	const add = (date: Date, delta: number) => changes.set(date.getTime(), (changes.get(date.getTime()) ?? 0) + delta);
	for (const contact of contacts.filter((c) => c.segments.includes(segment))) {
		add(contact.joined, 1);
		if (contact.left) add(contact.left, -1);
	}
	let value = 0;
	const points = [...changes.entries()]
		.sort(([a], [b]) => a - b)
		.map(([time, delta]) => ({ date: new Date(time), value: (value += delta) }));
	const last = points.at(-1);
	if (last && last.date.getTime() < until.getTime()) points.push({ date: until, value: last.value });
	return points;
}
