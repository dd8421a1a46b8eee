/**
 * What the hub heard back (the inbox records, src/content/inbox.ts), worked out once per build
 * for the pages: feedback per entry, list requests waiting for an editor, questions with the entry
 * that answers them, and ballot picks. The records hold colleagues' names and addresses: the
 * published site may show counts and questions (never who asked); only the editors' page, which
 * exists in `npm run dev` alone, shows the records themselves.
 */
import type { EntryRef } from '../content/hub-tags';
import type { FeedbackRecord, InboxRecord, ListRequestRecord, PickRecord, QuestionRecord } from '../content/inbox';

/** Yes and no answers to "Was this useful?" for one entry. */
export interface Reception {
	yes: number;
	no: number;
	/** The answers themselves, oldest first: for the editors' page and the author's preview only. */
	records: FeedbackRecord[];
}

/** A question and where it stands as of the build. */
export interface Question<Answer> {
	record: QuestionRecord;
	/** `answered` once a page that is out declares `answers: <id>`. */
	status: 'open' | 'answered' | 'dropped';
	/** The paper or case study that answers it. */
	answer?: Answer | undefined;
}

export interface Listening<Answer = unknown> {
	/** Every record, oldest first. */
	records: InboxRecord[];
	/** Feedback per entry, keyed `paper/<id>`, `case-study/<id>`, `issue/<number>`. */
	reception: Map<string, Reception>;
	/** List requests no editor has approved or declined yet, oldest first. */
	pendingRequests: ListRequestRecord[];
	/** Every question, oldest first. */
	questions: Question<Answer>[];
	/** Picks per ballot id, oldest first (the tally is the ballot's: at most three per voter). */
	picks: Map<string, PickRecord[]>;
}

const EMPTY: Omit<Reception, 'records'> = { yes: 0, no: 0 };

/**
 * The model of what came back. `answers` maps a question id to the entry with a page that
 * answers it (in the preview, drafts too), as the hub's publication rule decided.
 */
export function listeningOf<Answer>(records: readonly InboxRecord[], answers: ReadonlyMap<string, Answer>): Listening<Answer> {
	const byDate = [...records].sort((a, b) => a.date.getTime() - b.date.getTime());
	const reception = new Map<string, Reception>();
	const picks = new Map<string, PickRecord[]>();
	const questions: Question<Answer>[] = [];
	const pendingRequests: ListRequestRecord[] = [];
	for (const record of byDate) {
		switch (record.kind) {
			case 'feedback': {
				const counts = reception.get(record.entry) ?? { ...EMPTY, records: [] };
				counts[record.useful ? 'yes' : 'no']++;
				counts.records.push(record);
				reception.set(record.entry, counts);
				break;
			}
			case 'list-request':
				if (record.status === 'pending') pendingRequests.push(record);
				break;
			case 'question': {
				const answer = answers.get(record.id);
				questions.push({ record, answer, status: record.status === 'dropped' ? 'dropped' : answer ? 'answered' : 'open' });
				break;
			}
			case 'pick':
				picks.set(record.ballot, [...(picks.get(record.ballot) ?? []), record]);
				break;
		}
	}
	return { records: byDate, reception, pendingRequests, questions, picks };
}

/** Yes and no for one entry (zero and zero when nobody answered). */
export const receptionOf = (listening: Pick<Listening, 'reception'>, entry: EntryRef): Reception =>
	listening.reception.get(entry) ?? { ...EMPTY, records: [] };

/** Questions still waiting for an answer, oldest first. */
export const openQuestions = <Answer>(listening: Listening<Answer>): Question<Answer>[] =>
	listening.questions.filter((question) => question.status === 'open');

/** Questions a page answers, newest question first. */
export const answeredQuestions = <Answer>(listening: Listening<Answer>): Question<Answer>[] =>
	listening.questions.filter((question) => question.status === 'answered').reverse();

/** The question an entry answers, if it declares one that was asked. */
export const questionAnsweredBy = <Answer>(listening: Listening<Answer>, answer: Answer): Question<Answer> | undefined =>
	listening.questions.find((question) => question.answer === answer);
