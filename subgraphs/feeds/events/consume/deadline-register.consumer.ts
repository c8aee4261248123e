import { DEADLINE_CHANGED_EVENTS } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { recordDeadline } from '../../application/record-deadline';

/** The deadline register: every deadline the subgraphs' rules set, as each last announced it. */
export const deadlineRegisterConsumer: ConsumerDefinition = {
  name: 'feeds.deadline-register',
  subscriptions: DEADLINE_CHANGED_EVENTS.map((definition) => on(definition, recordDeadline)),
};
