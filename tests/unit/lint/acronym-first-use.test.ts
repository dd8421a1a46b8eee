import { describe, expect, it } from 'vitest';
import { initialsMatch } from '../../../src/tools/lint/rules/acronym-first-use';
import { paper, runRule } from './helpers';

describe('acronym-first-use', () => {
	it('passes an acronym spelled out on first use, either way round', () => {
		expect(runRule('acronym-first-use', paper('Our customer relationship management (CRM) system helps. The CRM is quick.'))).toEqual([]);
		expect(runRule('acronym-first-use', paper('The VPN (virtual private network) is quick. The VPN works.'))).toEqual([]);
		expect(runRule('acronym-first-use', paper('We use multi-factor authentication (MFA) for suppliers.'))).toEqual([]);
	});

	it('reports the first unexplained use only, at the acronym', () => {
		expect(runRule('acronym-first-use', paper('The CRM helps.\n\nThe CRM again.'))).toMatchObject([
			{ line: 10, column: 5, end: '10:8', message: '"CRM" is not spelled out where it first appears' },
		]);
	});

	it('does not accept brackets whose words do not match the letters', () => {
		expect(runRule('acronym-first-use', paper('Shops love it (CRM).'))).toHaveLength(1);
	});

	it('allows acronyms everyone knows, from the options', () => {
		expect(runRule('acronym-first-use', paper('The IT team in the UK.'))).toEqual([]);
		expect(runRule('acronym-first-use', paper('The VPN works.'), { options: { allow: ['VPN'] } })).toEqual([]);
	});

	it('reads the body only: titles cannot spell things out', () => {
		const source = paper('The customer relationship management (CRM) system.').replace(
			'Faster tills for every store',
			'A CRM for every store',
		);
		expect(runRule('acronym-first-use', source)).toEqual([]);
	});

	it('matches initials, skipping small words', () => {
		expect(initialsMatch('GDPR', 'the General Data Protection Regulation')).toBe(true);
		expect(initialsMatch('MFA', 'multi-factor authentication')).toBe(true);
		expect(initialsMatch('CRM', 'our shiny tool')).toBe(false);
	});
});
