import { ForbiddenError } from '../../../kernel/errors';
import { Identity, coversDivision } from '../../../kernel/identity';

/**
 * Who reads what in arrears. A company reads and writes only the accounts it billed (its contracts' households);
 * the street office reads the accounts of its street, because it mediates them (seed 004's collection steps end
 * with mediation by the street office); bureaus read statistics of their jurisdiction only, never an account, so
 * no household's debts reach them; the admin reads everything. The litigation subgraph, acting on what a court
 * did with a referral, moves the one account the referral names, of the company that referred it, and reads nothing.
 */
export interface AccountPlace {
  companyId: string;
  streetCode: string;
  districtCode: string;
}

export function mayReadAccount(identity: Identity, account: AccountPlace): boolean {
  if (identity.role === 'ADMIN') return true;
  if (identity.role === 'PROPERTY_COMPANY') return identity.organisationId === account.companyId;
  if (identity.role === 'STREET_OFFICE') return coversDivision(identity, account.streetCode);
  return false;
}

/** Payments, adjustments, billing and the company's collection steps: the company that billed the account. */
export function mayKeepAccount(identity: Identity, account: Pick<AccountPlace, 'companyId'>): boolean {
  return identity.role === 'PROPERTY_COMPANY' && identity.organisationId === account.companyId;
}

/** Mediation sessions and their outcomes: the street office of the household's street. */
export function mayMediate(identity: Identity, account: Pick<AccountPlace, 'streetCode'>): boolean {
  return identity.role === 'STREET_OFFICE' && coversDivision(identity, account.streetCode);
}

/** Collection-rate statistics: counts and amounts without any household named. */
export function mayReadStatistics(identity: Identity, area: AccountPlace): boolean {
  if (identity.role === 'CITY_BUREAU')
    return coversDivision(identity, area.districtCode) || coversDivision(identity, area.streetCode);
  return mayReadAccount(identity, area);
}

/**
 * A referral's outcome moves the referred account: only the litigation subgraph reports it (systemActor
 * 'litigation'), and only for the account of the company that made the referral.
 */
export function mayFollowReferral(
  identity: Identity,
  account: Pick<AccountPlace, 'companyId'>,
  referral: { companyId: string },
): boolean {
  return (
    identity.role === 'SYSTEM' && identity.organisationId === 'litigation' && account.companyId === referral.companyId
  );
}

/** Billing, levies, payments and adjustments are the company's: its organisation id, FORBIDDEN for anyone else. */
export function assertPropertyCompany(identity: Identity, what: string): string {
  if (identity.role !== 'PROPERTY_COMPANY') throw new ForbiddenError(`Only a property service company may ${what}`);
  return identity.organisationId;
}

/**
 * The rows of a list an identity may read, as the place they are in: every row, one company's, or those whose
 * street (or, for a bureau's statistics, district) code starts with one of the prefixes. Null: no row at all.
 * The same rules as mayReadAccount and mayReadStatistics, for lists the database filters.
 */
export type ReadScope =
  | { readonly kind: 'EVERYTHING' }
  | { readonly kind: 'COMPANY'; readonly companyId: string }
  | { readonly kind: 'STREETS'; readonly prefixes: readonly string[] }
  | { readonly kind: 'DISTRICTS'; readonly prefixes: readonly string[] };

export function readScope(identity: Identity, purpose: 'ACCOUNTS' | 'STATISTICS'): ReadScope | null {
  if (identity.role === 'ADMIN') return { kind: 'EVERYTHING' };
  if (identity.role === 'PROPERTY_COMPANY') return { kind: 'COMPANY', companyId: identity.organisationId };
  // Division codes are digits: anything else in a jurisdiction list is not a place.
  const prefixes = identity.jurisdictions.filter((j) => /^[0-9]+$/.test(j));
  if (prefixes.length === 0) return null;
  if (identity.role === 'STREET_OFFICE') return { kind: 'STREETS', prefixes };
  if (identity.role === 'CITY_BUREAU' && purpose === 'STATISTICS') return { kind: 'DISTRICTS', prefixes };
  return null;
}
