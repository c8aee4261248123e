import { UTILITY_CUT_OFF_REPORTED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { recordReportedCutOff } from '../../application/record-utility-cut-off';

/** Utility cut-offs reported against companies (arrears.violations.v1): each becomes the company's credit entry. */
export const utilityCutOffConsumer: ConsumerDefinition = {
  name: 'contracts.utility-cut-offs',
  subscriptions: [on(UTILITY_CUT_OFF_REPORTED, (em, event) => recordReportedCutOff(em, event.data))],
};
