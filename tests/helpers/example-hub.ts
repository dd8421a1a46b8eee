/**
 * The day the example hub in `content/` is built as of (`HOURGLASS_NOW`), so that tests reading
 * its build says the same on any day the suite runs. 1 December 2026 is the first build after the
 * example's newest writing, so every dated section has something to show: in the 30 days before
 * it come issue 2 (16 November, the lead), the offline-tills paper (12 November, in that issue), the
 * CRM beta paper (24 November, "this month") and the CRM campaign reaching Try (10 November, "moved
 * on"); the campaign's planned activities (from January 2027) are still ahead; the Windows 10 paper
 * (review by 31 March 2026) is archived and the retail AI paper (2099) scheduled. tests/README.md
 * says the same.
 */
export const EXAMPLE_NOW = '2026-12-01';

/** The example hub's two shared builds (see tests/global-setup.ts): at `/`, and under `/it/`. */
export const EXAMPLE_BUILDS = {
	root: { now: EXAMPLE_NOW },
	it: { base: '/it/', site: 'https://intranet.example', now: EXAMPLE_NOW },
} as const;
