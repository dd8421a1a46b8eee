/**
 * Restore tiers: the order IT brings systems back after an outage. Each tier promises a system back
 * within a time; a system's tier follows from the shortest time anyone who depends on it can wait,
 * unless the list sets it. Setting it faster than the waits need is fine (the network serves
 * everything); setting it slower than someone can wait is a contradiction the checks refuse.
 */
import { durationPhrase, HOUR } from './duration';
import type { Locale } from './i18n/locale';
import { phrase, type Phrase } from './problems';

export const TIER_IDS = [1, 2, 3, 4] as const;
export type Tier = (typeof TIER_IDS)[number];

export interface TierInfo {
	tier: Tier;
	/** The promise: back within this long after it stops (milliseconds). */
	within: number;
}

export const TIERS: Record<Tier, TierInfo> = {
	1: { tier: 1, within: HOUR },
	2: { tier: 2, within: 4 * HOUR },
	3: { tier: 3, within: 24 * HOUR },
	4: { tier: 4, within: 72 * HOUR },
};

/** The slowest tier that still keeps the promise to the one who can wait least (tier 1 if none can). */
export function tierForWait(shortestWait: number): Tier {
	return [...TIER_IDS].reverse().find((tier) => TIERS[tier].within <= shortestWait) ?? 1;
}

/** "Tier 2: back within 4 hours", in the hub's language. */
export const tierName = (locale: Locale, tier: Tier): string => locale.t('tier.name', { tier, promise: locale.t(`tier.${tier}`) });

/** Why a set tier contradicts the waits, after "expected", or undefined when it does not. */
export function tierContradiction(tier: Tier, shortestWait: number): Phrase | undefined {
	const needed = tierForWait(shortestWait);
	if (tier <= needed) return undefined;
	return phrase('problem.system.tierContradiction', {
		needed: String(needed),
		wait: durationPhrase(shortestWait),
		tier: String(tier),
		within: durationPhrase(TIERS[tier].within),
	});
}

/** A system's tier: as the list sets it, or from the shortest wait of those who depend on it. */
export function tierOf(system: { restore: { tier?: Tier | undefined }; dependents: readonly { wait: number }[] }): Tier {
	return system.restore.tier ?? tierForWait(shortestWait(system));
}

/** How long the one who can wait least can wait. */
export const shortestWait = (system: { dependents: readonly { wait: number }[] }): number =>
	Math.min(...system.dependents.map((dependent) => dependent.wait));
