import { COURT_CASE_EVENT_REPORTED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { applyCourtReport } from '../../application/apply-court-report';

/**
 * Steps reported by courts' own case systems. The inbox drops a redelivered event; the same step under a new event id
 * is a DUPLICATE and changes nothing; steps arriving out of order are judged by case-status.ts. A court reporting on
 * a referral not addressed to it (UNAUTHORISED_COURT), an impossible step (INVALID_COURT_EVENT) or an incomplete one
 * (BAD_USER_INPUT) is refused and goes to litigation.dead-letter.v1.
 */
export const courtCaseEventConsumer: ConsumerDefinition = {
  name: 'litigation.court-case-events',
  subscriptions: [
    on(COURT_CASE_EVENT_REPORTED, async (em, event) => {
      await applyCourtReport(em, event.data, { via: 'KAFKA', reportId: event.id });
    }),
  ],
};
