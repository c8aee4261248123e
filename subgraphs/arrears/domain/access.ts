import { Identity, coversDivision } from '../../../kernel/identity';

/**
 * Who reads what in arrears. A company reads and writes only the accounts it billed (its contracts' households);
 * the street office reads the accounts of its street, because it mediates them (seed 004's collection steps end
 * with mediation by the street office); bureaus read statistics of their jurisdiction only, never an account, so
 * no household's debts reach them; the admin reads everything.
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
  if (identity.role === 'CITY_BUREAU') return coversDivision(identity, area.districtCode) || coversDivision(identity, area.streetCode);
  return mayReadAccount(identity, area);
}

/**
 * The same rules as one SQL condition over rows aliased `p` with company_id, street_code and district_code, for
 * lists: null when the identity reads no row at all. Division codes are digits, so they need no LIKE escaping.
 */
export function scopeCondition(identity: Identity, purpose: 'ACCOUNTS' | 'STATISTICS'): { sql: string; params: unknown[] } | null {
  if (identity.role === 'ADMIN') return { sql: 'true', params: [] };
  if (identity.role === 'PROPERTY_COMPANY') return { sql: 'p.company_id = ?', params: [identity.organisationId] };
  const prefixes = identity.jurisdictions.filter((j) => /^[0-9]+$/.test(j));
  if (prefixes.length === 0) return null;
  const column = identity.role === 'STREET_OFFICE' ? 'p.street_code' : identity.role === 'CITY_BUREAU' && purpose === 'STATISTICS' ? 'p.district_code' : null;
  if (!column) return null;
  return { sql: `(${prefixes.map(() => `${column} like ?`).join(' or ')})`, params: prefixes.map((p) => `${p}%`) };
}
