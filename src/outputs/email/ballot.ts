/**
 * A ballot as an email: every candidate measure in business words with its latest figure, and a
 * one-click "Pick this" link that opens a message to the editors with the pick in its subject.
 * Same frame, styles and plain-text form as every email the hub sends.
 */
import { escapeHtml as escape, TEXT_RULE } from '../../content/email-files';
import { numberWord } from '../../content/format';
import { renderEmailFrame } from './html';
import { repliesText, type EmailHub } from './model';

export interface BallotCandidate {
	/** The metric's business name, e.g. "Store managers using customer records". */
	title: string;
	/** What it means for the business, in a sentence. */
	translation: string;
	/** The latest figure, e.g. "82% (November 2026), target 80%". */
	figure: string;
	/** Absolute URL of the metric's page. */
	url: string;
	/** The `mailto:` link that records this pick. */
	pick: string;
}

export interface EmailBallot extends EmailHub {
	/** The subject: "Which three measures matter most to Superusers?". */
	title: string;
	/** The segment's name, e.g. "Superusers". */
	segment: string;
	/** "the November 2026 ballot". */
	name: string;
	opens: Date;
	closes: Date;
	/** How many picks count per person. */
	picks: number;
	candidates: BallotCandidate[];
	/** Absolute URL of the segment's page, where the result appears, and of the hub's home. */
	url: string;
	homeUrl: string;
}

/** The words every part of the ballot's email fills in: how many picks, for whom, until when. */
const said = ({ locale, picks, segment, closes }: EmailBallot) => ({
	picks: numberWord(locale, picks),
	segment,
	date: locale.date(closes),
});

/** The ask, in the same words in both parts. */
const ask = (ballot: EmailBallot) => {
	const { t } = ballot.locale;
	return [
		t('ballot.email.ask', { ...said(ballot), count: ballot.candidates.length }),
		t('ballot.email.how', { ...said(ballot), pick: t('ballot.email.pickThis'), editors: ballot.editors.name }),
		t('ballot.email.result', said(ballot)),
	];
};
const line = ({ locale, opens, closes }: EmailBallot) =>
	locale.t('ballot.email.line', { opens: locale.date(opens), closes: locale.date(closes) });
const footerNote = (ballot: EmailBallot) => ballot.locale.t('ballot.email.footer', { segment: ballot.segment });

export function renderBallotHtml(ballot: EmailBallot): string {
	const { t } = ballot.locale;
	const candidates = ballot.candidates
		.map(
			(candidate) => `<tr><td class="item">
<h3 dir="auto"><a href="${escape(candidate.url)}">${escape(candidate.title)}</a></h3>
<p dir="auto">${escape(candidate.translation)}</p>
<p class="detail" dir="auto"><strong>${escape(t('ballot.email.latest'))}</strong> ${escape(candidate.figure)}</p>
<p class="more"><a href="${escape(candidate.pick)}">${escape(t('ballot.email.pick', { pick: candidate.title }))}</a></p>
</td></tr>`,
		)
		.join('\n');
	return renderEmailFrame(ballot, {
		subject: ballot.title,
		preheader: t('ballot.email.preheader', said(ballot)),
		masthead: { url: ballot.homeUrl, line: line(ballot) },
		url: ballot.url,
		rows: `<tr><td class="content">
<h1 dir="auto">${escape(ballot.title)}</h1>
${ask(ballot)
	.map((paragraph) => `<p dir="auto">${escape(paragraph)}</p>`)
	.join('\n')}
</td></tr>
${candidates}`,
		footer: { note: footerNote(ballot), link: { url: ballot.url, label: t('ballot.email.page', { segment: ballot.segment }) } },
	});
}

export function renderBallotText(ballot: EmailBallot): string {
	const { t } = ballot.locale;
	const candidates = ballot.candidates.map((candidate, index) =>
		[
			`${index + 1}. ${candidate.title}`,
			`   ${candidate.translation}`,
			`   ${t('ballot.email.latest')} ${candidate.figure}`,
			`   ${t('ballot.email.pick', { pick: candidate.pick })}`,
			`   ${t('ballot.email.more', { url: candidate.url })}`,
		].join('\n'),
	);
	return (
		[
			ballot.title,
			line(ballot),
			...ask(ballot),
			TEXT_RULE,
			...candidates,
			TEXT_RULE,
			...repliesText(ballot.locale, ballot.replies),
			`${footerNote(ballot)} ${ballot.editors.name} <${ballot.editors.email}>.`,
			`${t('email.subscribe')}: ${ballot.subscribeUrl}`,
		].join('\n\n') + '\n'
	);
}
