/**
 * What a reply says, as a person wrote it: parsed with mailparser (quoted-printable, base64,
 * any charset), the plain text taken from an HTML-only message with html-to-text, and the
 * quoted history and signature cut off, as Outlook, Gmail and Apple Mail write them.
 */
import { createHash } from 'node:crypto';
import { convert } from 'html-to-text';
import { simpleParser, type AddressObject } from 'mailparser';

export interface ReadMessage {
	/** The Message-ID header; a message without one gets an id made from its content, the same on every run. */
	messageId: string;
	/** The Date header, or when the server received it. */
	date: Date;
	/** The sender's address (lower case) and name. */
	from: string;
	name?: string | undefined;
	subject: string;
	/** What the sender wrote, without quoted history or signature. */
	text: string;
	/** The `Authentication-Results` header fields as written, topmost (added last, by the nearest server) first. */
	authResults: string[];
}

/**
 * Lines that start what a client quotes under a reply: "On … wrote:", Outlook's header block and
 * separators, and their German and Swedish forms (the reply prefixes the tags survive).
 */
const QUOTE_STARTS = [
	/^>/,
	/^On .+wrote:\s*$/i,
	/^Am .+schrieb .+:\s*$/i,
	/^Den .+skrev .+:\s*$/i,
	/^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Ursprungligt meddelande|Forwarded message)\s*-{2,}/i,
	/^_{10,}\s*$/,
	/^(From|Von|Från):\s.+/i,
	/^Sent from my /i,
];

/** The signature delimiter "-- " and the sign-offs that start a signature when it has none. */
const SIGNATURE_STARTS = [
	/^-- ?$/,
	/^(kind |best |warm |many )?(regards|wishes|thanks),?$/i,
	/^(cheers|thanks|thank you|mit freundlichen grüßen|med vänliga hälsningar),?$/i,
];

/** What the sender wrote above the quoted history and their signature, trimmed. */
export function ownWords(text: string): string {
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	const own: string[] = [];
	for (const line of lines) {
		const trimmed = line.trim();
		if (QUOTE_STARTS.some((start) => start.test(trimmed))) break;
		// A sign-off ends what they wrote only after they wrote something.
		if (SIGNATURE_STARTS.some((start) => start.test(trimmed)) && own.some((kept) => kept.trim() !== '')) break;
		own.push(line);
	}
	return own.join('\n').trim();
}

/** Pictures, and the quoted history and signatures Gmail and Outlook mark in their HTML. */
const SKIPPED_HTML = ['img', 'blockquote', 'div.gmail_quote', 'div.gmail_signature', 'div#divRplyFwdMsg', 'div#appendonsend'];

/** An HTML body as plain text, without the quoted history Gmail and Outlook mark in the HTML. */
export function htmlText(html: string): string {
	return convert(html, {
		wordwrap: false,
		selectors: [{ selector: 'a', options: { ignoreHref: true } }, ...SKIPPED_HTML.map((selector) => ({ selector, format: 'skip' }))],
	});
}

const firstAddress = (from: AddressObject | undefined) => from?.value.find((address) => address.address);

/** Parses a whole message (its source, as IMAP FETCH gives it). */
export async function readMessage(source: Buffer | string, received?: Date): Promise<ReadMessage> {
	const mail = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
	const sender = firstAddress(mail.from);
	const body = mail.text?.trim() ? mail.text : typeof mail.html === 'string' ? htmlText(mail.html) : '';
	return {
		messageId: mail.messageId ?? `<${createHash('sha256').update(source).digest('hex').slice(0, 32)}@hourglass.invalid>`,
		date: mail.date ?? received ?? new Date(),
		from: (sender?.address ?? '').toLowerCase(),
		// An empty display name is no name.
		name: sender?.name === '' ? undefined : sender?.name,
		subject: mail.subject ?? '',
		text: ownWords(body),
		authResults: mail.headerLines.filter((header) => header.key === 'authentication-results').map((header) => header.line),
	};
}
