import { z } from 'astro/zod';
import { calendarDate, email, urlSafeId } from './common';
import { says } from '../zod-problems';

/**
 * A key contact who asked to receive the hub's writing by email (`content/contacts.yaml`). The
 * file is never published: no address, and no name that appears only there, reaches the site.
 */
export const contactSchema = z.strictObject({
	/** Full name, as the greeting and the To line show it. */
	name: z.string().min(2),
	/** Work email; each message goes to this address alone. Unique across the file (any case). */
	email,
	/** Segment ids (files in `content/segments/`) whose papers, case studies and issues they get; at least one. */
	segments: z.array(urlSafeId('segment')).min(1, says('problem.contact.segments')),
	/** The day they joined the list. */
	joined: calendarDate,
	/** How they asked, in a few words, e.g. "asked after the CRM paper". */
	asked: z.string().min(3, says('problem.contact.asked')),
	/** `true` when they agreed to say whether what they get is useful; their messages end with a one-line ask. Default: `false`. */
	feedback: z.boolean().default(false),
	/** The day they left the list; from then on nothing is sent to them. They stay in the file, so the list's growth can be charted. */
	left: calendarDate.optional(),
});

/** The contacts file: one list under `contacts:`. */
export const contactsFileSchema = z.strictObject({
	contacts: z.array(contactSchema).default([]),
});

export type Contact = z.infer<typeof contactSchema>;
