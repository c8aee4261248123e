import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { statisticsReach } from '../domain/access';
import { ReferralStatistics, referralStatistics as statisticsWithin } from '../persistence/referral.repository';

/** Counts, amounts and outcomes by area and company, without households: for bureaus of the jurisdiction. */
export async function referralStatistics(em: EntityManager, identity: Identity): Promise<ReferralStatistics[]> {
  const reach = statisticsReach(identity);
  return reach ? statisticsWithin(em, reach) : [];
}
