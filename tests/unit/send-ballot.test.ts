/**
 * `npm run send -- ballot <segment>` before anything is sent: the first run writes the ballot file
 * (candidates, opening and closing day), the run after the build finds it open; and what the
 * ballot's email says, and who answered what they were mailed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { personalise } from '../../src/content/email-files';
import { questionLink } from '../../src/content/mailto';
import { loadSettings } from '../../src/content/settings';
import { responseShares } from '../../src/hub/responses';
import { renderBallotHtml, renderBallotText, type EmailBallot } from '../../src/outputs/email/ballot';
import { readHub } from '../../src/tools/lint/entry';
import { planBallot, writeBallot } from '../../src/tools/send/ballot';
import { ROOT, TMP } from '../helpers/build-hub';
import { createLocale } from '../../src/content/i18n';

const NOW = new Date('2026-12-01T09:00:00Z');
let content: string;
const plan = (segment: string, options: { all?: boolean; closes?: string } = {}, now = NOW) =>
	planBallot(readHub(content), segment, options, loadSettings(content), now);

beforeEach((context) => {
	content = path.join(TMP, 'send-ballot', context.task.id, 'content');
	fs.rmSync(path.dirname(content), { recursive: true, force: true });
	for (const part of ['segments', 'metrics', 'ballots', 'hub.yaml', 'logo.svg']) {
		fs.cpSync(path.join(ROOT, 'content', part), path.join(content, part), { recursive: true });
	}
});

describe('planning a ballot', () => {
	it('refuses a ballot with no more candidates than picks, and offers --all', () => {
		expect(() => plan('superusers')).toThrow(
			'3 published metrics are written for "superusers": a ballot to pick 3 needs more; add --all to offer every metric',
		);
	});

	it('writes a new ballot with every published metric, open for two weeks, named after its segment and month', () => {
		const planned = plan('superusers', { all: true });
		expect(planned).toMatchObject({ kind: 'new', id: 'superusers-2026-12', candidates: 9 });
		if (planned.kind !== 'new') return;
		writeBallot(planned);
		const written = parse(fs.readFileSync(path.join(content, 'ballots', 'superusers-2026-12.yaml'), 'utf8')) as Record<string, unknown>;
		expect(written).toMatchObject({ segment: 'superusers', opens: '2026-12-01', closes: '2026-12-15' });
		expect(written.candidates).toHaveLength(9);
		expect(written.candidates).toContain('web-shop-page-load');
		// The run after the build finds it open, and sends it.
		expect(plan('superusers', { all: true })).toMatchObject({ kind: 'open', ballot: { id: 'superusers-2026-12' } });
		expect(() => plan('superusers', { closes: '2026-12-20' })).toThrow('closes on 2026-12-15: change closes: in it and build again');
	});

	it('takes the closing day from --closes, and refuses one before today or not a date', () => {
		expect(plan('executives', { closes: '2026-12-09' })).toMatchObject({ kind: 'new', id: 'executives-2026-12' });
		for (const closes of ['2026-11-30', 'next friday', '2026-12-9']) {
			expect(() => plan('executives', { closes }), closes).toThrow(
				/--closes takes the ballot's last day, on or after today \(2026-12-01\)/,
			);
		}
	});

	it('refuses --all for an open ballot written without it, and a segment that does not exist', () => {
		const planned = plan('executives');
		if (planned.kind === 'new') writeBallot(planned);
		expect(() => plan('executives', { all: true })).toThrow(
			/is open and lists 6 of the 9 metrics: --all cannot change a ballot already written/,
		);
		expect(() => plan('superuser')).toThrow('no segment "superuser": expected an existing segment, one of: all-staff, divisional-managers');
	});
});

const ballot: EmailBallot = {
	locale: createLocale('en-GB'),
	language: 'en-GB',
	hubTitle: 'Northwind IT Hub',
	subscribeUrl: 'https://intranet.example/subscribe/',
	accent: { light: '#0b5cad', dark: '#7cb7f2' },
	editors: { name: 'The IT editors', email: 'it-editors@northwind.example' },
	title: 'Which three measures matter most to Superusers?',
	segment: 'Superusers',
	name: 'the December 2026 ballot',
	opens: new Date('2026-12-01'),
	closes: new Date('2026-12-15'),
	picks: 3,
	candidates: [
		{
			title: 'Problems fixed on the first call',
			translation: 'Most problems are now fixed while the colleague is still on the phone.',
			figure: '78% (November 2026), target 75%',
			url: 'https://intranet.example/metrics/first-contact-resolution/',
			pick: 'mailto:it-editors@northwind.example?subject=Pick%3A%20Problems%20fixed%20%5Bhub%3Apick%20superusers-2026-12%20first-contact-resolution%5D',
		},
	],
	url: 'https://intranet.example/segments/superusers/',
	homeUrl: 'https://intranet.example/',
};

describe('the ballot’s email', () => {
	it('gives each candidate its figure and a Pick this link, in both parts, with the personal line’s place', () => {
		const text = renderBallotText(ballot);
		expect(text).toContain('1. Problems fixed on the first call');
		expect(text).toContain('   Latest: 78% (November 2026), target 75%');
		expect(text).toContain(`   Pick this: ${ballot.candidates[0]!.pick}`);
		expect(text).toContain('you can change your mind until 15 December 2026');
		const html = renderBallotHtml(ballot);
		expect(html).toContain('<title>Which three measures matter most to Superusers?</title>');
		expect(html).toContain(`href="${ballot.candidates[0]!.pick}"`);
		const personal = personalise({ html, text }, 'Thank you.');
		expect(personal.text).toContain('Thank you.');
		expect(personal.html).toContain('<strong>Thank you.</strong>');
	});

	it('ends, as every email the hub sends, with "Ask IT a question" in both parts, and asks no "Was this useful?"', () => {
		const question = questionLink(ballot.locale, ballot.editors.email, { id: 'superusers', name: 'Superusers' });
		const asking = { ...ballot, replies: { question } };
		const text = renderBallotText(asking);
		expect(text).toContain(`Ask IT a question: ${question}`);
		expect(text).not.toContain('Was this useful?');
		const footer = parseHtml(renderBallotHtml(asking)).querySelector('.footer')!;
		const ask = footer.querySelectorAll('a').find((a) => a.text === 'Ask IT a question');
		expect(ask?.getAttribute('href')).toBe(question);
		expect(new URL(question).searchParams.get('subject')).toBe('Question for IT [hub:question superusers]');
		expect(footer.text).not.toContain('Was this useful?');
	});
});

describe('who answered what they were mailed', () => {
	it('counts, per quarter, the segment’s contacts mailed and those who answered that message', () => {
		const contact = (email: string, segments: string[]) => ({
			name: email,
			email,
			segments,
			joined: new Date('2026-01-01'),
			asked: 'asked',
			feedback: true,
		});
		const sent = (entry: string, to: string, at: string) => ({
			entry,
			to,
			messageId: `<${entry}${to}>`,
			at: new Date(at),
			result: 'sent' as const,
		});
		const shares = responseShares('finance', {
			contacts: [contact('a@x.example', ['finance']), contact('b@x.example', ['finance']), contact('c@x.example', ['executives'])],
			ledger: [
				sent('paper/spend', 'a@x.example', '2026-04-14'),
				sent('paper/spend', 'B@x.example', '2026-04-14'),
				sent('paper/spend', 'c@x.example', '2026-04-14'),
				sent('ballot/finance-2026-11', 'a@x.example', '2026-11-02'),
			],
			records: [
				{ kind: 'feedback', messageId: '<1>', date: new Date('2026-04-15'), from: 'b@x.example', entry: 'paper/spend', useful: true },
				{ kind: 'feedback', messageId: '<2>', date: new Date('2026-04-15'), from: 'c@x.example', entry: 'paper/spend', useful: true },
				{ kind: 'pick', messageId: '<3>', date: new Date('2026-11-03'), from: 'A@x.example', ballot: 'finance-2026-11', metric: 'spend' },
			],
			segmentsOf: (key) => (key === 'paper/spend' ? ['finance', 'executives'] : key === 'ballot/finance-2026-11' ? ['finance'] : undefined),
		});
		expect(shares).toEqual([
			{ period: '2026 Q2', mailed: 2, answered: 1 },
			{ period: '2026 Q4', mailed: 1, answered: 1 },
		]);
	});
});
