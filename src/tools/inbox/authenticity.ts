/**
 * Whether the organisation's mail server vouches for a message's sender, as mature mail tools
 * decide it: from the `Authentication-Results` header (RFC 8601) that server adds, never from the
 * From address alone, which anyone can write. Pure: the header fields come in, a verdict goes out.
 *
 * Only the topmost header with the configured authserv-id is read. A sender can write any
 * header, that id included, but only below the ones servers add on the way in; a server should
 * also remove such forgeries (RFC 8601 section 5), and where it does not, they stay ignored.
 * Headers with another authserv-id (the sender's own server, a forwarder) are never read.
 *
 * Parsing is mailauth's (RFC 8601 grammar: comments, quoted strings), as is relaxed alignment by
 * Organizational Domain (the Public Suffix List), as DMARC defines it.
 */
import { getAlignment, parseDkimHeaders, type AuthResult, type ParsedAuthResults } from 'mailauth/lib/tools.js';
import type { Settings } from '../../content/schemas/settings';
import type { Locale } from '../../content/i18n/locale';

export type SenderCheck = NonNullable<Settings['inbox']>;

export type Verdict =
	/** Vouched for by the method named. */
	| { vouched: true; by: 'dmarc' | 'dkim' | 'spf' }
	/** `results` is what the server said (`dmarc=fail, spf=softfail`), absent when it said nothing. */
	| { vouched: false; results?: string };

/**
 * The authserv-id of an `Authentication-Results` field: its first word, after any comments, or a
 * quoted string. Undefined for a field that starts with a result instead (Microsoft 365 writes
 * no authserv-id), which then names no server at all.
 */
export function authservIdOf(field: string): string | undefined {
	const value = field.replace(/^[^:]*:/, '');
	let i = 0;
	for (let depth = 0; i < value.length; i++) {
		const c = value[i]!;
		if (c === '\\' && depth > 0) i++;
		else if (c === '(') depth++;
		else if (c === ')' && depth > 0) depth--;
		else if (depth === 0 && !/\s/.test(c)) break;
	}
	if (value[i] === '"') {
		const quoted = /^"((?:[^"\\]|\\.)*)"/s.exec(value.slice(i));
		return quoted?.[1]?.replace(/\\(.)/gs, '$1');
	}
	const token = /^[^\s;()"=]+/.exec(value.slice(i))?.[0];
	// `spf=pass …` is a result, not an id.
	return token === undefined || value[i + token.length] === '=' ? undefined : token;
}

/** The domain of an address, of `@domain` (DKIM's i=) or of a bare domain, lower case. */
function domainOf(identity: string | undefined): string | undefined {
	const domain = identity?.split('@').at(-1)?.trim().toLowerCase();
	return domain === '' ? undefined : domain;
}

const passed = (result: AuthResult | undefined) => result?.value?.toLowerCase() === 'pass';

/** What the server said, for the editor: `dmarc=fail, dkim=pass (header.d=gmail.example), spf=none`. */
function said(parsed: ParsedAuthResults): string {
	const results = [
		parsed.dmarc && `dmarc=${parsed.dmarc.value}`,
		...(parsed.dkim ?? []).map((dkim) => `dkim=${dkim.value}${dkim.header?.d ? ` (header.d=${dkim.header.d})` : ''}`),
		parsed.spf && `spf=${parsed.spf.value}${parsed.spf.smtp?.mailfrom ? ` (smtp.mailfrom=${parsed.spf.smtp.mailfrom})` : ''}`,
	].filter(Boolean);
	return results.length > 0 ? results.join(', ') : 'none';
}

/** The verdict on a message from `from`, given its `Authentication-Results` fields, topmost first. */
export function verdict(authResults: readonly string[], from: string, check: SenderCheck): Verdict {
	const server = check.authservId.toLowerCase();
	const field = authResults.find((line) => authservIdOf(line)?.toLowerCase() === server);
	if (field === undefined) return { vouched: false };
	const { parsed } = parseDkimHeaders(field);
	const domain = from.includes('@') ? domainOf(from) : undefined;
	const aligned = (identity: string | undefined) => {
		const other = domainOf(identity);
		return domain !== undefined && other !== undefined && getAlignment(domain, [other]) !== false;
	};
	// A DMARC pass is about the From domain the server read; one about another domain is not about this sender.
	const dmarcFrom = domainOf(parsed.dmarc?.header?.from);
	if (domain !== undefined && passed(parsed.dmarc) && (dmarcFrom === undefined || dmarcFrom === domain))
		return { vouched: true, by: 'dmarc' };
	if (check.require === 'aligned') {
		if (parsed.dkim?.some((dkim) => passed(dkim) && aligned(dkim.header?.d ?? dkim.header?.i))) return { vouched: true, by: 'dkim' };
		if (passed(parsed.spf) && aligned(parsed.spf?.smtp?.mailfrom ?? parsed.spf?.smtp?.helo)) return { vouched: true, by: 'spf' };
	}
	return { vouched: false, results: said(parsed) };
}

/** Why a message is not believed, in the hub's words, or undefined when its sender is vouched for. */
export function senderDoubt(
	message: { from: string; authResults: readonly string[] },
	check: SenderCheck,
	words: Locale,
): string | undefined {
	const result = verdict(message.authResults, message.from, check);
	if (result.vouched) return undefined;
	const values = { server: check.authservId, from: message.from || '<>' };
	if (result.results === undefined) return words.t('cli.inbox.unvouched', values);
	const domain = domainOf(message.from) ?? '?';
	const needs = words.t(check.require === 'dmarc' ? 'cli.inbox.needsDmarc' : 'cli.inbox.needsAligned', { domain });
	return words.t('cli.inbox.unvouchedSaid', { ...values, results: result.results, needs });
}
