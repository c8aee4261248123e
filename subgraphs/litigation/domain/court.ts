import { Identity } from '../../../kernel/identity';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';

/**
 * A court that receives referrals through the green channel. Its province decides the small-claims threshold
 * (Civil Procedure Law art. 165: 50% of the province's previous-year average annual wage).
 */
export interface CourtRegistration {
  courtId: string;
  name: string;
  provinceCode: string;
}

export function validateCourtRegistration(input: CourtRegistration): CourtRegistration {
  const problems: Record<string, string> = {};
  const courtId = input.courtId.trim();
  const name = input.name.trim();
  if (!/^[A-Za-z0-9._-]{3,64}$/.test(courtId))
    problems.courtId = 'court id must be 3-64 letters, digits, dot, dash or underscore';
  if (name.length === 0 || name.length > 200) problems.name = 'name must have 1 to 200 characters';
  if (!/^[0-9]{2}0000$/.test(input.provinceCode))
    problems.provinceCode = 'province code must be a 6-digit GB/T 2260 province code, e.g. 330000';
  if (Object.keys(problems).length > 0)
    throw new InvalidInputError('The court registration is invalid', { fields: problems });
  return { courtId, name, provinceCode: input.provinceCode };
}

/** Courts are onboarded by the hub's administrators, never by a party to a case. */
export function assertMayRegisterCourt(identity: Identity): void {
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only hub administrators register courts');
}
