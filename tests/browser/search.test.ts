import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { serveDist, type StaticServer } from '../helpers/serve';

/** What a reader sees of one result. */
interface Result {
	href: string;
	type: string;
	title: string;
	date: string;
	segments: string[];
	marked: string[];
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

describe.each([
	{ name: 'at /', base: '/', dist: () => inject('exampleDist') },
	{ name: 'under --base /it/', base: '/it/', dist: () => inject('exampleItDist') },
])('search in Chromium, hub built $name', ({ base, dist }) => {
	let server: StaticServer;
	let page: Page;
	let requests: string[];

	beforeAll(async () => {
		server = await serveDist(dist(), base);
	});
	afterAll(async () => {
		await server.close();
	});
	beforeEach(async () => {
		page = await browser.newPage();
		requests = [];
		page.on('request', (request) => requests.push(request.url()));
	});
	afterEach(async () => {
		await page.close();
		// Intranet rule: nothing may be fetched from anywhere but the hub's own origin.
		const elsewhere = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== server.origin);
		expect(elsewhere).toEqual([]);
	});

	/** Waits until the search the page is running (if any) has shown its results. */
	const settled = () => page.locator('section[aria-busy="false"]').waitFor();

	async function openSearch(params = ''): Promise<void> {
		await page.goto(`${server.url}search/${params}`);
		await settled();
	}

	const status = async () => (await page.locator('[role="status"]').textContent())?.trim() ?? '';

	const results = (): Promise<Result[]> =>
		page.locator('[data-results] > li').evaluateAll((items) =>
			items.map((item) => {
				const details = item.querySelector('.details')?.textContent ?? '';
				return {
					href: item.querySelector('h3 a')?.getAttribute('href') ?? '',
					type: item.querySelector('.kind')?.textContent ?? '',
					title: item.querySelector('h3')?.textContent ?? '',
					date: item.querySelector('time')?.getAttribute('datetime') ?? '',
					segments: details.split(' · For ')[1]?.split(', ') ?? [],
					marked: [...item.querySelectorAll('.excerpt mark')].map((mark) => mark.textContent),
				};
			}),
		);

	const segmentBox = (name: string) =>
		page.getByRole('group', { name: 'Segment' }).getByRole('checkbox', { name: new RegExp(`^${name}\\b`) });

	it('finds the one paper that mentions a word, opened from a shared link, with type, segments, date and the match marked', async () => {
		await openSearch('?q=Ptarmigan');
		expect(await results()).toEqual([
			{
				href: `${base}papers/stock-visibility-ptarmigan/`,
				type: 'Position paper',
				title: 'One view of stock across stores, web shop and warehouse',
				date: '2026-09-08',
				segments: ['Executives', 'Divisional Managers', 'Superusers'],
				marked: ['Ptarmigan'],
			},
		]);
		expect(await status()).toBe('1 result for “Ptarmigan”.');
		expect(await page.getByRole('searchbox', { name: /^Search papers/ }).inputValue()).toBe('Ptarmigan');
		// The recorder sees the search's own traffic, so an empty list of foreign requests means something.
		expect(requests).toContain(`${server.url}pagefind/pagefind.js`);
		expect(requests.some((url) => url.startsWith(`${server.url}pagefind/fragment/`))).toBe(true);
	});

	it('searches from the header box of any page even without JavaScript, and keeps each new query in the history', async () => {
		const noScript = await browser.newContext({ javaScriptEnabled: false });
		try {
			const plain = await noScript.newPage();
			plain.on('request', (request) => requests.push(request.url()));
			await plain.goto(`${server.url}papers/`);
			await plain.getByRole('searchbox', { name: 'Search the hub' }).fill('ptarmigan');
			await plain.getByRole('searchbox', { name: 'Search the hub' }).press('Enter');
			await plain.waitForURL(`${server.url}search/?q=ptarmigan`);
			await expect.poll(() => plain.getByRole('status').textContent()).toMatch(/Search needs JavaScript/);
		} finally {
			await noScript.close();
		}

		await openSearch('?q=ptarmigan');
		expect((await results()).map((result) => result.href)).toEqual([`${base}papers/stock-visibility-ptarmigan/`]);
		const box = page.getByRole('searchbox', { name: /^Search papers/ });
		await box.fill('Marrowstone');
		await box.press('Enter');
		await settled();
		expect(new URL(page.url()).search).toBe('?q=Marrowstone');
		expect(await results()).toEqual([]);

		await page.goBack();
		await settled();
		expect(await box.inputValue()).toBe('ptarmigan');
		expect((await results()).map((result) => result.href)).toEqual([`${base}papers/stock-visibility-ptarmigan/`]);
	});

	it('shows entries for one ticked segment, and for either of two ticked segments', async () => {
		await openSearch('?q=customers');
		const all = await results();
		const finance = all.filter((result) => result.segments.includes('Finance'));
		const superusers = all.filter((result) => result.segments.includes('Superusers'));
		const either = all.filter((result) => result.segments.includes('Finance') || result.segments.includes('Superusers'));
		expect(finance.length).toBeGreaterThan(0);
		expect(either.length).toBeGreaterThan(finance.length);
		expect(either.length).toBeLessThan(all.length);
		// Each box counts what ticking it would show.
		await expect
			.poll(() => segmentBox('Finance').evaluate((box) => box.closest('label')?.textContent))
			.toMatch(new RegExp(`${finance.length}$`));

		// By keyboard, as a screen reader user would tick it.
		await segmentBox('Finance').focus();
		await page.keyboard.press('Space');
		await settled();
		expect(await results()).toEqual(finance);
		expect(new URL(page.url()).searchParams.getAll('segment')).toEqual(['Finance']);
		expect(await status()).toBe(`${finance.length} results for “customers” with the chosen filters.`);

		await segmentBox('Superusers').check();
		await settled();
		expect(new Set((await results()).map((result) => result.href))).toEqual(new Set(either.map((result) => result.href)));
		expect(new URL(page.url()).searchParams.getAll('segment')).toEqual(['Superusers', 'Finance']);
		expect(superusers.length).toBeLessThan(either.length);

		// Filters of different facets narrow each other: Superusers or Finance, and a case study.
		await page
			.getByRole('group', { name: 'Type' })
			.getByRole('checkbox', { name: /^Case study\b/ })
			.check();
		await settled();
		const studies = await results();
		expect(studies.length).toBeGreaterThan(0);
		expect(studies).toEqual(either.filter((result) => result.type === 'Case study'));
	});

	it('restores ticked facets from a shared link', async () => {
		await openSearch('?q=customers&segment=Superusers&segment=Finance');
		expect(await segmentBox('Finance').isChecked()).toBe(true);
		expect(await segmentBox('Superusers').isChecked()).toBe(true);
		expect(await segmentBox('Executives').isChecked()).toBe(false);
		const shown = await results();
		expect(shown.length).toBeGreaterThan(0);
		expect(shown.every((result) => result.segments.includes('Finance') || result.segments.includes('Superusers'))).toBe(true);
	});

	it('finds nothing from a draft or a paper dated in the future', async () => {
		for (const word of ['Marrowstone', 'Quillfeather']) {
			await openSearch(`?q=${word}`);
			expect(await results()).toEqual([]);
			expect(await status()).toBe(`No results for “${word}”.`);
		}
	});

	it('never offers the archived paper, even when every entry is listed', async () => {
		await openSearch('?q=Windows+10+support');
		expect((await results()).map((result) => result.href).filter((href) => href.includes('windows-10'))).toEqual([]);

		await openSearch('?type=Position+paper&type=Case+study&type=Metric&type=Newsletter');
		const everything = await results();
		const count = Number(/^(\d+) results/.exec(await status())?.[1]);
		expect(count).toBeGreaterThan(20);
		while (!(await page.getByRole('button', { name: 'Show more results' }).isHidden())) {
			await page.getByRole('button', { name: 'Show more results' }).click();
			await settled();
		}
		const all = await results();
		expect(all.length).toBe(count);
		expect(all.slice(0, everything.length)).toEqual(everything);
		expect(all.map((result) => result.href).filter((href) => href.includes('windows-10'))).toEqual([]);
		// Without words to rank by, the newest entries come first.
		const dates = all.map((result) => result.date);
		expect(dates).toEqual([...dates].sort().reverse());
	});
});
