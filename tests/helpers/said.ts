import { ENGLISH, say, type Problem } from '../../src/content/problems';

/** A problem with its phrases said in English, as the one formatter says them: for comparing whole problems. */
export function said(problem: Problem | { expected: Problem['expected']; found?: Problem['found']; suggestion?: Problem['suggestion'] }) {
	const { expected, found, suggestion, ...rest } = problem;
	return {
		...rest,
		expected: say(expected, ENGLISH),
		...(found === undefined ? {} : { found: say(found, ENGLISH) }),
		...(suggestion === undefined ? {} : { suggestion: say(suggestion, ENGLISH) }),
	};
}
