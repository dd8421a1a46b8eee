import { simpleParser } from 'mailparser';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { composeIssueEmail, type EmailIssue } from '../../../src/outputs/email';
import { emailSafeIntro, introText } from '../../../src/outputs/email/intro';
import { createLocale } from '../../../src/content/i18n';

const site = 'https://intranet.example/it/';

const issue: EmailIssue = {
	locale: createLocale('en-GB'),
	language: 'en-GB',
	hubTitle: 'Northwind IT Hub',
	number: 7,
	title: 'Tills, tea & "quotes" in Tokyo 東京 🚀',
	date: new Date('2026-11-16T00:00:00Z'),
	summary: 'The preheader sentence that clients show beside the subject.',
	introHtml:
		'<h2>Hello</h2><p>Read the <a href="https://intranet.example/it/papers/tills/">tills paper</a> first.</p>' +
		'<p><img src="https://intranet.example/it/chart.png" alt="Chart of queues"><img src="https://intranet.example/it/x.png"></p>' +
		'<script>alert(1)</script><svg><circle r="4"/></svg><p>Elena</p>',
	items: [
		{
			kind: 'Position paper',
			title: 'New tills <for> stores',
			url: `${site}papers/tills/`,
			blurb: 'Shorter queues from January.',
			details: [{ label: 'Why it matters', text: 'Customers wait less at the tills.' }],
		},
		{
			kind: 'Metric',
			title: 'Store managers using customer records',
			url: `${site}metrics/crm-adoption/`,
			blurb: 'Three in four managers check every week.',
			details: [{ label: 'What it means', text: 'Regular customers come back more often.' }],
		},
	],
	url: `${site}newsletter/7/`,
	archiveUrl: `${site}newsletter/`,
	subscribeUrl: `${site}subscribe/`,
	editors: { name: 'The IT editors', email: 'it-editors@northwind.example' },
	accent: { light: '#7a1f5c', dark: '#f2a7d8' },
};

const email = await composeIssueEmail(issue);
const html = parse(email.html);

describe('the HTML part', () => {
	it('carries no script, no SVG and no un-inlined style rules', () => {
		expect(html.querySelectorAll('script, svg, link, iframe, form')).toHaveLength(0);
		const styles = html.querySelectorAll('style').map((style) => style.textContent.trim());
		// The only rules left in <style> are the dark-mode ones, which inline styles cannot express.
		for (const css of styles) expect(css).toMatch(/^@media \(prefers-color-scheme: dark\)\s*\{[\s\S]*\}$/);
		const container = html.querySelector('.container');
		expect(container?.getAttribute('width')).toBe('600');
		expect(container?.getAttribute('style')).toMatch(/max-width: ?600px/);
		expect(container?.getAttribute('bgcolor')).toBe('#ffffff');
		expect(html.querySelector('h1')?.getAttribute('style')).toMatch(/font-size/);
	});

	it('links only to absolute URLs', () => {
		const links = html.querySelectorAll('a').map((a) => a.getAttribute('href') ?? '');
		expect(links.length).toBeGreaterThan(5);
		for (const link of links) expect(link).toMatch(/^(https:\/\/intranet\.example\/it\/|mailto:)/);
	});

	it('shows every item with its blurb, details and a link that says what it opens, "Read: <title>"', () => {
		for (const item of issue.items) {
			const title = html.querySelectorAll('h3 a').find((a) => a.textContent === item.title);
			expect(title?.getAttribute('href')).toBe(item.url);
			const cell = title!.closest('td')!;
			expect(cell.textContent).toContain(item.blurb);
			for (const detail of item.details) expect(cell.textContent).toContain(detail.text);
			const more = cell.querySelectorAll('a').find((a) => a.textContent === `Read: ${item.title}`);
			expect(more?.getAttribute('href')).toBe(item.url);
		}
	});

	it("draws links and the masthead rule in the hub's accent, and links in its dark accent where mail follows the dark scheme", () => {
		expect(html.querySelector('h3 a')!.getAttribute('style')).toContain('color: #7a1f5c');
		expect(html.querySelector('.masthead')!.getAttribute('style')).toContain('border-bottom: 3px solid #7a1f5c');
		expect(html.querySelector('style')!.textContent).toMatch(/prefers-color-scheme: dark[^]*\.item h3 a \{\s*color: #f2a7d8 !important;/);
	});

	it('lets the title, item titles and blurbs set their own direction, for Arabic or Hebrew text (dir="auto")', () => {
		expect(html.querySelector('h1')?.getAttribute('dir')).toBe('auto');
		for (const item of issue.items) {
			const heading = html.querySelectorAll('h3').find((h3) => h3.textContent === item.title);
			expect(heading?.getAttribute('dir')).toBe('auto');
			const blurb = heading!
				.closest('td')!
				.querySelectorAll('p')
				.find((p) => p.textContent === item.blurb);
			expect(blurb?.getAttribute('dir')).toBe('auto');
		}
	});

	it('hides the summary as a preheader before the content', () => {
		const preheader = html.querySelector('body > div');
		expect(preheader?.textContent).toContain(issue.summary);
		expect(preheader?.getAttribute('style')).toMatch(/display:none/);
	});

	it('declares light and dark colour schemes and the language', () => {
		expect(html.querySelector('meta[name="color-scheme"]')?.getAttribute('content')).toBe('light dark');
		expect(html.querySelector('html')?.getAttribute('lang')).toBe('en-GB');
		expect(html.querySelector('title')?.textContent).toBe(`Northwind IT Hub #7: ${issue.title}`);
	});

	it('keeps the intro readable but drops what mail clients cannot show', () => {
		expect(html.querySelector('img[alt="Chart of queues"]')).not.toBeNull();
		for (const img of html.querySelectorAll('img')) expect(img.getAttribute('alt')?.trim()).toBeTruthy();
		expect(email.html).not.toContain('alert(1)');
		expect(html.querySelector('h1')?.textContent).toBe(issue.title);
	});

	it('wraps the 600 px table for Outlook on Windows', () => {
		expect(email.html).toContain('<!--[if mso]><table role="presentation" width="600"');
	});

	it("shows the hub's logo beside its name when it has one: the PNG by absolute URL, its shown size, the hub's name as alt text", async () => {
		expect(html.querySelectorAll('.masthead img')).toHaveLength(0);
		const logo = { url: `${site}brand/logo.0123abcd.png`, width: 120, height: 40 };
		const withLogo = parse((await composeIssueEmail({ ...issue, logo })).html);
		const images = withLogo.querySelectorAll('.masthead img');
		expect(images.map((img) => ['src', 'width', 'height', 'alt'].map((name) => img.getAttribute(name)))).toEqual([
			[logo.url, '120', '40', 'Northwind IT Hub'],
		]);
		expect(images[0]!.closest('tr')!.querySelector('.masthead-title a')?.textContent).toBe('Northwind IT Hub');
	});
});

describe('the text part', () => {
	it('writes out every link of the HTML part', () => {
		const links = html
			.querySelectorAll('a')
			.map((a) => a.getAttribute('href') ?? '')
			.filter((href) => href.startsWith('https:'));
		for (const link of links) expect(email.text).toContain(link);
		expect(email.text).toContain('it-editors@northwind.example');
	});

	it('has the intro as text with its link written after the words', () => {
		expect(introText(issue.introHtml)).toContain('tills paper [https://intranet.example/it/papers/tills/]');
		expect(email.text).not.toMatch(/<(p|a|div|img|h\d|br|strong)[\s/>]/i);
		expect(email.text).not.toMatch(/\n{3,}/);
	});

	it('lists every item with blurb and details', () => {
		for (const item of issue.items) {
			expect(email.text).toContain(item.title);
			expect(email.text).toContain(item.blurb);
			for (const detail of item.details) expect(email.text).toContain(`${detail.label}: ${detail.text}`);
		}
	});
});

describe('the .eml message', () => {
	it('parses as multipart/alternative with both parts, subject and sender', async () => {
		const mail = await simpleParser(email.eml);
		expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
		expect(mail.subject).toBe(`Northwind IT Hub #7: ${issue.title}`);
		expect(mail.from?.value).toEqual([{ name: 'The IT editors', address: 'it-editors@northwind.example' }]);
		expect(mail.to).toBeUndefined();
		expect(mail.headers.get('x-unsent')).toBe('1');
		expect(mail.text?.trim()).toBe(email.text.trim());
		expect(parse(typeof mail.html === 'string' ? mail.html : '').querySelector('h1')?.textContent).toBe(issue.title);
	});

	it('is the same file on every build', async () => {
		const again = await composeIssueEmail(issue);
		expect(again.eml).toBe(email.eml);
		const mail = await simpleParser(email.eml);
		expect(mail.date?.toISOString()).toBe('2026-11-16T00:00:00.000Z');
		expect(mail.messageId).toBe('<hourglass.it.newsletter.7@intranet.example>');
	});
});

describe('emailSafeIntro', () => {
	it('keeps links and text, drops scripts, SVG and images without alt text', () => {
		const safe = parse(emailSafeIntro(issue.introHtml));
		expect(safe.querySelector('a')?.getAttribute('href')).toBe('https://intranet.example/it/papers/tills/');
		expect(safe.querySelectorAll('img')).toHaveLength(1);
		expect(safe.querySelectorAll('script, svg, h2')).toHaveLength(0);
		expect(safe.querySelector('h3')?.textContent).toBe('Hello');
	});

	it('keeps a data table, and the text part lays it out in columns rather than running the cells together', () => {
		const html =
			'<table><thead><tr><th scope="col">Year</th><th scope="col">Online sales</th></tr></thead><tbody><tr><td>2024</td><td>£5.4m</td></tr><tr><td>2025</td><td>£6.2m</td></tr></tbody></table>';
		const safe = parse(emailSafeIntro(html));
		expect(safe.querySelectorAll('th').map((th) => th.getAttribute('scope'))).toEqual(['col', 'col']);
		expect(safe.querySelectorAll('td').map((td) => td.text)).toEqual(['2024', '£5.4m', '2025', '£6.2m']);
		expect(
			introText(html)
				.split('\n')
				.map((line) => line.trim().split(/\s{2,}/)),
		).toEqual([
			['Year', 'Online sales'],
			['2024', '£5.4m'],
			['2025', '£6.2m'],
		]);
	});
});
