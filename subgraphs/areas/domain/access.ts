import { Identity, coversDivision } from '../../../kernel/identity';
import { ForbiddenError } from '../../../kernel/errors';

/**
 * Street offices delimit property-management areas and keep the register of compounds in their own street (the
 * street office's role in the Beijing Property Management Regulation, see docs/domain.md); bureaus read what lies
 * in their jurisdiction. Property companies and courts get narrower views (ReadGrants): a company the areas it
 * serves under an accepted filing and their households, names masked; a court the households of cases referred to
 * it, with the owner's name, which the case needs.
 */
export function mayManageStreet(identity: Identity, streetCode: string): boolean {
  return identity.role === 'ADMIN' || (identity.role === 'STREET_OFFICE' && coversDivision(identity, streetCode));
}

export function assertMayManageStreet(identity: Identity, streetCode: string, what: string): void {
  if (!mayManageStreet(identity, streetCode)) throw new ForbiddenError(`Only the street office of this street may ${what}`);
}

export function mayReadStreet(identity: Identity, streetCode: string): boolean {
  return mayManageStreet(identity, streetCode) || (identity.role === 'CITY_BUREAU' && coversDivision(identity, streetCode));
}

/** Division-code prefixes whose rows an identity may read; undefined = none, [] = everything (admin). */
export function readableStreetPrefixes(identity: Identity): string[] | undefined {
  if (identity.role === 'ADMIN') return [];
  if (identity.role !== 'STREET_OFFICE' && identity.role !== 'CITY_BUREAU') return undefined;
  const prefixes = identity.jurisdictions.filter((j) => /^[0-9]+$/.test(j));
  return prefixes.length > 0 ? prefixes : undefined;
}

/** Areas and households granted beyond the street registers (see persistence/read-grants.repository.ts). */
export interface ReadGrants {
  areaIds: readonly string[];
  householdIds: readonly string[];
}

export function mayReadAreaGranted(identity: Identity, area: { id: string; streetCode: string }, grants: ReadGrants): boolean {
  return mayReadStreet(identity, area.streetCode) || grants.areaIds.includes(area.id);
}

export function mayReadHousehold(identity: Identity, household: { id: string; streetCode: string; areaId: string | null }, grants: ReadGrants): boolean {
  if (mayReadStreet(identity, household.streetCode)) return true;
  if (identity.role === 'PROPERTY_COMPANY') return household.areaId !== null && grants.areaIds.includes(household.areaId);
  if (identity.role === 'COURT') return grants.householdIds.includes(household.id);
  return false;
}

/** The owner's name in full for the managing street office and for a court the household's case was referred to. */
export function seesOwnerName(identity: Identity, household: { id: string; streetCode: string }, grants: ReadGrants): boolean {
  return mayManageStreet(identity, household.streetCode) || (identity.role === 'COURT' && grants.householdIds.includes(household.id));
}
