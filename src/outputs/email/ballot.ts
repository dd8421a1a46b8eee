/**
 * A ballot as an email: every candidate measure in business words with its latest figure, and a
 * one-click "Pick this" link that opens a message to the editors with the pick in its subject.
 * Same frame, styles and plain-text form as every email the hub sends.
 */
import { numberWord } from '../../content/format';
import { escapeHtml as escape, TEXT_RULE } from '../../content/email-files';
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

/** The ask, in the same words in both parts. */
const ask = (ballot: EmailBallot) => [
	`You agreed to tell us what is useful, so we are asking you first. Below are ${ballot.candidates.length} measures IT reports for ${ballot.segment}. Which ${numberWord(ballot.picks)} should every one of you know, because they tell you how your work and your customers are doing?`,
	`Click "Pick this" under each of your ${numberWord(ballot.picks)}: your mail program opens a message to ${ballot.editors.name}; press Send. Your latest ${numberWord(ballot.picks)} picks count, so you can change your mind until ${ballot.locale.date(ballot.closes)}.`,
	`The ${numberWord(ballot.picks)} most picked become the measures at the top of the ${ballot.segment} page. We publish how many people picked each measure, never who.`,
];
const line = (ballot: EmailBallot) => `Ballot · ${ballot.locale.date(ballot.opens)} to ${ballot.locale.date(ballot.closes)}`;
const footerNote = (ballot: EmailBallot) =>
	`You get this because you are on the ${ballot.segment} list and agreed to give feedback. Questions about the ballot? Reply, or write to`;

export function renderBallotHtml(ballot: EmailBallot): string {
	const candidates = ballot.candidates
		.map(
			(candidate) => `<tr><td class="item">
<h3 dir="auto"><a href="${escape(candidate.url)}">${escape(candidate.title)}</a></h3>
<p dir="auto">${escape(candidate.translation)}</p>
<p class="detail" dir="auto"><strong>Latest:</strong> ${escape(candidate.figure)}</p>
<p class="more"><a href="${escape(candidate.pick)}">Pick this: ${escape(candidate.title)}</a></p>
</td></tr>`,
		)
		.join('\n');
	return renderEmailFrame(ballot, {
		subject: ballot.title,
		preheader: `Pick the ${numberWord(ballot.picks)} that matter most to you by ${ballot.locale.date(ballot.closes)}: one click each.`,
		masthead: { url: ballot.homeUrl, line: line(ballot) },
		url: ballot.url,
		rows: `<tr><td class="content">
<h1 dir="auto">${escape(ballot.title)}</h1>
${ask(ballot)
	.map((paragraph) => `<p dir="auto">${escape(paragraph)}</p>`)
	.join('\n')}
</td></tr>
${candidates}`,
		footer: { note: footerNote(ballot), link: { url: ballot.url, label: `The ${ballot.segment} page` } },
	});
}

export function renderBallotText(ballot: EmailBallot): string {
	const candidates = ballot.candidates.map((candidate, index) =>
		[
			`${index + 1}. ${candidate.title}`,
			`   ${candidate.translation}`,
			`   Latest: ${candidate.figure}`,
			`   Pick this: ${candidate.pick}`,
			`   More: ${candidate.url}`,
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
			`Subscribe or pass it on: ${ballot.subscribeUrl}`,
		].join('\n\n') + '\n'
	);
}
