import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import {
  AccessLogScope,
  OwnerDataAccessEntry,
  pageOwnerDataAccesses,
} from '../persistence/owner-data-access.repository';
import { assertUuid } from './owner-data-reads';

const MAX_PAGE = 200;

/**
 * The log of reads in full of owners' personal data, newest first: a street office reads the entries of the
 * households of its streets, a court those of the households whose cases were referred to it (whoever read them).
 * Nobody else reads the log (FORBIDDEN); another street's or court's households are simply not in the answer.
 */
export async function ownerDataAccessLog(
  em: EntityManager,
  identity: Identity,
  filter: { householdId?: string | null; referralId?: string | null; first: number; offset: number },
): Promise<{ items: OwnerDataAccessEntry[]; totalCount: number }> {
  let scope: AccessLogScope;
  if (identity.role === 'COURT') scope = { courtId: identity.organisationId };
  else if (identity.role === 'STREET_OFFICE')
    scope = { streetPrefixes: identity.jurisdictions.filter((j) => /^[0-9]+$/.test(j)) };
  else
    throw new ForbiddenError(
      'Only the street office of a household and the court of its case read the owner data access log',
    );
  assertUuid('referralId', filter.referralId);
  assertUuid('householdId', filter.householdId);
  if (
    !Number.isInteger(filter.first) ||
    filter.first < 1 ||
    filter.first > MAX_PAGE ||
    !Number.isInteger(filter.offset) ||
    filter.offset < 0
  ) {
    throw new InvalidInputError(`first must be 1 to ${MAX_PAGE} and offset 0 or more`, {
      fields: { first: `1 to ${MAX_PAGE}`, offset: '0 or more' },
    });
  }
  if ('streetPrefixes' in scope && scope.streetPrefixes.length === 0) return { items: [], totalCount: 0 };
  return pageOwnerDataAccesses(em, scope, filter);
}
