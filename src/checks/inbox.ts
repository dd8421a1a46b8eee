/**
 * What the inbox records (src/content/inbox.ts) must agree with in the rest of the hub: the
 * entries, segments and metrics they name exist, a message is recorded once, question ids are
 * unique, and an entry's `answers:` names a question that was asked. `checkHub()` calls it, so
 * the build and the linter report the same problems in the same words.
 */
import type { InboxFile } from '../content/inbox';
import { oneOf, phrase, quote, type Phrase, type Problem } from '../content/problems';

export interface InboxCheck {
	/** Ids that exist, per collection (`papers`, `case-studies`, `segments`, `metrics`). */
	ids: (collection: string) => readonly string[];
	/** Newsletter issue numbers that exist. */
	issues: readonly number[];
	/** Entries that declare `answers: <question id>`. */
	answers: readonly { file: string; id: string }[];
}

const COLLECTION_OF = { paper: 'papers', 'case-study': 'case-studies' } as const;

/** Every problem across the inbox files, in the order of the files. */
export function inboxProblems(files: readonly InboxFile[], check: InboxCheck): Problem[] {
	const problems: Problem[] = [];
	const seen = new Map<string, string>();
	const questions = new Map<string, string>();
	const exists = (file: string, field: string, collection: string, what: Phrase, id: string) => {
		const ids = check.ids(collection);
		if (!ids.includes(id)) problems.push({ file, field, expected: oneOf(what, ids), found: quote(id) });
	};
	for (const { file, records } of files) {
		records.forEach((record, index) => {
			const at = `[${index}]`;
			const first = seen.get(record.messageId.toLowerCase());
			if (first) {
				problems.push({
					file,
					field: `${at}.messageId`,
					expected: phrase('problem.inbox.once', { first }),
					found: quote(record.messageId),
				});
			} else seen.set(record.messageId.toLowerCase(), `${file} ${at}`);
			switch (record.kind) {
				case 'feedback': {
					const [kind, id] = record.entry.split('/') as ['paper' | 'case-study' | 'issue', string];
					if (kind === 'issue') {
						if (!check.issues.includes(Number(id))) {
							problems.push({
								file,
								field: `${at}.entry`,
								expected: oneOf(phrase('noun.newsletters'), check.issues.map(String)),
								found: quote(record.entry),
							});
						}
					} else exists(file, `${at}.entry`, COLLECTION_OF[kind], phrase(kind === 'paper' ? 'noun.papers' : 'noun.case-studies'), id);
					break;
				}
				case 'list-request':
					for (const [i, segment] of record.segments.entries())
						exists(file, `${at}.segments[${i}]`, 'segments', phrase('noun.segments'), segment);
					break;
				case 'question': {
					exists(file, `${at}.segment`, 'segments', phrase('noun.segments'), record.segment);
					const other = questions.get(record.id);
					if (other)
						problems.push({
							file,
							field: `${at}.id`,
							expected: phrase('problem.inbox.questionOnce', { other }),
							found: quote(record.id),
						});
					else questions.set(record.id, `${file} ${at}`);
					break;
				}
				case 'pick':
					exists(file, `${at}.metric`, 'metrics', phrase('noun.metrics'), record.metric);
					break;
			}
		});
	}
	for (const answer of check.answers) {
		if (!questions.has(answer.id)) {
			problems.push({
				file: answer.file,
				field: 'answers',
				expected: oneOf(phrase('noun.question'), [...questions.keys()]),
				found: quote(answer.id),
			});
		}
	}
	return problems;
}
