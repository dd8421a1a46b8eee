import { describe, expect, it } from 'vitest';
import type { InboxRecord } from '../../../src/content/inbox';
import { htmlText, ownWords } from '../../../src/tools/inbox/message';
import { place, type HubFacts } from '../../../src/tools/inbox/place';
import { ENGLISH } from '../../../src/content/problems';

const hub: HubFacts = {
	entries: new Map([
		['paper/cloud', 'live'],
		['paper/old', 'archived'],
		['paper/secret', 'draft'],
		['paper/soon', 'scheduled'],
	]),
	segments: ['executives', 'finance'],
	metrics: ['uptime', 'nps', 'cost', 'churn'],
	ballots: new Map([
		['open', { segment: 'executives', closes: new Date('2026-11-30'), candidates: ['uptime', 'nps', 'cost', 'churn'] }],
		['shut', { segment: 'executives', closes: new Date('2026-12-31'), closed: new Date('2026-11-02'), candidates: ['uptime'] }],
	]),
	domains: ['northwind.example'],
	picksPerVoter: 3,
	words: ENGLISH,
};
const message = (over: Partial<Parameters<typeof place>[1]> = {}) => ({
	messageId: '<m@x>',
	date: new Date('2026-11-10T09:00:00Z'),
	from: 'ann@uk.northwind.example',
	subject: 'Re: Useful: yes [hub:useful paper/cloud yes]',
	text: 'Yes, this was useful. In one line, why:\n\nIt saved me a meeting.\nAnd more.',
	...over,
});
const reason = (placement: ReturnType<typeof place>) => ('reason' in placement ? placement.reason : undefined);

describe('where a tagged message goes', () => {
	it('records feedback with its one line of why, from a subdomain too, on a live or archived entry', () => {
		expect(place({ kind: 'feedback', entry: 'paper/cloud', useful: true }, message(), hub, [])).toMatchObject({
			record: { kind: 'feedback', entry: 'paper/cloud', useful: true, why: 'It saved me a meeting. And more.' },
		});
		expect(reason(place({ kind: 'feedback', entry: 'paper/old', useful: false }, message({ text: '' }), hub, []))).toBeUndefined();
	});

	it('sends to the editors feedback on what does not exist or is not out, and anything from outside the domains', () => {
		expect(reason(place({ kind: 'feedback', entry: 'paper/gone', useful: true }, message(), hub, []))).toBe(
			'feedback on paper/gone, which does not exist',
		);
		expect(reason(place({ kind: 'feedback', entry: 'paper/secret', useful: true }, message(), hub, []))).toBe(
			'feedback on paper/secret, which is a draft',
		);
		expect(reason(place({ kind: 'feedback', entry: 'paper/soon', useful: true }, message(), hub, []))).toBe(
			'feedback on paper/soon, which is not published yet',
		);
		expect(
			reason(place({ kind: 'feedback', entry: 'paper/cloud', useful: true }, message({ from: 'eve@northwind.example.evil' }), hub, [])),
		).toMatch(/^from eve@northwind\.example\.evil, outside the organisation's mail domains \(northwind\.example\)/);
	});

	it('keeps a list request from outside the domains pending with the reason, and refuses unknown segments', () => {
		expect(place({ kind: 'list-request', segments: ['finance'] }, message({ from: 'x@gmail.example', text: '' }), hub, [])).toMatchObject({
			record: { status: 'pending', reason: "from outside the organisation's mail domains (northwind.example)" },
		});
		expect(reason(place({ kind: 'list-request', segments: ['finance', 'board'] }, message(), hub, []))).toBe(
			'a list request for board, which is not a segment',
		);
	});

	it('takes a question from the subject the reader rewrote, or from the body when they did not, with a unique id', () => {
		const asked = (subject: string, text: string, earlier: InboxRecord[] = []) =>
			place({ kind: 'question', segment: 'finance' }, message({ subject, text }), hub, earlier);
		const first = asked('AW: How will the iPad affect me? [hub:question finance]', '');
		expect(first).toMatchObject({
			record: { id: '2026-11-10-how-will-the-ipad-affect-me', question: 'How will the iPad affect me?' },
		});
		const again = asked(
			'Re: How will the iPad affect me? [hub:question finance]',
			'Asking twice.',
			['record' in first ? first.record : []].flat(),
		);
		expect(again).toMatchObject({ record: { id: '2026-11-10-how-will-the-ipad-affect-me-2', body: 'Asking twice.' } });
		expect(asked('Question for IT [hub:question finance]', 'When do the new tills arrive?')).toMatchObject({
			record: { question: 'When do the new tills arrive?' },
		});
	});

	it('counts a person’s latest three picks, tells the editors of a fourth, and refuses a closed ballot or a metric it does not list', () => {
		const picks: InboxRecord[] = ['uptime', 'nps', 'cost'].map((metric, day) => ({
			kind: 'pick',
			messageId: `<p${day}@x>`,
			date: new Date(Date.UTC(2026, 10, 1 + day)),
			from: 'ann@uk.northwind.example',
			ballot: 'open',
			metric,
		}));
		expect(place({ kind: 'pick', ballot: 'open', metric: 'nps' }, message(), hub, picks)).toMatchObject({
			record: { metric: 'nps' },
		});
		expect(place({ kind: 'pick', ballot: 'open', metric: 'churn' }, message(), hub, picks)).toMatchObject({
			record: { metric: 'churn' },
			look: 'pick number 4 in ballot open from ann@uk.northwind.example: it counts, and their earlier pick of uptime no longer does (at most 3 per person)',
		});
		expect(reason(place({ kind: 'pick', ballot: 'shut', metric: 'uptime' }, message(), hub, []))).toBe(
			'a vote in ballot shut, closed on 2026-11-02',
		);
		expect(
			reason(place({ kind: 'pick', ballot: 'open', metric: 'uptime' }, message({ date: new Date('2026-12-01T09:00:00Z') }), hub, [])),
		).toBe('a vote in ballot open, closed on 2026-11-30');
		expect(reason(place({ kind: 'pick', ballot: 'gone', metric: 'uptime' }, message(), hub, []))).toBe(
			'a pick in ballot gone, which does not exist',
		);
		expect(reason(place({ kind: 'pick', ballot: 'open', metric: 'weather' }, message(), hub, []))).toBe(
			'a pick of weather, which is not a metric of ballot open',
		);
	});
});

describe('what the person wrote', () => {
	it('stops at quoted history and the signature, as Outlook, Gmail, Apple Mail and German Outlook write them', () => {
		expect(ownWords('Great read.\n\nKind regards,\nAnn\n\n________________________________\nFrom: IT\nSent: Monday')).toBe('Great read.');
		expect(ownWords('Great read.\n\n-- \nAnn Smith\nHead of Finance\n\nOn Tue, 3 Nov 2026 at 09:12, IT <it@x> wrote:\n> old')).toBe(
			'Great read.',
		);
		expect(ownWords('Gut.\n\nAm 03.11.2026 um 09:12 schrieb IT <it@x>:\n> alt')).toBe('Gut.');
		expect(ownWords('Thanks, that helped.\nSent from my iPhone')).toBe('Thanks, that helped.');
	});

	it('reads HTML-only mail as text without Gmail’s quote and signature', () => {
		const html =
			'<div dir="ltr"><p>Useful &amp; short.</p><div class="gmail_signature">Ann</div></div><div class="gmail_quote"><blockquote>old</blockquote></div>';
		expect(ownWords(htmlText(html))).toBe('Useful & short.');
	});
});
