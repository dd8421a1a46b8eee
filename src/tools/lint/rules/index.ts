import type { Rule } from '../types.ts';
import { acronymFirstUse } from './acronym-first-use.ts';
import { audienceFit } from './audience-fit.ts';
import { businessName } from './business-name.ts';
import { businessValue } from './business-value.ts';
import { campaignOrder } from './campaign-order.ts';
import { glossary } from './glossary.ts';
import { headingLevels } from './heading-levels.ts';
import { imageAlt } from './image-alt.ts';
import { paperLength } from './paper-length.ts';
import { placeholder } from './placeholder.ts';
import { readabilityRule } from './readability.ts';

/** Every content rule, in the order docs/writing.md documents them. */
export const RULES: readonly Rule[] = [
	paperLength,
	businessValue,
	glossary,
	acronymFirstUse,
	readabilityRule,
	imageAlt,
	headingLevels,
	placeholder,
	campaignOrder,
	businessName,
	audienceFit,
] as Rule[];
