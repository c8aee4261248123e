import { InvalidInputError } from '../../../kernel/errors';

/**
 * The administrative hierarchy the hub routes by: district (区, 6-digit GB/T 2260 code) → street (街道, 9 digits)
 * → community (社区, 12 digits). A child's code extends its parent's, so jurisdiction checks are prefix checks.
 */
export const DIVISION_LEVELS = ['DISTRICT', 'STREET', 'COMMUNITY'] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

const LENGTH: Record<DivisionLevel, number> = { DISTRICT: 6, STREET: 9, COMMUNITY: 12 };
const PARENT: Record<DivisionLevel, number | undefined> = { DISTRICT: undefined, STREET: 6, COMMUNITY: 9 };

export function levelOfCode(code: string): DivisionLevel | undefined {
  return DIVISION_LEVELS.find((level) => /^[0-9]+$/.test(code) && code.length === LENGTH[level]);
}

export function parentCodeOf(code: string): string | undefined {
  const level = levelOfCode(code);
  const parentLength = level && PARENT[level];
  return parentLength ? code.slice(0, parentLength) : undefined;
}

export function validateDivision(input: { code: string; name: string }): {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode?: string;
} {
  const level = levelOfCode(input.code);
  const name = input.name.trim();
  const problems: Record<string, string> = {};
  if (!level) problems.code = 'code must have 6 (district), 9 (street) or 12 (community) digits';
  if (name.length === 0 || name.length > 100) problems.name = 'name must have 1 to 100 characters';
  if (Object.keys(problems).length > 0) throw new InvalidInputError('The division is invalid', { fields: problems });
  return { code: input.code, name, level: level!, parentCode: parentCodeOf(input.code) };
}
