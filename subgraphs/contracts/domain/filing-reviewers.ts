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
 * The bureaus that review filings beside the street office: a housing authority (CITY_BUREAU: Beijing's district
 * authority or a city bureau over it) or, where the city's settings give the filings to it, the urban-management
 * enforcement bureau (ENFORCEMENT_BUREAU: 临江市城市管理行政执法局, seed 004 §六(七)). Both review the districts of
 * their jurisdiction; an enforcement bureau is only ever issued a jurisdiction in a city whose settings name it.
 */
const BUREAU_ROLES: ReadonlySet<string> = new Set(['CITY_BUREAU', 'ENFORCEMENT_BUREAU']);

/**
 * Who reviews a filing, and so who may see whom an area's filings go to: the street office of the area and the housing authority of its district (art. 63), or a
 * city bureau whose jurisdiction covers the district; the admin reads for support, but decides none (mayDecideFiling).
 * A court or a company never reviews.
 */
export function mayReviewFiling(identity: Identity, area: { streetCode: string; districtCode: string }): boolean {
  if (identity.role === 'ADMIN') return true;
  if (identity.role === 'STREET_OFFICE') return coversDivision(identity, area.streetCode);
  if (identity.role === 'CITY_BUREAU' || identity.role === 'ENFORCEMENT_BUREAU')
    return coversDivision(identity, area.districtCode);
  return false;
}

/**
 * Who decides a filing (accepts or returns it, in the API or from a review system on Kafka): a reviewer of its area
 * (mayReviewFiling) and, of the bureaus, only the one the city's settings give the filings to (`filingReviewerRole`:
 * Beijing's housing authorities, 临江市's enforcement bureau); the street office only where the city's settings have
 * it decide (`streetOfficeDecidesFilings`, not false: Beijing art. 63, not 临江市, where it supervises). Before, any
 * bureau whose jurisdiction covered the district decided, so a 临江市 housing bureau's token accepted 临江市 filings,
 * which the city gives to the enforcement bureau (seed 004 §六(七)); and 临江市's street office accepted them itself,
 * so a filing got a record number and a certificate naming a bureau that never decided it (helper-203's audit).
 *
 * Never the admin, the hub's operator: Beijing art. 63 para. 3 has the contract filed with "街道办事处、乡镇人民政府、
 * 区住房和城乡建设或者房屋主管部门" (seed 004: 临江市's 市城管执法局), and the acceptance gives the record number and the
 * certificate printing those authorities as its 备案机关, which the operator is not. Before, an ADMIN token accepted and
 * returned filings of every city. The admin still reads them for support (mayReviewFiling).
 */
export function mayDecideFiling(
  identity: Identity,
  area: { streetCode: string; districtCode: string },
  city: { filingReviewerRole: string; streetOfficeDecidesFilings?: boolean | null },
): boolean {
  if (identity.role === 'ADMIN' || !mayReviewFiling(identity, area)) return false;
  if (identity.role === 'STREET_OFFICE') return city.streetOfficeDecidesFilings !== false;
  return !BUREAU_ROLES.has(identity.role) || identity.role === city.filingReviewerRole;
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

/**
 * The divisions whose contracts and filings an identity reviews, as code prefixes the store filters by: a street
 * office its streets, a bureau its districts (a city bureau's code prefixes every district of its city), the admin
 * all. Null when the identity reviews nothing. Matches mayReviewFiling row by row; division codes are digits only,
 * so a jurisdiction that is not one matches nothing.
 */
export type ReviewScope = { by: 'ALL' } | { by: 'STREET' | 'DISTRICT'; prefixes: string[] };

export function reviewScopeOf(identity: Identity): ReviewScope | null {
  if (identity.role === 'ADMIN') return { by: 'ALL' };
  const by = identity.role === 'STREET_OFFICE' ? 'STREET' : BUREAU_ROLES.has(identity.role) ? 'DISTRICT' : null;
  const prefixes = identity.jurisdictions.filter((j) => /^[0-9]+$/.test(j));
  return by && prefixes.length > 0 ? { by, prefixes } : null;
}

/**
 * The contracts an identity lists: a company its own, a court those it received referrals under, reviewers those
 * of their divisions (reviewScopeOf). Null when it reads none. Matches mayReadContract row by row.
 */
export type ReadScope = ReviewScope | { by: 'COMPANY'; companyId: string } | { by: 'COURT'; courtId: string };

export function readScopeOf(identity: Identity): ReadScope | null {
  if (identity.role === 'PROPERTY_COMPANY') return { by: 'COMPANY', companyId: identity.organisationId };
  if (identity.role === 'COURT') return { by: 'COURT', courtId: identity.organisationId };
  return reviewScopeOf(identity);
}

/**
 * Who may open a filing's documents (issue 21: the reviewers, a court holding a referral, the company its own; nobody
 * else): those who read the contract, less the admin, whose support work needs the contract's record but never the
 * bytes of its documents.
 */
export function mayDownloadFilingDocuments(
  identity: Identity,
  contract: { companyId: string },
  area: { streetCode: string; districtCode: string },
  referredToCourt = false,
): boolean {
  return identity.role !== 'ADMIN' && mayReadContract(identity, contract, area, referredToCourt);
}
