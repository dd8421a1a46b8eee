import { describe, expect, it } from 'vitest';
import { hubTag, parseHubTag, type HubTag } from '../../../src/content/hub-tags';
import { listRequest, pickLink, questionLink, usefulLinks } from '../../../src/content/mailto';
import { createLocale } from '../../../src/content/i18n';
import { ENGLISH, say } from '../../../src/content/problems';

const en = createLocale('en-GB');

const problemOf = (subject: string) => {
	const parsed = parseHubTag(subject);
	return parsed && 'problem' in parsed ? say(parsed.problem, ENGLISH) : undefined;
};
const subjectOf = (link: string) => new URL(link).searchParams.get('subject') ?? '';

describe('hub tags', () => {
	const tags: HubTag[] = [
		{ kind: 'feedback', entry: 'paper/cutting-cloud-spend', useful: true },
		{ kind: 'feedback', entry: 'issue/12', useful: false },
		{ kind: 'list-request', segments: ['executives', 'finance'] },
		{ kind: 'question', segment: 'executives' },
		{ kind: 'pick', ballot: 'superusers-2026-11', metric: 'till-uptime' },
	];

	it.each(tags)('reads back what it writes: %j', (tag) => {
		expect(parseHubTag(`Subject words ${hubTag(tag)}`)).toEqual(tag);
	});

	it('reads the tag behind reply prefixes in any language and spacing', () => {
		const tag = '[hub:useful paper/cutting-cloud-spend yes]';
		for (const prefix of ['Re: ', 'RE: ', 'AW: ', 'SV: ', 'RE : ', 'Re: AW: Fwd: ', '[EXTERNAL] Re: ']) {
			expect(parseHubTag(`${prefix}Useful: yes · Cutting cloud spend ${tag}`)).toEqual({
				kind: 'feedback',
				entry: 'paper/cutting-cloud-spend',
				useful: true,
			});
		}
	});

	it('reads a tag a client folded over lines', () => {
		expect(parseHubTag('Useful: no · A very long title that goes on\r\n [hub:useful\r\n\tpaper/cutting-cloud-spend  NO]')).toEqual({
			kind: 'feedback',
			entry: 'paper/cutting-cloud-spend',
			useful: false,
		});
		expect(parseHubTag('Please add me [ hub: list\r\n executives\r\n finance]')).toEqual({ kind: 'list-request', segments: ['executives', 'finance'] });
	});

	it('says what is wrong with a tag someone edited, and ignores subjects without one', () => {
		expect(parseHubTag('Lunch on Friday?')).toBeUndefined();
		expect(problemOf('[hub:useful paper/cloud maybe]')).toContain('[hub:useful paper/<id> yes]');
		expect(problemOf('[hub:pick only-one]')).toContain('[hub:pick <ballot id> <metric id>]');
		expect(problemOf('[hub:vote a b]')).toContain('useful, list, question or pick');
		expect(problemOf('[hub:list Executives]')).toContain('[hub:list executives]');
	});

	it('puts a tag in every link the hub writes', () => {
		const editors = 'it-editors@northwind.example';
		const links = usefulLinks(en, editors, 'paper/cutting-cloud-spend', 'Cutting cloud spend: 30 % & more', 'ana@northwind.example');
		expect(new URL(links.yes).searchParams.get('cc')).toBe('ana@northwind.example');
		expect(subjectOf(links.yes)).toBe('Useful: yes · Cutting cloud spend: 30 % & more [hub:useful paper/cutting-cloud-spend yes]');
		expect(parseHubTag(subjectOf(links.no))).toEqual({ kind: 'feedback', entry: 'paper/cutting-cloud-spend', useful: false });
		expect(parseHubTag(subjectOf(listRequest(en, editors, [{ id: 'executives', name: 'Executives' }])))).toEqual({
			kind: 'list-request',
			segments: ['executives'],
		});
		expect(parseHubTag(subjectOf(questionLink(en, editors, { id: 'executives', name: 'Executives' })))).toEqual({
			kind: 'question',
			segment: 'executives',
		});
		expect(parseHubTag(subjectOf(pickLink(en, editors, 'b-1', { id: 'till-uptime', title: 'Till uptime' })))).toEqual({
			kind: 'pick',
			ballot: 'b-1',
			metric: 'till-uptime',
		});
	});
});
