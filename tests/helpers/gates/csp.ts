import { createHash } from 'node:crypto';
import { parse } from 'node-html-parser';

/** A Content-Security-Policy as directive name → its sources. */
export type Policy = Map<string, string[]>;

/** Parses a policy as written in a header or meta tag: `default-src 'self'; script-src …`. */
export function parsePolicy(text: string): Policy {
	const policy: Policy = new Map();
	for (const directive of text.split(';')) {
		const [name, ...sources] = directive.trim().split(/\s+/);
		// The first occurrence of a directive wins, as in browsers.
		if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
	}
	return policy;
}

/** The sources that govern a kind of content, following CSP's fallback chain. */
function sourcesFor(policy: Policy, chain: readonly string[]): string[] | undefined {
	for (const name of chain) {
		const sources = policy.get(name);
		if (sources) return sources;
	}
	return undefined;
}

const SCRIPT_ELEMENTS = ['script-src-elem', 'script-src', 'default-src'];
const SCRIPT_ATTRIBUTES = ['script-src-attr', 'script-src', 'default-src'];
const STYLE_ELEMENTS = ['style-src-elem', 'style-src', 'default-src'];
const STYLE_ATTRIBUTES = ['style-src-attr', 'style-src', 'default-src'];

/** Whether inline code with this text may run: its hash is listed, or `'unsafe-inline'` applies. */
function allowsInline(sources: readonly string[] | undefined, text: string | undefined): boolean {
	if (!sources) return true;
	const hashes = sources.filter((source) => /^'sha(256|384|512)-/.test(source));
	// Browsers ignore 'unsafe-inline' once a hash or nonce is present.
	if (sources.includes("'unsafe-inline'") && hashes.length === 0 && !sources.some((source) => source.startsWith("'nonce-"))) return true;
	if (text === undefined) return false;
	return hashes.some((source) => {
		const [, algorithm, digest] = /^'(sha256|sha384|sha512)-(.+)'$/.exec(source) ?? [];
		return algorithm !== undefined && createHash(algorithm).update(text).digest('base64') === digest;
	});
}

/**
 * What a page ships that a strict Content-Security-Policy would block, or that makes the policy
 * not strict: no policy at all, `'unsafe-inline'`/`'unsafe-eval'` for scripts, inline scripts and
 * styles whose hash is not listed, event-handler and `style` attributes, `javascript:` URLs.
 * `headerPolicy` is what the web server adds; both policies must allow everything.
 */
export function cspProblems(html: string, headerPolicy?: string): string[] {
	const document = parse(html, { comment: false });
	const policies = document
		.querySelectorAll('meta')
		.filter((meta) => meta.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy')
		.map((meta) => parsePolicy(meta.getAttribute('content') ?? ''));
	if (headerPolicy) policies.push(parsePolicy(headerPolicy));
	if (policies.length === 0) return ['no Content-Security-Policy'];

	const problems = new Set<string>();
	for (const policy of policies) {
		const scripts = sourcesFor(policy, ['script-src', 'default-src']);
		if (!scripts) problems.add('no script-src or default-src: any script may run');
		for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'"]) if (scripts?.includes(unsafe)) problems.add(`script-src allows ${unsafe}`);

		for (const script of document.querySelectorAll('script:not([src])')) {
			const type = script.getAttribute('type');
			// JSON data blocks are not executed and not subject to script-src.
			if (type && type !== 'module' && !type.includes('javascript')) continue;
			if (!allowsInline(sourcesFor(policy, SCRIPT_ELEMENTS), script.rawText))
				problems.add(`inline script not allowed: ${script.rawText.trim().slice(0, 60)}`);
		}
		for (const style of document.querySelectorAll('style')) {
			if (!allowsInline(sourcesFor(policy, STYLE_ELEMENTS), style.rawText))
				problems.add(`inline <style> not allowed: ${style.rawText.trim().slice(0, 60)}`);
		}
		for (const element of document.querySelectorAll('*')) {
			for (const [name, value] of Object.entries(element.attributes)) {
				if (/^on/i.test(name) && !allowsInline(sourcesFor(policy, SCRIPT_ATTRIBUTES), undefined))
					problems.add(`event handler attribute ${name} on <${element.rawTagName}>`);
				if (name.toLowerCase() === 'style' && !allowsInline(sourcesFor(policy, STYLE_ATTRIBUTES), undefined))
					problems.add(`style attribute on <${element.rawTagName}>: ${value}`);
				if (/^\s*javascript:/i.test(value)) problems.add(`javascript: URL in ${name} on <${element.rawTagName}>`);
			}
		}
	}
	return [...problems];
}
