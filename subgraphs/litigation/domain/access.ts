import { Identity } from '../../../kernel/identity';

/**
 * A court sees the referrals addressed to it and nothing else; a company its own referrals; bureaus only statistics
 * of their jurisdiction (counts and amounts, no household); the admin everything.
 */
export interface ReferralParties {
  companyId: string;
  courtId: string;
  /** An ineligible referral was never sent: the company sees it with its reasons, the court does not. */
  eligible?: boolean;
}

export function mayReadReferral(identity: Identity, r: ReferralParties): boolean {
  if (identity.role === 'ADMIN') return true;
  if (identity.role === 'PROPERTY_COMPANY') return identity.organisationId === r.companyId;
  if (identity.role === 'COURT') return identity.organisationId === r.courtId && r.eligible !== false;
  return false;
}

/**
 * The referral's own parties, its court and the company that referred it, never the admin, who reads the referrals
 * (with owners masked) but not what is theirs alone: its documents (the complaint, the evidence files, which name the
 * owner), as for filings; the performance period the court reported and the company's deadline to apply for
 * enforcement (Civil Procedure Law art. 250), which the register shows to its owner alone.
 */
export const isPartyToReferral = (identity: Identity, r: ReferralParties): boolean =>
  identity.role !== 'ADMIN' && mayReadReferral(identity, r);

/** Reports from the court (docketing, hearings, judgments …): only the court the referral is addressed to. */
export const mayReportForCourt = (identity: Identity, r: ReferralParties): boolean =>
  identity.role === 'COURT' && identity.organisationId === r.courtId;

/** The company that referred: corrections and withdrawal. */
export const mayActForPlaintiff = (identity: Identity, r: ReferralParties): boolean =>
  identity.role === 'PROPERTY_COMPANY' && identity.organisationId === r.companyId;

/**
 * Which referrals (and consolidated batches of them) an identity may list, as a domain value the persistence layer
 * turns into its filter: every one, those of one plaintiff, those sent to one court (an ineligible referral was sent
 * to no court, and a batch holds only sent ones), or those of the areas in some streets. Null: none at all.
 */
export type ReferralReach =
  | { kind: 'ALL' }
  | { kind: 'PLAINTIFF'; companyId: string }
  | { kind: 'COURT'; courtId: string }
  | { kind: 'STREETS'; streetPrefixes: string[] };

export function referralReach(identity: Identity): ReferralReach | null {
  if (identity.role === 'ADMIN') return { kind: 'ALL' };
  if (identity.role === 'PROPERTY_COMPANY') return { kind: 'PLAINTIFF', companyId: identity.organisationId };
  if (identity.role === 'COURT') return { kind: 'COURT', courtId: identity.organisationId };
  return null;
}

/** Statistics: a bureau's jurisdiction by the area's district and street; otherwise what the identity may read. */
export function statisticsReach(identity: Identity): ReferralReach | null {
  if (identity.role !== 'CITY_BUREAU') return referralReach(identity);
  const streetPrefixes = identity.jurisdictions.filter((j) => /^[0-9]+$/.test(j));
  return streetPrefixes.length > 0 ? { kind: 'STREETS', streetPrefixes } : null;
}

/** Small-claims decision deadlines (art. 168) are watched by the court deciding them, not by the plaintiff. */
export function deadlineWatchReach(identity: Identity): ReferralReach | null {
  return identity.role === 'PROPERTY_COMPANY' ? null : referralReach(identity);
}
