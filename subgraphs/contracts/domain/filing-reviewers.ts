import { Identity, coversDivision } from '../../../infra/auth/identity';

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

/** Reviewers, the admin, and nobody else may see whom an area's filings go to before any contract exists. */
export function mayReadFilingRouting(identity: Identity, area: { streetCode: string }): boolean {
  if (identity.role === 'ADMIN') return true;
  return (identity.role === 'STREET_OFFICE' || identity.role === 'CITY_BUREAU') && coversDivision(identity, area.streetCode);
}
