/**
 * Reports in the shapes tools and people expect: ESLint's "stylish" grouping for the terminal (each
 * line starts with `file:line:col`, which editors and terminals turn into a link), and ESLint's
 * JSON for tools.
 */
import { styleText } from 'node:util';
import type { Locale } from '../../content/i18n/index.ts';
import type { FileReport } from './runner.ts';

type Style = Parameters<typeof styleText>[0];

export interface Totals {
	errors: number;
	warnings: number;
	fixableErrors: number;
	fixableWarnings: number;
}

export function totals(reports: readonly FileReport[]): Totals {
	const all = reports.flatMap((report) => report.messages);
	const count = (severity: string, fixable: boolean) => all.filter((m) => m.severity === severity && (!fixable || m.fix)).length;
	return {
		errors: count('error', false),
		warnings: count('warn', false),
		fixableErrors: count('error', true),
		fixableWarnings: count('warn', true),
	};
}

export function stylish(reports: readonly FileReport[], locale: Locale, color = false): string {
	const { t } = locale;
	const paint = (style: Style, text: string) => (color ? styleText(style, text, { validateStream: false }) : text);
	const lines: string[] = [];
	for (const report of reports) {
		if (report.messages.length === 0) continue;
		const rows = report.messages.map((m) => ({
			where: `${report.file}:${m.line}:${m.column}`,
			error: m.severity === 'error',
			severity: t(m.severity === 'error' ? 'lint.severity.error' : 'lint.severity.warning'),
			rule: m.ruleId,
			text: m.suggestion ? `${m.message} (${m.suggestion})` : m.message,
		}));
		const width = (key: 'where' | 'severity' | 'rule') => Math.max(...rows.map((row) => row[key].length));
		lines.push('', paint('underline', report.file));
		for (const row of rows) {
			const severity = paint(row.error ? 'red' : 'yellow', row.severity.padEnd(width('severity')));
			lines.push(`  ${row.where.padEnd(width('where'))}  ${severity}  ${paint('dim', row.rule.padEnd(width('rule')))}  ${row.text}`);
		}
	}
	const sum = totals(reports);
	const problems = sum.errors + sum.warnings;
	if (problems === 0) return `${paint('green', '✔')} ${t('lint.clean', { count: reports.length })}\n`;
	lines.push(
		'',
		paint(
			sum.errors ? 'red' : 'yellow',
			`✖ ${t('lint.summary', { problems: t('lint.problems', { count: problems }), errors: t('lint.errors', { count: sum.errors }), warnings: t('lint.warnings', { count: sum.warnings }) })}`,
		),
	);
	if (sum.fixableErrors + sum.fixableWarnings > 0) {
		lines.push(
			`  ${t('lint.fixable', { errors: t('lint.errors', { count: sum.fixableErrors }), warnings: t('lint.warnings', { count: sum.fixableWarnings }) })}`,
		);
	}
	return `${lines.join('\n')}\n`;
}

/** ESLint's JSON formatter shape (`severity` 1 is a warning, 2 an error), so existing tools read it. */
export function json(reports: readonly FileReport[]): string {
	return JSON.stringify(
		reports.map((report) => {
			const sum = totals([report]);
			return {
				filePath: report.path,
				messages: report.messages.map(({ fix, severity, ...m }) => ({
					...m,
					severity: severity === 'error' ? 2 : 1,
					fixable: fix !== undefined,
				})),
				errorCount: sum.errors,
				warningCount: sum.warnings,
				fixableErrorCount: sum.fixableErrors,
				fixableWarningCount: sum.fixableWarnings,
			};
		}),
	);
}
