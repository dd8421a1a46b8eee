/**
 * The two helpers of mailauth's `lib/tools.js` the inbox uses; the package types only its main
 * entry. Shapes as mailauth 7 returns them (lib/parse-dkim-headers.js, lib/tools.js).
 */
declare module 'mailauth/lib/tools.js' {
	/** One method's result in an Authentication-Results header: `value` is the result, then `ptype.property` values. */
	export interface AuthResult {
		value?: string;
		comment?: string;
		header?: Record<string, string | undefined>;
		smtp?: Record<string, string | undefined>;
	}
	/** An Authentication-Results header: `value` is what stands before the first `;` (the authserv-id and version). */
	export type ParsedAuthResults = { value?: string; dkim?: AuthResult[] } & Partial<Record<'spf' | 'dmarc', AuthResult>>;
	/** Parses a header field, `Authentication-Results: …` with the RFC 8601 grammar (comments, quoted strings). */
	export function parseDkimHeaders(line: string): { parsed: ParsedAuthResults };
	/** The first of `domains` whose Organizational Domain is `fromDomain`'s (relaxed DMARC alignment), or false. */
	export function getAlignment(fromDomain: string, domains: readonly string[], strict?: boolean): { domain: string } | false;
}
