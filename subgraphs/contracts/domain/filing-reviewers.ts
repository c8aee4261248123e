import { Identity, coversDivision } from '../../../kernel/identity';

/**
 * Beijing Property Management Regulation art. 63: a service contract is filed with the street office and the
 * district housing authority of the area. Both review; the city bureau (whose jurisdiction covers the district)
 * may review too.
 */
export interface FilingReviewers {
  streetCode: string;
  districtCode: string;
}

export const filingReviewersOf = (area: { streetCode: string; districtCode: string }): FilingReviewers => ({
  streetCode: area.streetCode,
  districtCode: area.districtCode,
});

/**
 * Who reviews a filing, and so who may see whom an area's filings go to: the street office of the area and the housing authority of its district (art. 63), or a
 * city bureau whose jurisdiction covers the district; the admin for support. A court or a company never reviews.
 */
export function mayReviewFiling(identity: Identity, area: { streetCode: string; districtCode: string }): boolean {
  if (identity.role === 'ADMIN') return true;
  if (identity.role === 'STREET_OFFICE') return coversDivision(identity, area.streetCode);
  if (identity.role === 'CITY_BUREAU') return coversDivision(identity, area.districtCode);
  return false;
}

/**
 * Who reads a contract and its filings: the company that is its provider, the reviewers of its area, and a court
 * that received a referral of arrears under it (`referredToCourt`, known from the referrals feed).
 */
export function mayReadContract(
  identity: Identity,
  contract: { companyId: string },
  area: { streetCode: string; districtCode: string },
  referredToCourt = false,
): boolean {
  if (identity.role === 'PROPERTY_COMPANY') return identity.organisationId === contract.companyId;
  if (identity.role === 'COURT') return referredToCourt;
  return mayReviewFiling(identity, area);
}
