import { sqlRun } from '../../../../platform/db/sql';
import { REFERRAL_SUBMITTED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';

/**
 * A court reads the contract and filings a referred case is under. The grant stays after the case ends: the court's
 * file keeps what it was sent.
 */
export const courtReferralConsumer: ConsumerDefinition = {
  name: 'contracts.court-referrals',
  subscriptions: [
    on(REFERRAL_SUBMITTED, async (em, event) => {
      const { courtId, referralId, contractId } = event.data;
      await sqlRun(em, `insert into contracts.court_referral (court_id, referral_id, contract_id) values (?, ?, ?) on conflict do nothing`, [courtId, referralId, contractId]);
    }),
  ],
};
