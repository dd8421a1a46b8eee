import { z } from 'astro/zod';
import { email, languageTag, text } from './common';
import { says } from '../zod-problems';

/** Hub-wide settings, from `content/hub.yaml`. */
export const settingsSchema = z.object({
	/** The hub's name, shown in the header, page titles and feed titles. */
	title: text(2),
	/** One line under the name on the home page and in the all-content feed's description. */
	tagline: text(10),
	/** The company the hub belongs to, e.g. "Northwind Outfitters". */
	organisation: text(2),
	/** Language of the content, as a BCP 47 tag. Default: `en-GB`. */
	language: languageTag.default('en-GB'),
	/** Who edits the hub and the newsletter: readers write here to join the list. */
	editors: z.object({
		/** Name shown to readers, e.g. "The IT editors". */
		name: text(2),
		/** Mailbox of the editors. */
		email,
	}),
	/**
	 * The organisation's mail domains, e.g. `[northwind.example, northwind-retail.example]`
	 * (subdomains count too). `npm run inbox` takes feedback, questions and picks only from
	 * these, and leaves a list request from elsewhere pending with the reason. Default: the
	 * domain of the editors' address.
	 */
	domains: z
		.array(z.string().regex(/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i, says('problem.settings.domain')))
		.optional(),
	/**
	 * Whom `npm run inbox` believes a message is from. Without it, the From address is taken at its
	 * word (any sender can forge it). With it, a message counts only when the organisation's mail
	 * server vouches for its sender in an `Authentication-Results` header (RFC 8601) with this
	 * `authservId`; anything else waits in "Hourglass/Needs a look" (docs/operating.md, "Trusting
	 * the sender"). Default: none.
	 */
	inbox: z
		.object({
			/** The name the server writes first in its `Authentication-Results` header, e.g. `mail.northwind.example`. */
			authservId: z.string().regex(/^[^\s;()"\\]+$/, says('problem.settings.authservId')),
			/**
			 * `aligned`: a DMARC pass, or a DKIM or SPF pass for the From address's domain (what DMARC
			 * itself checks; also for senders whose domain publishes no DMARC policy). `dmarc`: a DMARC
			 * pass only. Default: `aligned`.
			 */
			require: z.enum(['aligned', 'dmarc']).default('aligned'),
		})
		.strict()
		.optional(),
	/**
	 * The hub's accent colour (links, buttons, the chart line), one per colour scheme, as any CSS
	 * colour. Each must keep 4.5:1 contrast on its scheme's backgrounds (WCAG AA); the build says
	 * which background fails. Default: the Hourglass blue.
	 */
	accent: z
		.object({
			/** On the light scheme's white page. */
			light: z.string(),
			/** On the dark scheme's near-black page. */
			dark: z.string(),
		})
		.default({ light: '#0b5cad', dark: '#7cb7f2' }),
	/** The organisation's logo: an SVG file in the content folder, shown beside the hub's name on every page and in email. Default: none. */
	logo: z.string().optional(),
	/** How many of the newest entries each feed carries; 0 carries every entry. Readers show the newest anyway, and a complete feed of thousands of papers runs to tens of megabytes that Outlook downloads on every refresh. Default: 50. */
	feedLimit: z.number().int().min(0).default(50),
	/** How many critical metrics a segment's focus group may choose (`critical` in metric files); more fails the build. Default: 3. */
	criticalLimit: z.number().int().min(1).default(3),
	/** How close to its target a metric counts as "at risk", in typical moves between two readings (see `metricStatus` in src/hub/metrics.ts). Default: 1. */
	atRiskTolerance: z.number().min(0).default(1),
	/** `true` shows "Useful to 9 of 11 colleagues who answered" on published papers and case studies, from the inbox's yes and no counts (never who said what). Default: `false`. */
	usefulCounts: z.boolean().default(false),
});

export type Settings = z.infer<typeof settingsSchema>;
