import { Identity, coversDivision } from '../../../infra/auth/identity';
import { ForbiddenError } from '../../../infra/errors';

/**
 * Street offices delimit property-management areas and keep the register of compounds in their own street (the
 * street office's role in the Beijing Property Management Regulation, see docs/domain.md); bureaus read what lies
 * in their jurisdiction. Property companies, courts and committees get
 * their narrower views through contracts and referrals, in later rules.
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
