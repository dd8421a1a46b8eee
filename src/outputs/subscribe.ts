import type { Settings } from '../content/schemas/settings';

/** A mail to the editors asking to join the newsletter list, ready to send. */
export function newsletterRequest(settings: Pick<Settings, 'title' | 'editors'>): string {
	const subject = encodeURIComponent(`Please add me to the ${settings.title} newsletter`);
	const body = encodeURIComponent('Hello,\n\nPlease add me to the newsletter list.\n\nName:\nRole:\n');
	return `mailto:${settings.editors.email}?subject=${subject}&body=${body}`;
}
