/**
 * Shared by the endpoints of an open ballot (`ballots/<id>/email.html`, `email.txt`): the ballot
 * as the email `npm run send -- ballot <segment>` sends. Only open ballots are written: a closed
 * one can no longer be sent.
 */
import type { APIContext } from 'astro';
import { perBuild } from '../hub/memo';
import { loadHub, type Hub } from '../hub/hub';
import type { HubBallot } from '../hub/ballots';
import { ballotEmailModel } from '../outputs/ballot-email';
import { renderBallotHtml, renderBallotText, type EmailBallot } from '../outputs/email/ballot';
import { emailLogo } from '../outputs/email-logo';

export interface Props {
	ballot: HubBallot;
}

function emailModel(hub: Hub, ballot: HubBallot): Promise<EmailBallot> {
	const site = import.meta.env.SITE;
	const base = import.meta.env.BASE_URL;
	return perBuild(`ballot-email-model ${ballot.id} ${site} ${base}`, async () =>
		ballotEmailModel(hub, ballot, { site, base, logo: await emailLogo(hub.settings, site, base) }),
	);
}

export async function ballotEmailPaths() {
	const hub = await loadHub();
	return hub.ballots.filter((ballot) => ballot.open).map((ballot) => ({ params: { id: ballot.id }, props: { ballot } }));
}

const model = async (context: APIContext<Props>) => emailModel(await loadHub(), context.props.ballot);

export const htmlResponse = async (context: APIContext<Props>) =>
	new Response(renderBallotHtml(await model(context)), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });

export const textResponse = async (context: APIContext<Props>) =>
	new Response(renderBallotText(await model(context)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
