import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { Page, checkPage } from '../../../kernel/pagination';
import { referralReach } from '../domain/access';
import { Referral } from '../domain/referral';
import { ReferralFilter, listReferrals as listReachableReferrals } from '../persistence/referral.repository';

/** Referrals the caller may read (a court its own, a company its own), newest first, with the total count. */
export async function listReferrals(em: EntityManager, identity: Identity, filter: ReferralFilter, page: Page): Promise<{ items: Referral[]; totalCount: number }> {
  checkPage(page);
  const reach = referralReach(identity);
  if (!reach) return { items: [], totalCount: 0 };
  return listReachableReferrals(em, reach, filter, page);
}
