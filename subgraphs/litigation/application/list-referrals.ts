import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { Page, checkPage } from '../../../kernel/pagination';
import { referralReach } from '../domain/access';
import { Referral } from '../domain/referral';
import {
  ReferralFilter,
  countReferrals,
  listReferrals as listReachableReferrals,
} from '../persistence/referral.repository';

export interface ReferralList {
  items: Referral[];
  /** The cursor of the page's last row, for the next page; null on the last page. */
  endCursor: string | null;
  /** How many match in all: counted only when asked (a deep list is not counted for every page). */
  totalCount: () => Promise<number>;
}

/** Referrals the caller may read (a court its own, a company its own), newest first, from an offset or after a cursor. */
export async function listReferrals(
  em: EntityManager,
  identity: Identity,
  filter: ReferralFilter,
  page: Page,
): Promise<ReferralList> {
  checkPage(page);
  const reach = referralReach(identity);
  if (!reach) return { items: [], endCursor: null, totalCount: async () => 0 };
  const { items, endCursor } = await listReachableReferrals(em, reach, filter, page);
  return { items, endCursor, totalCount: () => countReferrals(em, reach, filter) };
}
