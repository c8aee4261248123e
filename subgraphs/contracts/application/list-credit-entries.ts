import type { EntityManager } from '@mikro-orm/postgresql';
import { CreditSubjectKind } from '../../../catalog';
import { ForbiddenError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { CreditEntryStatus } from '../domain/credit';
import { CreditEntry, CreditScope, listCreditEntries } from '../persistence/credit-entry.repository';

/** Largest page of entries; the newest first. */
export const MAX_CREDIT_ENTRIES = 200;

function creditScopeOf(identity: Identity): CreditScope | null {
  const prefixes = identity.jurisdictions.filter((j) => /^[0-9]+$/.test(j));
  switch (identity.role) {
    case 'ADMIN':
      return { by: 'ALL' };
    case 'PROPERTY_COMPANY':
      return { by: 'COMPANY', companyId: identity.organisationId };
    case 'CITY_BUREAU':
    case 'ENFORCEMENT_BUREAU':
      return prefixes.length ? { by: 'DISTRICT', prefixes } : null;
    case 'STREET_OFFICE':
      return prefixes.length ? { by: 'OWNERS_OF_STREETS', prefixes } : null;
    default:
      return null;
  }
}

/**
 * Credit entries the caller may read (domain/credit.ts mayReadCreditEntry, as a filter): a company its own, the
 * bureaus their districts', a street office its streets' owner entries, the admin all; courts and committees
 * FORBIDDEN.
 */
export async function creditEntries(
  em: EntityManager,
  identity: Identity,
  filter: {
    companyId?: string | null;
    subjectKind?: CreditSubjectKind | null;
    status?: CreditEntryStatus | null;
    first?: number | null;
  },
): Promise<CreditEntry[]> {
  const scope = creditScopeOf(identity);
  if (!scope) {
    if (identity.role === 'COURT' || identity.role === 'OWNERS_COMMITTEE' || identity.role === 'PUBLIC')
      throw new ForbiddenError('Credit records are read by the company concerned and the bureaus');
    return [];
  }
  const limit = Math.min(Math.max(filter.first ?? 50, 1), MAX_CREDIT_ENTRIES);
  return listCreditEntries(em, scope, filter, limit);
}

export type { CreditEntry } from '../persistence/credit-entry.repository';
