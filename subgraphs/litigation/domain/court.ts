import { PARTY_ID_PATTERN } from '../../../catalog';
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
  /** The GB/T 2260 districts (county level) whose property-fee cases it hears: its territory (art. 24). */
  districtCodes: string[];
}

/** A court's territory is a few districts: a basic court hears one, a railway or development-zone court a handful. */
export const MAX_COURT_DISTRICTS = 20;

export function validateCourtRegistration(input: CourtRegistration): CourtRegistration {
  const problems: Record<string, string> = {};
  const courtId = input.courtId.trim();
  const name = input.name.trim();
  // The court reports on its own topic, court.case-events.v1.<courtId>, and the hub takes a report only when the
  // courtId it names is that topic's: an id no topic can carry (upper case, dots, underscores, all allowed before)
  // registered a court that could never report over Kafka.
  if (!PARTY_ID_PATTERN.test(courtId))
    problems.courtId = "court id must be 2-63 lower-case letters, digits and hyphens (it names the court's topics)";
  if (name.length === 0 || name.length > 200) problems.name = 'name must have 1 to 200 characters';
  if (!/^[0-9]{2}0000$/.test(input.provinceCode))
    problems.provinceCode = 'province code must be a 6-digit GB/T 2260 province code, e.g. 330000';
  const territory = territoryProblem(input.districtCodes, input.provinceCode);
  if (territory !== null) problems.districtCodes = territory;
  if (Object.keys(problems).length > 0)
    throw new InvalidInputError('The court registration is invalid', { fields: problems });
  return { courtId, name, provinceCode: input.provinceCode, districtCodes: territoryOf(input.districtCodes) };
}

/** The territory a court of the province is given, sorted and without repeats; BAD_USER_INPUT when invalid. */
export function validateCourtTerritory(districtCodes: readonly string[], provinceCode: string): string[] {
  const problem = territoryProblem(districtCodes, provinceCode);
  if (problem !== null)
    throw new InvalidInputError('The court territory is invalid', { fields: { districtCodes: problem } });
  return territoryOf(districtCodes);
}

const territoryOf = (districtCodes: readonly string[]): string[] => [...new Set(districtCodes)].sort();

/** What is wrong with a territory, or null. */
function territoryProblem(districtCodes: readonly string[], provinceCode: string): string | null {
  const codes = territoryOf(districtCodes);
  if (codes.length === 0 || districtCodes.length > MAX_COURT_DISTRICTS)
    return `1-${MAX_COURT_DISTRICTS} district codes`;
  const wrong = codes.filter(
    (c) => !/^[0-9]{6}$/.test(c) || c.endsWith('00') || c.slice(0, 2) !== provinceCode.slice(0, 2),
  );
  if (wrong.length > 0)
    return `6-digit GB/T 2260 district (county-level) codes of the court's province, e.g. 110108; not ${wrong
      .slice(0, 3)
      .join(', ')}`;
  return null;
}

/**
 * The accounts whose area lies outside the court's territory, and their districts; null when all lie within it. A
 * referral of such an area goes to the court of its own district (COURT_TERRITORY_SOURCE).
 */
export function outsideTerritory(
  court: { districtCodes: readonly string[] },
  accounts: readonly { accountId: string; districtCode: string }[],
): { accountIds: string[]; districtCodes: string[] } | null {
  const outside = accounts.filter((a) => !court.districtCodes.includes(a.districtCode));
  if (outside.length === 0) return null;
  return {
    accountIds: outside.map((a) => a.accountId),
    districtCodes: [...new Set(outside.map((a) => a.districtCode))].sort(),
  };
}

/** Courts are onboarded by the hub's administrators, never by a party to a case. */
export function assertMayRegisterCourt(identity: Identity): void {
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only hub administrators register courts');
}
