import type { Locale } from '../content/i18n';
import type { Settings } from '../content/schemas/settings';

/** A mail to the editors asking to join the newsletter list, ready to send. */
export function newsletterRequest(locale: Locale, settings: Pick<Settings, 'title' | 'editors'>): string {
	const subject = encodeURIComponent(locale.t('mailto.newsletter.subject', { hub: settings.title }));
	const body = encodeURIComponent(locale.t('mailto.newsletter.body'));
	return `mailto:${settings.editors.email}?subject=${subject}&body=${body}`;
}
