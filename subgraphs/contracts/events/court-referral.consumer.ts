import { sqlRun } from '../../../platform/db/sql';
import { REFERRALS_TOPIC, REFERRAL_SUBMITTED, ReferralSubmittedData } from '../../../catalog';
import { ConsumerDefinition } from '../../../platform/events/consumer';

/**
 * A court reads the contract and filings a referred case is under. The grant stays after the case ends: the court's
 * file keeps what it was sent.
 */
export const courtReferralConsumer: ConsumerDefinition = {
  name: 'contracts.court-referrals',
  topics: [REFERRALS_TOPIC.name],
  handlers: {
    [REFERRAL_SUBMITTED.type]: async (em, event) => {
      const { courtId, referralId, contractId } = event.data as ReferralSubmittedData;
      await sqlRun(em, `insert into contracts.court_referral (court_id, referral_id, contract_id) values (?, ?, ?) on conflict do nothing`, [courtId, referralId, contractId]);
    },
  },
};
