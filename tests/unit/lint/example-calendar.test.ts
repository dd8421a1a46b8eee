/**
 * The example hub is published by a daily schedule (deploy/ci/), so as written it must pass the
 * build's checks on every day to come, not only on the day the tests pin: an entry that names
 * writing dated ahead of it refuses the build until that writing goes live, and the schedule
 * publishes nothing meanwhile. (Days before the pinned one are not checked: the content as it
 * stands was not all written then.)
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLISH, formatProblem } from '../../../src/content/problems';
import { readHub } from '../../../src/tools/lint/entry';
import { checkSchemas } from '../../../src/tools/lint/schema';
import { EXAMPLE_NOW } from '../../helpers/example-hub';
import { ROOT } from '../../helpers/build-hub';

const DAY = 86_400_000;

describe('the example hub', () => {
	it('passes the checks on every day of the two quarters after the pinned day, as the daily schedule builds it', async () => {
		const hub = readHub(path.join(ROOT, 'content'), ROOT);
		const pinned = new Date(`${EXAMPLE_NOW}T06:00:00Z`).getTime();
		const refused: string[] = [];
		for (let day = pinned; day <= pinned + 182 * DAY; day += DAY) {
			const { problems } = await checkSchemas(hub, new Date(day));
			const errors = problems.filter((p) => p.severity === 'error');
			if (errors.length > 0) refused.push(`${new Date(day).toISOString().slice(0, 10)}: ${formatProblem(errors[0]!.problem, ENGLISH)}`);
		}
		expect(refused).toEqual([]);
	});
});
