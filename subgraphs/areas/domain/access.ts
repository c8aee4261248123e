import { Identity, coversDivision } from '../../../kernel/identity';
import { ForbiddenError } from '../../../kernel/errors';
import { ownerKey } from '../../../kernel/owner-key';

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
  if (!mayManageStreet(identity, streetCode))
    throw new ForbiddenError(`Only the street office of this street may ${what}`);
}

/**
 * Bureaus that read the register of their jurisdiction: a city/district housing bureau, and an enforcement bureau
 * (临江市's 市城市管理行政执法局), which reviews its city's filings (seed 004 §六(七)) and so must see the areas they
 * are filed for. Neither sees owners in full (ownerDataAccessReason).
 */
export const READING_BUREAU_ROLES: ReadonlySet<string> = new Set(['CITY_BUREAU', 'ENFORCEMENT_BUREAU']);

/** Roles that track a street's or city's areas (coverage, overdue governance bodies). */
export function tracksAreas(identity: Identity): boolean {
  return identity.role === 'ADMIN' || identity.role === 'STREET_OFFICE' || READING_BUREAU_ROLES.has(identity.role);
}

export function mayReadStreet(identity: Identity, streetCode: string): boolean {
  return (
    mayManageStreet(identity, streetCode) ||
    (READING_BUREAU_ROLES.has(identity.role) && coversDivision(identity, streetCode))
  );
}

/** Division-code prefixes whose rows an identity may read; undefined = none, [] = everything (admin). */
export function readableStreetPrefixes(identity: Identity): string[] | undefined {
  if (identity.role === 'ADMIN') return [];
  if (identity.role !== 'STREET_OFFICE' && !READING_BUREAU_ROLES.has(identity.role)) return undefined;
  const prefixes = identity.jurisdictions.filter((j) => /^[0-9]+$/.test(j));
  return prefixes.length > 0 ? prefixes : undefined;
}

/** Areas and households granted beyond the street registers (see persistence/read-grants.repository.ts). */
export interface ReadGrants {
  /** Areas read as a whole beyond the registers: a company's served areas (their households too), a court's cases'. */
  areaIds: readonly string[];
  /**
   * Areas whose identifying facts alone (name, district, street) the caller reads: a company's areas of its own
   * contracts, drafts included, so its contracts and filings always show their area. Not their households,
   * owners or governance bodies, which follow `areaIds` and the street registers.
   */
  contractAreaIds: readonly string[];
  householdIds: readonly string[];
  /**
   * A court's referrals naming each household it reads, newest first, each with the owner it was referred against
   * (its grant's, courtGrantOwner): the reason its reads in full are logged with, and whose particulars they answer.
   */
  householdReferrals: ReadonlyMap<string, readonly CourtReferralGrant[]>;
}

/** One referral of a household to a court, for the owner it names (null: no owner known). */
export interface CourtReferralGrant {
  referralId: string;
  ownerReference: string | null;
}

/**
 * Who reads an area itself (its identifying facts; what lies below it has rules of its own): its street's office
 * and bureaus by the registers, and by grant a company of the areas it serves or has a contract of (a draft in an
 * area it does not serve yet included) and a court of its cases' areas. `readableAreaIds` is the same rule for
 * the database's filter.
 */
export function mayReadAreaGranted(
  identity: Identity,
  area: { id: string; streetCode: string },
  grants: ReadGrants,
): boolean {
  return mayReadStreet(identity, area.streetCode) || readableAreaIds(grants).includes(area.id);
}

/** The areas a caller reads by grant, beyond the street registers (see mayReadAreaGranted). */
export function readableAreaIds(grants: Pick<ReadGrants, 'areaIds' | 'contractAreaIds'>): string[] {
  return [...new Set([...grants.areaIds, ...grants.contractAreaIds])];
}

export function mayReadHousehold(
  identity: Identity,
  household: { id: string; streetCode: string; areaId: string | null },
  grants: ReadGrants,
): boolean {
  if (mayReadStreet(identity, household.streetCode)) return true;
  if (identity.role === 'PROPERTY_COMPANY')
    return household.areaId !== null && grants.areaIds.includes(household.areaId);
  if (identity.role === 'COURT') return grants.householdIds.includes(household.id);
  return false;
}

/**
 * The owner a court's read grant is for: the owner its referral names (the case package's defendant), even when the
 * register has since recorded a sale, so the court reads that owner in full, as its owner or a former one, and a buyer
 * never (before, the owner the register held when the referral's event was read: a sale registered while the claim or
 * the event was on its way gave the court the buyer in full under the seller's case). A referral that names none (its
 * claim had no owner reference, or it was published before the event carried it) takes the register's owner then.
 */
export function courtGrantOwner(
  referredOwner: string | null | undefined,
  registeredOwner: string | null,
): string | null {
  return referredOwner ?? registeredOwner;
}

/** Why a caller reads an owner's personal data in full: what the access log records with the read. */
export interface OwnerDataAccessReason {
  reason: 'STREET_OFFICE_REGISTER' | 'COURT_REFERRAL';
  referralId: string | null;
  /** A court's: the owner its referral is against (null: no owner known, nothing in full). */
  referredOwner?: string | null;
}

/**
 * Who may read an owner's personal data (name, identity, phone, service address) in full: the street office of the
 * household's street (its register) and a court the household's case was referred to (the referral named, or its
 * latest one naming the household; a referral of another household or court gives nothing), for the owner that
 * referral is against (ownerInFull). Hub administrators manage every street but see owners masked like every other
 * reader (data minimisation, PIPL art. 6). Undefined: masked.
 */
export function ownerDataAccessReason(
  identity: Identity,
  household: { id: string; streetCode: string },
  grants: Pick<ReadGrants, 'householdReferrals'>,
  referralId?: string | null,
): OwnerDataAccessReason | undefined {
  if (identity.role === 'STREET_OFFICE' && coversDivision(identity, household.streetCode))
    return { reason: 'STREET_OFFICE_REGISTER', referralId: referralId ?? null };
  if (identity.role !== 'COURT') return undefined;
  const referrals = grants.householdReferrals.get(household.id) ?? [];
  const named = referralId ? referrals.find((r) => r.referralId === referralId) : referrals[0];
  return named
    ? { reason: 'COURT_REFERRAL', referralId: named.referralId, referredOwner: named.ownerReference }
    : undefined;
}

/**
 * Whose particulars a read in full answers: the street office's register, the household's owner now; a court, the
 * owner its referral is against (the owner of the months claimed, who stays the defendant after selling: litigation's
 * domain/statutes.ts PRIOR_OWNER_SOURCE): the owner now while they own it (references compared as kernel/owner-key.ts
 * compares them: a correction of `…002x` to `…002X` is the same owner), else that former owner, as the register's
 * history keeps them. The new owner is never the court's to read in full under a referral against the one before
 * (before, after a sale the court read the new owner masked and the former owner not at all: the register kept no
 * owner history). Undefined: no owner known for the referral, nothing in full.
 */
export function ownerInFull(
  why: OwnerDataAccessReason,
  currentOwner: string,
): { owner: 'CURRENT' } | { owner: 'FORMER'; ownerReference: string } | undefined {
  if (why.reason === 'STREET_OFFICE_REGISTER') return { owner: 'CURRENT' };
  if (!why.referredOwner) return undefined;
  return ownerKey(why.referredOwner) === ownerKey(currentOwner)
    ? { owner: 'CURRENT' }
    : { owner: 'FORMER', ownerReference: why.referredOwner };
}
