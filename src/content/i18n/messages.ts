/**
 * The shape of a dictionary. A message is a string with `{name}` placeholders, or, where it counts
 * something, one string per plural category of `Intl.PluralRules` (`other` is always there), chosen
 * by the `count` value.
 */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;

/** Placeholders in a message: `{count}`, `{title}`. */
const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders a message uses, across all its plural forms, sorted. */
export function placeholders(message: Message): string[] {
	const texts = typeof message === 'string' ? [message] : Object.values(message);
	const names = new Set(texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!)));
	return [...names].sort();
}

/** Fills `{name}` placeholders; a placeholder with no value is left as it is, so the gap shows. */
export function fill(text: string, values: Readonly<Record<string, string | number>>, format: (n: number) => string): string {
	return text.replace(PLACEHOLDER, (whole, name: string) => {
		const value = values[name];
		if (value === undefined) return whole;
		return typeof value === 'number' ? format(value) : value;
	});
}

/**
 * A message split at its placeholders, for templates that put markup (a link, a date) where a
 * placeholder stands: `["Write to ", { slot: "editors" }, "."]`.
 */
export type MessagePart = string | { slot: string };

export function splitMessage(text: string): MessagePart[] {
	const parts: MessagePart[] = [];
	let last = 0;
	for (const match of text.matchAll(PLACEHOLDER)) {
		if (match.index > last) parts.push(text.slice(last, match.index));
		parts.push({ slot: match[1]! });
		last = match.index + match[0].length;
	}
	if (last < text.length) parts.push(text.slice(last));
	return parts;
}
