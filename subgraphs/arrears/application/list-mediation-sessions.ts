import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { Page, checkPage } from '../../../kernel/pagination';
import { readScope } from '../domain/access';
import {
  MediationSessionRow,
  countMediationSessions,
  pageMediationSessions,
} from '../persistence/collection-action.repository';

export type { MediationSessionRow };

/** A page holds at most 100 sessions (each brings its account and household). */
export const MEDIATION_PAGE_MAX = 100;

export interface MediationSessionList {
  items: MediationSessionRow[];
  /** The cursor of the page's last row, for the next page; null on the last page. */
  endCursor: string | null;
  /** How many sessions match in all: counted only when asked. */
  totalCount: () => Promise<number>;
}

/**
 * The mediation sessions on the accounts the caller may read (domain/access.ts readScope, as the arrears list):
 * the street office those of its street, a company those on its own accounts, the admin all; pending first, then
 * the latest session first. Bureaus, courts and committees read no account, so no session: FORBIDDEN.
 */
export async function listMediationSessions(
  em: EntityManager,
  identity: Identity,
  filter: { pending: boolean | null },
  page: Page,
): Promise<MediationSessionList> {
  if (!['STREET_OFFICE', 'PROPERTY_COMPANY', 'ADMIN'].includes(identity.role))
    throw new ForbiddenError(
      'Mediation sessions are read by the street office, the company of the account or the admin',
    );
  checkPage(page, MEDIATION_PAGE_MAX);
  const scope = readScope(identity, 'ACCOUNTS');
  if (!scope) return { items: [], endCursor: null, totalCount: async () => 0 };
  const { items, endCursor } = await pageMediationSessions(em, scope, filter.pending, page);
  return { items, endCursor, totalCount: () => countMediationSessions(em, scope, filter.pending) };
}
