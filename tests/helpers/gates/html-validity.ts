import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ROOT } from '../build-hub';

const run = promisify(execFile);
const VNU = path.join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

export interface HtmlError {
	/** The file, as given. */
	file: string;
	line: number | undefined;
	message: string;
	/** The markup around the error. */
	extract: string | undefined;
}

export interface VnuMessage {
	type: 'error' | 'info' | 'non-document-error';
	subType?: string;
	url?: string;
	lastLine?: number;
	message: string;
	extract?: string;
}

/**
 * Validates HTML files with the Nu Html Checker (the W3C validator) in ONE Java run, since the JVM
 * is slow to start. Returns the errors; warnings and notes are not failures.
 */
export async function validateHtml(files: readonly string[]): Promise<HtmlError[]> {
	if (files.length === 0) return [];
	// The checker's schema recursion needs a deeper thread stack than Java's default.
	const args = ['-Xss4m', '-XX:+UseSerialGC', '-jar', VNU, '--format', 'json', '--exit-zero-always', ...files];
	const { stderr } = await run('java', args, { maxBuffer: 64 * 1024 * 1024 });
	return htmlErrors((JSON.parse(stderr) as { messages: VnuMessage[] }).messages);
}

/**
 * The errors among the checker's messages. A message that names no file is the checker's own
 * failure (it crashed, or could not read its input): that throws, since whatever it did not check
 * would otherwise pass.
 */
export function htmlErrors(messages: readonly VnuMessage[]): HtmlError[] {
	const failures = messages.filter((message) => message.type !== 'info' && !message.url);
	if (failures.length > 0) throw new Error(`The Nu Html Checker failed: ${failures.map((message) => message.message).join('; ')}`);
	return messages
		.filter((message) => message.type !== 'info')
		.map((message) => ({
			file: message.url!.startsWith('file:') ? fileURLToPath(message.url!) : message.url!,
			line: message.lastLine,
			message: message.message,
			extract: message.extract,
		}));
}

/** One line per error, relative to `dir`, for assertion messages. */
export function formatHtmlErrors(errors: readonly HtmlError[], dir: string): string {
	return errors.map(({ file, line, message }) => `${path.relative(dir, file)}:${line ?? '?'}: ${message}`).join('\n');
}
