import { todayInChina } from '../../../../kernel/clock';
import { REFERRAL_STATUS_CHANGED, REFERRAL_SUBMITTED, REFERRAL_WITHDRAWN } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { followReferral } from '../../application/follow-referral';

/** The day in China on which a reported step happened; the statutes count days there. */
const dayOf = (occurredAt: string) => todayInChina(new Date(occurredAt));

/**
 * Keeps each account in step with its referral on litigation.referrals.v1: submitted, docketed, judged, settled,
 * withdrawn or refused. Batches (hub.litigation.batch.formed) change no account, so they have no handler and the
 * inbox consumer passes them by.
 */
export const referralOutcomeConsumer: ConsumerDefinition = {
  name: 'arrears.referral-outcomes',
  subscriptions: [
    on(REFERRAL_SUBMITTED, (em, { data }) =>
      followReferral(em, { ...data, caseStatus: 'SUBMITTED', on: data.submittedOn }),
    ),
    on(REFERRAL_STATUS_CHANGED, (em, { data }) =>
      followReferral(em, { ...data, caseStatus: data.status, on: dayOf(data.occurredAt) }),
    ),
    on(REFERRAL_WITHDRAWN, (em, { data }) =>
      followReferral(em, { ...data, caseStatus: 'WITHDRAWN', on: dayOf(data.occurredAt) }),
    ),
  ],
};
