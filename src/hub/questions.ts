/**
 * Questions colleagues asked IT, as the published site shows them: the question, who asked by
 * role or audience (never by name or address), and the page that answers it. Worked out from
 * the hub's listening model, so /questions/ and the answering page say the same thing.
 */
import type { CaseStudyItem, Hub, PaperItem } from './hub';
import { answeredQuestions, openQuestions, questionAnsweredBy, type Question } from './listening';

export interface PublishedQuestion {
	id: string;
	/** The question as they asked it. */
	question: string;
	/** Their role ("Chief Financial Officer") if an editor added it, else "a reader in Executives": never a name. */
	askedBy: string;
	asked: Date;
	answer: PaperItem | CaseStudyItem;
}

type Answer = PaperItem | CaseStudyItem;

const published = (hub: Pick<Hub, 'segments'>, { record, answer }: Question<Answer>): PublishedQuestion => {
	const segment = hub.segments.find((s) => s.id === record.segment)?.data.name ?? record.segment;
	return {
		id: record.id,
		question: record.question,
		askedBy: record.role ?? `a reader in ${segment}`,
		asked: record.date,
		answer: answer!,
	};
};

/** Questions a published page answers, newest question first, and how many still wait for one. */
export function questionsPage(hub: Pick<Hub, 'listening' | 'segments'>): { answered: PublishedQuestion[]; waiting: number } {
	return {
		answered: answeredQuestions(hub.listening).map((question) => published(hub, question)),
		waiting: openQuestions(hub.listening).length,
	};
}

/** The question an entry answers, as its page shows it. */
export function questionFor(hub: Pick<Hub, 'listening' | 'segments'>, item: Answer): PublishedQuestion | undefined {
	const question = questionAnsweredBy(hub.listening, item);
	return question && published(hub, question);
}
