import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { campaignFields } from './base';
import { calendarDate, languageTag, text } from './common';
import { says } from '../zod-problems';

/** An optional one-line blurb that replaces the item's summary in this issue. */
const blurb = text(5).optional();

/** One item of an issue: exactly one of `paper`, `caseStudy`, `metric` or `campaign`, plus an optional blurb. A campaign shows its progress as of the date. */
export const newsletterItemSchema = z.union(
	[
		z.strictObject({ paper: reference('papers'), blurb }),
		z.strictObject({ caseStudy: reference('case-studies'), blurb }),
		z.strictObject({ metric: reference('metrics'), blurb }),
		z.strictObject({ campaign: reference('campaigns'), blurb }),
	],
	says('problem.newsletter.item'),
);

/** A newsletter issue: a short editor's intro (the MDX body) and an ordered list of items. */
export const newsletterSchema = z.object({
	/** Issue number, unique across the hub; the issue lives at `/newsletter/<number>/`. */
	number: z.number().int().positive(),
	/** Title of the issue, used as the email subject. */
	title: text(5),
	/** Date of the issue; issues dated after the build are not published yet. */
	date: calendarDate,
	/** One sentence shown as the email preheader and in the archive. */
	summary: text(10),
	/** The items, in the order readers see them. */
	items: z.array(newsletterItemSchema).min(1, says('problem.newsletter.items')),
	/** Language of the issue when it is not the hub's, e.g. `de`; set on its page and its email. Default: the hub's. */
	lang: languageTag.optional(),
	/** `true` keeps the issue out of every output of a production build. Default: `false`. */
	draft: z.boolean().default(false),
	...campaignFields,
});

interface Ref {
	collection: string;
	id: string;
}

/** The entry an issue's item features, whichever field names it. */
export const itemRef = (item: { paper: Ref } | { caseStudy: Ref } | { metric: Ref } | { campaign: Ref }): Ref =>
	'paper' in item ? item.paper : 'caseStudy' in item ? item.caseStudy : 'metric' in item ? item.metric : item.campaign;
