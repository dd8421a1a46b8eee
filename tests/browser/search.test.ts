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

	/** Every result, not only the first screenful: "Show more results" until there are no more. */
	async function allResults(): Promise<Result[]> {
		while (await page.getByRole('button', { name: 'Show more results' }).isVisible()) {
			await page.getByRole('button', { name: 'Show more results' }).click();
			await settled();
		}
		return results();
	}

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

	it('keeps each new query in the history, whether Enter came at once or after the page had searched by itself', async () => {
		await openSearch('?q=ptarmigan');
		expect((await results()).map((result) => result.href)).toEqual([`${base}papers/stock-visibility-ptarmigan/`]);
		const box = page.getByRole('searchbox', { name: /^Search papers/ });
		await box.fill('Marrowstone');
		await box.press('Enter');
		await settled();
		expect(new URL(page.url()).search).toBe('?q=Marrowstone');
		expect(await results()).toEqual([]);
		// A pause in typing: the page searches and shows the words in the address bar before Enter.
		await box.fill('phishing');
		await page.waitForURL((url) => url.search === '?q=phishing');
		await box.press('Enter');
		await settled();

		await page.goBack();
		await settled();
		expect(await box.inputValue()).toBe('Marrowstone');
		await page.goBack();
		await settled();
		expect(await box.inputValue()).toBe('ptarmigan');
		expect((await results()).map((result) => result.href)).toEqual([`${base}papers/stock-visibility-ptarmigan/`]);
	});

	it('shows entries for one ticked segment, and for either of two ticked segments', async () => {
		await openSearch('?q=customers');
		const all = await allResults();
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
		expect(await allResults()).toEqual(finance);
		// Shared links carry ids, which survive a renamed segment.
		expect(new URL(page.url()).searchParams.getAll('segment')).toEqual(['finance']);
		expect(await status()).toBe(`${finance.length} results for “customers” with the chosen filters.`);

		await segmentBox('Superusers').check();
		await settled();
		expect(new Set((await allResults()).map((result) => result.href))).toEqual(new Set(either.map((result) => result.href)));
		expect(new URL(page.url()).searchParams.getAll('segment').sort()).toEqual(['finance', 'superusers']);
		expect(superusers.length).toBeLessThan(either.length);

		// Filters of different facets narrow each other: Superusers or Finance, and a case study.
		await page
			.getByRole('group', { name: 'Type' })
			.getByRole('checkbox', { name: /^Case study\b/ })
			.check();
		await settled();
		const studies = await allResults();
		expect(studies.length).toBeGreaterThan(0);
		expect(studies).toEqual(either.filter((result) => result.type === 'Case study'));
	});

	it('restores ticked facets from a shared link that names them by id', async () => {
		await openSearch('?q=customers&segment=superusers&segment=finance&type=case-study');
		expect(await segmentBox('Finance').isChecked()).toBe(true);
		expect(await segmentBox('Superusers').isChecked()).toBe(true);
		expect(await segmentBox('Executives').isChecked()).toBe(false);
		const shown = await allResults();
		expect(shown.length).toBeGreaterThan(0);
		expect(shown.every((result) => result.type === 'Case study')).toBe(true);
		expect(shown.every((result) => result.segments.includes('Finance') || result.segments.includes('Superusers'))).toBe(true);
		expect(await status()).toBe(`${shown.length === 1 ? '1 result' : `${shown.length} results`} for “customers” with the chosen filters.`);
	});

	it('still opens links made before filters had ids, which name values by their names, and shows the id link instead', async () => {
		await openSearch('?q=customers&segment=superusers&segment=finance&type=case-study');
		const byId = await allResults();
		await openSearch('?q=customers&segment=Superusers&segment=Finance&type=Case+study');
		expect(await segmentBox('Finance').isChecked()).toBe(true);
		expect(await segmentBox('Superusers').isChecked()).toBe(true);
		expect(await allResults()).toEqual(byId);
		const params = new URL(page.url()).searchParams;
		expect(params.getAll('segment').sort()).toEqual(['finance', 'superusers']);
		expect(params.getAll('type')).toEqual(['case-study']);
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
		const all = await allResults();
		expect(all.length).toBe(count);
		expect(all.slice(0, everything.length)).toEqual(everything);
		expect(all.map((result) => result.href).filter((href) => href.includes('windows-10'))).toEqual([]);
		// Without words to rank by, the newest entries come first.
		const dates = all.map((result) => result.date);
		expect(dates).toEqual([...dates].sort().reverse());
	});

	it('on a phone shows the first result above the fold, folds the filters behind one button, and scrolls only down', async () => {
		await page.setViewportSize({ width: 390, height: 844 });
		await openSearch('?q=customers');
		const toggle = page.getByRole('button', { name: 'Filters (0 chosen)' });
		await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
		expect(await page.getByRole('group', { name: 'Segment' }).isVisible()).toBe(false);

		const first = page.locator('[data-results] > li').first();
		const box = await first.boundingBox();
		expect(box).not.toBeNull();
		expect(box!.y + box!.height).toBeLessThanOrEqual(844);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

		// Every control a finger can hit, in the header and the page, is at least 44px high.
		const small = async () =>
			page
				.locator(
					'header a, header input, header button, main a, main button, main select, main input:not([type="checkbox"]), main label.option',
				)
				.evaluateAll((elements) =>
					elements
						.filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden')
						.map((element) => ({
							element: `${element.tagName.toLowerCase()} “${element.textContent.trim().slice(0, 30)}”`,
							height: element.getBoundingClientRect().height,
						}))
						.filter(({ height }) => height < 44),
				);
		expect(await small()).toEqual([]);

		await toggle.click();
		expect(await toggle.getAttribute('aria-expanded')).toBe('true');
		await segmentBox('Finance').check();
		await settled();
		expect(await page.getByRole('button', { name: 'Filters (1 chosen)' }).isVisible()).toBe(true);
		expect(await small()).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		expect((await results()).every((result) => result.segments.includes('Finance'))).toBe(true);
	});

	it('shows every filter at once on a wide screen, without the fold', async () => {
		await openSearch('?q=customers');
		expect(await page.getByRole('group', { name: 'Segment' }).isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: /^Filters/ }).count()).toBe(0);
	});

	it('when nothing matches a typo, suggests the word from the hub and offers segments, topics and all papers', async () => {
		await openSearch('?q=pishing');
		expect(await status()).toBe('No results for “pishing”.');
		// Twenty zeros help nobody: the filters step aside.
		expect(await page.getByRole('group', { name: 'Segment' }).isVisible()).toBe(false);
		const suggestion = page.getByRole('link', { name: 'phishing', exact: true });
		expect(await page.locator('[data-suggestions]').textContent()).toMatch(/^\s*Did you mean phishing\?\s*$/);
		expect(await suggestion.getAttribute('href')).toBe(`${base}search/?q=phishing`);
		expect(await page.getByRole('link', { name: 'All papers' }).getAttribute('href')).toBe(`${base}papers/`);
		const nothing = page.locator('[data-nothing]');
		expect(await nothing.getByRole('link', { name: 'Finance', exact: true }).getAttribute('href')).toBe(`${base}segments/finance/`);
		expect(await nothing.locator(`a[href^="${base}topics/"]`).count()).toBeGreaterThan(3);

		await suggestion.click();
		await settled();
		expect(new URL(page.url()).search).toBe('?q=phishing');
		expect((await results()).map((result) => result.href)).toContain(`${base}papers/phishing-is-our-biggest-risk/`);
		expect(await nothing.isVisible()).toBe(false);

		await openSearch('?q=custmer');
		expect(await page.locator('[data-suggestions]').textContent()).toMatch(/Did you mean customer\?/);
	});

	it('when the filters leave nothing, offers the same words without them', async () => {
		await openSearch('?q=ptarmigan&segment=finance');
		expect(await status()).toBe('No results for “ptarmigan” with the chosen filters.');
		const without = page.getByRole('link', { name: '1 result for “ptarmigan” without the filters' });
		expect(await without.getAttribute('href')).toBe(`${base}search/?q=ptarmigan`);
		// Filters stay on screen while they are ticked, so they can be unticked.
		expect(await segmentBox('Finance').isChecked()).toBe(true);
	});

	it('without JavaScript, lands from any header box on a search page that says so, links to lists, and has no dead controls', async () => {
		const noScript = await browser.newContext({ javaScriptEnabled: false });
		try {
			const plain = await noScript.newPage();
			plain.on('request', (request) => requests.push(request.url()));
			await plain.goto(`${server.url}papers/`);
			await plain.getByRole('searchbox', { name: 'Search the hub' }).fill('ptarmigan');
			await plain.getByRole('searchbox', { name: 'Search the hub' }).press('Enter');
			await plain.waitForURL(`${server.url}search/?q=ptarmigan`);
			const main = plain.locator('main');
			expect(await main.textContent()).toMatch(/Search needs JavaScript/);
			for (const [name, path] of [
				['All papers', 'papers/'],
				['Segments', 'segments/'],
				['Topics', 'topics/'],
			] as const) {
				expect(await main.getByRole('link', { name, exact: true }).getAttribute('href')).toBe(`${base}${path}`);
			}
			const controls = await main
				.locator('input, button, select, textarea')
				.evaluateAll((elements) => elements.filter((element) => element.getClientRects().length > 0).length);
			expect(controls).toBe(0);
			expect(await plain.getByRole('status').count()).toBe(0);
		} finally {
			await noScript.close();
		}
	});

	it('focuses the header search box with its access key, Alt+/ in Chromium, on a page without any script', async () => {
		await page.goto(`${server.url}papers/`);
		expect(await page.locator('script').count()).toBe(0);
		// Chromium takes an access key from the character a key press types, which Playwright's
		// keyboard leaves out when Alt is held: send the key as a real keyboard does.
		const cdp = await page.context().newCDPSession(page);
		for (const type of ['rawKeyDown', 'char', 'keyUp'] as const) {
			const key = { key: '/', code: 'Slash', text: '/', unmodifiedText: '/', windowsVirtualKeyCode: 191, nativeVirtualKeyCode: 191 };
			await cdp.send('Input.dispatchKeyEvent', { type, modifiers: 1 /* Alt */, ...key });
		}
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
	});
});
