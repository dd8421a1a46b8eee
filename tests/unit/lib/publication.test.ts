import { describe, expect, it } from 'vitest';
import { buildTime, hasPage, isListed, visibility } from '../../../src/content/publication';

const now = new Date('2026-06-15T12:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('visibility', () => {
	it('is live once the published date has come', () => {
		expect(visibility({ draft: false, published: day('2026-06-15') }, now)).toBe('live');
		expect(visibility({ draft: false, published: day('2025-01-01') }, now)).toBe('live');
	});

	it('is scheduled while the published date is after the build', () => {
		expect(visibility({ draft: false, published: day('2026-06-16') }, now)).toBe('scheduled');
	});

	it('is a draft whatever the date says', () => {
		expect(visibility({ draft: true, published: day('2020-01-01') }, now)).toBe('draft');
	});

	it('archives an entry after its expiry date, but not on it', () => {
		expect(visibility({ draft: false, published: day('2026-01-01'), expires: day('2026-06-01') }, now)).toBe('archived');
		expect(visibility({ draft: false, published: day('2026-01-01'), expires: day('2026-07-01') }, now)).toBe('live');
	});
});

describe('what each status reaches', () => {
	it('gives pages to live and archived entries only, except in the preview', () => {
		expect(['draft', 'scheduled', 'live', 'archived'].filter((s) => hasPage(s as never, false))).toEqual(['live', 'archived']);
		expect(['draft', 'scheduled', 'live', 'archived'].every((s) => hasPage(s as never, true))).toBe(true);
	});

	it('lists only live entries in a production build', () => {
		expect(['draft', 'scheduled', 'live', 'archived'].filter((s) => isListed(s as never, false))).toEqual(['live']);
		expect(isListed('archived', true)).toBe(false);
	});
});

describe('buildTime', () => {
	it('is pinned by HOURGLASS_NOW', () => {
		expect(buildTime({ HOURGLASS_NOW: '2026-03-01' }).toISOString()).toBe('2026-03-01T00:00:00.000Z');
	});

	it('rejects a date it cannot read, naming the variable', () => {
		expect(() => buildTime({ HOURGLASS_NOW: 'next tuesday' })).toThrow(/HOURGLASS_NOW/);
	});
});
