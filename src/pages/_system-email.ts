/**
 * Shared by the endpoints beside a system's page (`email.html`, `email.txt`): each listed system
 * as the email `npm run send -- system <id>` sends.
 */
import type { APIContext } from 'astro';
import { listedSystems, loadHub, type SystemItem } from '../hub/hub';
import { perBuild } from '../hub/memo';
import { emailLogo } from '../outputs/email-logo';
import type { EmailWriting } from '../outputs/email/writing';
import { renderWritingHtml, renderWritingText } from '../outputs/email/writing';
import { systemEmailModel } from '../outputs/system-email';

export interface Props {
	system: SystemItem;
}

const model = (context: APIContext<Props>): Promise<EmailWriting> => {
	const site = import.meta.env.SITE;
	const base = import.meta.env.BASE_URL;
	const { system } = context.props;
	return perBuild(`system-email-model ${system.id} ${site} ${base}`, async () => {
		const hub = await loadHub();
		return systemEmailModel(hub, system, { site, base, logo: await emailLogo(hub.settings, site, base) });
	});
};

/** Only listed systems: a draft, scheduled or archived system is never sent. */
export const systemEmailPaths = async () =>
	listedSystems(await loadHub()).map((system) => ({ params: { id: system.id }, props: { system } }));

export const htmlResponse = async (context: APIContext<Props>) =>
	new Response(renderWritingHtml(await model(context)), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });

export const textResponse = async (context: APIContext<Props>) =>
	new Response(renderWritingText(await model(context)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
