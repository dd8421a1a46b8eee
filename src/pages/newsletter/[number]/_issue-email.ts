/**
 * Shared by the three endpoints beside an issue's page: each writes one form of the same email,
 * so the email is composed once per issue and build.
 */
import type { APIContext, GetStaticPaths } from 'astro';
import { composeIssueEmail, type IssueEmail } from '../../../outputs/email';
import { entryHtml } from '../../../outputs/entry-html';
import { perBuild } from '../../../hub/memo';
import { loadHub, type NewsletterItem } from '../../../hub/hub';
import { issueEmailModel, issueEntries } from '../../../outputs/newsletters';
import { withKeys } from '../../../hub/route-key';
import { emailLogo } from '../../../outputs/email-logo';

export interface Props {
	issue: NewsletterItem;
}

/**
 * Every issue with a page; each path keyed (`src/hub/route-key.ts`) by what its email is made from:
 * the issue, the entries it features, the site, the base and the logo.
 */
export const getStaticPaths = (async () => {
	const hub = await loadHub();
	const site = import.meta.env.SITE;
	const base = import.meta.env.BASE_URL;
	const logo = await emailLogo(hub.settings, site, base);
	return withKeys(
		hub,
		hub.newsletters.map((issue) => ({
			params: { number: String(issue.number) },
			props: { issue },
			shows: { whole: [issue], listed: issueEntries(hub, issue).map(({ item }) => item), also: { site, base, logo } },
		})),
	);
}) satisfies GetStaticPaths;

/** The issue's email, for the endpoint answering `context`: composed once per issue and build. */
export function issueEmail(context: APIContext<Props>): Promise<IssueEmail> {
	const { issue } = context.props;
	// `site` is set in astro.config.mjs: email links must be absolute.
	const site = context.site!;
	const base = import.meta.env.BASE_URL;
	return perBuild(`issue-email ${issue.number} ${site.href} ${base}`, async () => {
		const hub = await loadHub();
		const introHtml = entryHtml(hub, issue.entry, { site, base, path: issue.path });
		const logo = await emailLogo(hub.settings, site, base);
		return composeIssueEmail(issueEmailModel(hub, issue, { site, base, introHtml, logo }));
	});
}
