/**
 * Messages as a reader's mail client sends them after a click on one of the hub's `mailto:` links:
 * the link's address, Cc, subject and body, then what the reader typed, in the shapes Outlook and
 * Gmail produce (reply prefixes, quoted-printable or base64, HTML with or without a plain part,
 * a signature and quoted history). Built with nodemailer's composer, so the MIME is real.
 */
import MailComposer from 'nodemailer/lib/mail-composer';

export type ClientStyle = 'outlook' | 'gmail' | 'html-only' | 'plain';

export interface Reply {
	from: string;
	name?: string;
	/** What the reader typed above the prefilled text. */
	says?: string;
	style?: ClientStyle;
	/** Put before the subject, e.g. "Re: " or "AW: ". */
	prefix?: string;
	/** Replaces the link's subject (a reader who rewrote it, keeping the tag). */
	subject?: string;
	messageId?: string;
	date?: Date;
	/** Padding added as an attachment, to make a large message. */
	attachmentBytes?: number;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (text: string) =>
	text
		.split('\n')
		.map((line) => `<p>${escape(line) || '<br>'}</p>`)
		.join('');

/** The raw message a click on `link`, then typing and Send, would deliver. */
export async function replyTo(link: string, reply: Reply): Promise<Buffer> {
	const url = new URL(link);
	const to = decodeURIComponent(url.pathname);
	const cc = url.searchParams.get('cc') ?? undefined;
	const subject = `${reply.prefix ?? ''}${reply.subject ?? url.searchParams.get('subject') ?? ''}`;
	const prefilled = url.searchParams.get('body') ?? '';
	const style = reply.style ?? 'plain';
	const typed = [reply.says ?? '', prefilled].filter(Boolean).join('\n\n');
	const signature = `${reply.name ?? reply.from}\nNorthwind Outfitters · Head office\n+44 20 7946 0000`;
	const earlier = 'Position paper: Cutting cloud spend\nThe hub sent this because you follow Finance.';
	const text =
		style === 'outlook'
			? `${typed}\n\nKind regards,\n${signature}\n\n________________________________\nFrom: The IT editors <${to}>\nSent: Tuesday, 3 November 2026 09:12\nTo: ${reply.from}\nSubject: ${subject}\n\n${earlier}\n`
			: `${typed}\n\n-- \n${signature}\n\nOn Tue, 3 Nov 2026 at 09:12, The IT editors <${to}> wrote:\n${earlier.replace(/^/gm, '> ')}\n`;
	const html =
		style === 'gmail' || style === 'html-only'
			? `<div dir="ltr">${paragraphs(typed)}<div class="gmail_signature">${paragraphs(signature)}</div></div><br><div class="gmail_quote"><div class="gmail_attr">On Tue, 3 Nov 2026 at 09:12, The IT editors &lt;${escape(to)}&gt; wrote:</div><blockquote class="gmail_quote">${paragraphs(earlier)}</blockquote></div>`
			: style === 'outlook'
				? `<html><body><div>${paragraphs(typed)}</div><div>${paragraphs(`Kind regards,\n${signature}`)}</div><hr><div id="divRplyFwdMsg"><b>From:</b> The IT editors<br><b>Sent:</b> Tuesday, 3 November 2026 09:12<br><b>Subject:</b> ${escape(subject)}</div><div>${paragraphs(earlier)}</div></body></html>`
				: undefined;
	const composer = new MailComposer({
		from: reply.name ? { name: reply.name, address: reply.from } : reply.from,
		to,
		cc,
		subject,
		messageId: reply.messageId,
		date: reply.date ?? new Date('2026-11-03T10:00:00Z'),
		text: style === 'html-only' ? undefined : text,
		html,
		// Outlook sends quoted-printable, Gmail base64.
		textEncoding: style === 'gmail' ? 'base64' : 'quoted-printable',
		attachments: reply.attachmentBytes ? [{ filename: 'scan.pdf', content: Buffer.alloc(reply.attachmentBytes, 7) }] : undefined,
	});
	return composer.compile().build();
}
