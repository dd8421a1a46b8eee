/**
 * A ballot as an email: the model `src/outputs/email/ballot.ts` composes from. The build writes
 * the two parts at `paths.ballot(id)` (`ballots/<id>/email.html`, `email.txt`) while it is
 * open, and `npm run send -- ballot <segment>` sends them, so the figures are the published ones.
 * Pure: the hub comes in as an argument.
 */
import { referenced } from '../checks/references';
import { accentHex } from '../content/brand';
import { pickLink, questionLink } from '../content/mailto';
import { absoluteUrl, paths } from '../content/paths';
import { ballotName, type HubBallot } from '../hub/ballots';
import type { Hub } from '../hub/hub';
import { summariseMetric } from '../hub/metrics';
import { numberWord } from '../content/format';
import type { EmailBallot } from './email/ballot';
import type { EmailLogo } from './email/model';

export function ballotEmailModel(
	hub: Pick<Hub, 'settings' | 'locale' | 'segments' | 'metrics'>,
	ballot: HubBallot,
	context: { site: URL | string; base: string; logo?: EmailLogo | undefined },
): EmailBallot {
	const url = (path: string) => absoluteUrl(context.site, context.base, path);
	const where = (field: string) => ({ file: ballot.file, field });
	const segment = referenced(
		hub.segments.find((s) => s.id === ballot.segment),
		where('segment'),
		{ collection: 'segments', id: ballot.segment },
	).data.name;
	const metrics = new Map(hub.metrics.map((metric) => [metric.id, metric]));
	return {
		locale: hub.locale,
		language: hub.locale.language,
		hubTitle: hub.settings.title,
		title: hub.locale.t('ballot.email.title', { picks: numberWord(hub.locale, hub.settings.criticalLimit), segment }),
		segment,
		name: ballotName(hub.locale, ballot),
		opens: ballot.opens,
		closes: ballot.closes,
		picks: hub.settings.criticalLimit,
		// The checks made sure every candidate is a published metric.
		candidates: ballot.candidates.map((id, index) => {
			const metric = referenced(metrics.get(id), where(`candidates[${index}]`), { collection: 'metrics', id });
			const summary = summariseMetric(hub.locale, metric.entry.data, hub.settings.atRiskTolerance);
			return {
				title: metric.title,
				translation: metric.entry.data.translation,
				figure:
					summary.target === undefined
						? hub.locale.t('ballot.email.figure', { value: summary.value, when: summary.when })
						: hub.locale.t('ballot.email.figureTarget', { value: summary.value, when: summary.when, target: summary.target }),
				url: url(metric.path),
				pick: pickLink(hub.locale, hub.settings.editors.email, ballot.id, { id, title: metric.title }),
			};
		}),
		url: url(paths.segment(ballot.segment)),
		homeUrl: url(paths.home()),
		subscribeUrl: url(paths.subscribe()),
		editors: hub.settings.editors,
		// No "Was this useful?": a ballot is no entry; but every email the hub sends invites questions.
		replies: { question: questionLink(hub.locale, hub.settings.editors.email, { id: ballot.segment, name: segment }) },
		accent: accentHex(hub.settings.accent),
		logo: context.logo,
	};
}
