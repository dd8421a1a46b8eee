/**
 * A system as an email (`npm run send -- system <id>`): the same frame as a paper, with the system's
 * page in words for its body. Pure: the hub comes in as an argument.
 */
import { accentHex } from '../content/brand';
import { formatDuration } from '../content/duration';
import { escapeHtml as escape } from '../content/email-files';
import type { Locale } from '../content/i18n';
import { absoluteUrl, paths } from '../content/paths';
import { tierName } from '../content/tiers';
import type { Hub, SystemItem } from '../hub/hub';
import type { EmailLogo } from './email/model';
import type { EmailWriting } from './email/writing';

/** What happens when it stops, for the "Why it matters to the business" panel: the one who can wait least. */
export function systemStakes(system: Pick<SystemItem, 'dependents'>): string {
	const first = system.dependents[0]!;
	const cost = first.costPerHour ? ` An hour down costs ${first.costPerHour}.` : '';
	return `${first.name} can wait ${formatDuration(first.wait)}; then: ${first.stops}${cost}`;
}

/**
 * The system's page in words, as email-safe HTML with absolute links. Feeds leave its incidents
 * out: an incident is news on the system's page and in its email, never a feed item.
 */
export function systemBodyHtml(
	locale: Locale,
	system: SystemItem,
	url: (path: string) => string,
	{ incidents: withIncidents = true } = {},
): string {
	const formatDate = (date: Date) => locale.date(date);
	const back = system.restore ? ` After a site-wide outage it is back after ${formatDuration(system.restore.back)}.` : '';
	const dependents = system.dependents.map((dependent) => {
		const who = dependent.segment
			? `<a href="${escape(url(paths.segment(dependent.segment)))}">${escape(dependent.name)}</a>`
			: escape(dependent.name);
		const cost = dependent.costPerHour ? ` An hour down costs ${escape(dependent.costPerHour)}.` : '';
		return `<li><strong>${who}</strong> can wait ${formatDuration(dependent.wait)}. What stops first: ${escape(dependent.stops)}${cost}</li>`;
	});
	const changes = system.changes.map(
		(change) => `<li>${formatDate(change.date)}: from tier ${change.from} to tier ${change.to}. ${escape(change.why)}</li>`,
	);
	const incidents = (withIncidents ? system.incidents : []).map(
		(incident) => `<li>${formatDate(incident.date)}, for ${formatDuration(incident.lasted)}: ${escape(incident.felt)}</li>`,
	);
	return [
		`<p><strong>${escape(tierName(system.tier))}.</strong>${back}</p>`,
		`<h2>Who cannot work without it</h2><ul>${dependents.join('')}</ul>`,
		...(changes.length > 0 ? [`<h2>Changes to its restore tier</h2><ul>${changes.join('')}</ul>`] : []),
		...(incidents.length > 0 ? [`<h2>When it stopped</h2><ul>${incidents.join('')}</ul>`] : []),
		`<p>IT calls it ${escape(system.technical)}.</p>`,
	].join('\n');
}

export function systemEmailModel(
	hub: Pick<Hub, 'settings' | 'locale'>,
	system: SystemItem,
	context: { site: URL | string; base: string; logo?: EmailLogo | undefined },
): EmailWriting {
	const url = (path: string) => absoluteUrl(context.site, context.base, path);
	return {
		locale: hub.locale,
		language: hub.locale.language,
		hubTitle: hub.settings.title,
		kind: hub.locale.t('kind.system'),
		title: system.name,
		date: system.date,
		summary: system.does,
		businessValue: systemStakes(system),
		bodyHtml: systemBodyHtml(hub.locale, system, url),
		author: { name: system.owner.data.name, role: system.owner.data.role },
		segments: [...new Set(system.dependents.map((dependent) => dependent.name))],
		url: url(system.path),
		homeUrl: url(paths.home()),
		subscribeUrl: url(paths.subscribe()),
		editors: hub.settings.editors,
		accent: accentHex(hub.settings.accent),
		logo: context.logo,
	};
}
