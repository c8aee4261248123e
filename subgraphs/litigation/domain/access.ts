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

/** Reports from the court (docketing, hearings, judgments …): only the court the referral is addressed to. */
export const mayReportForCourt = (identity: Identity, r: ReferralParties): boolean => identity.role === 'COURT' && identity.organisationId === r.courtId;

/** The company that referred: corrections and withdrawal. */
export const mayActForPlaintiff = (identity: Identity, r: ReferralParties): boolean => identity.role === 'PROPERTY_COMPANY' && identity.organisationId === r.companyId;

/** Lists as one SQL condition over rows aliased `r`; null when the identity reads no referral. */
export function referralScope(identity: Identity): { sql: string; params: unknown[] } | null {
  if (identity.role === 'ADMIN') return { sql: 'true', params: [] };
  if (identity.role === 'PROPERTY_COMPANY') return { sql: 'r.company_id = ?', params: [identity.organisationId] };
  if (identity.role === 'COURT') return { sql: '(r.court_id = ? and r.eligible)', params: [identity.organisationId] };
  return null;
}

/** Consolidated batches (rows aliased `r` with court_id and company_id): they hold only referrals that were sent. */
export function batchScope(identity: Identity): { sql: string; params: unknown[] } | null {
  if (identity.role === 'COURT') return { sql: 'r.court_id = ?', params: [identity.organisationId] };
  return referralScope(identity);
}

/** Statistics: a bureau's jurisdiction by the area's district and street; otherwise what the identity may read. */
export function statisticsScope(identity: Identity): { sql: string; params: unknown[] } | null {
  if (identity.role !== 'CITY_BUREAU') return referralScope(identity);
  const prefixes = identity.jurisdictions.filter((j) => /^[0-9]+$/.test(j));
  if (prefixes.length === 0) return null;
  return { sql: `(${prefixes.map(() => 'r.street_code like ?').join(' or ')})`, params: prefixes.map((p) => `${p}%`) };
}
