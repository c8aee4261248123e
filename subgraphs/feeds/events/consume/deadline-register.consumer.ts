import { DEADLINE_CHANGED_EVENTS } from '../../../../catalog';
import { ConsumerDefinition, batchOf, on } from '../../../../platform/events/consumer';
import { recordDeadlines } from '../../application/record-deadline';

/**
 * The deadline register: every deadline the subgraphs' rules set, as each last announced it. A statement imported
 * announces one limitation deadline per account paid, so a fetched batch is kept in one transaction and one statement.
 */
export const deadlineRegisterConsumer: ConsumerDefinition = {
  name: 'feeds.deadline-register',
  subscriptions: DEADLINE_CHANGED_EVENTS.map((definition) =>
    on(definition, (em, event) => recordDeadlines(em, [event])),
  ),
  handleBatch: batchOf(DEADLINE_CHANGED_EVENTS, recordDeadlines),
};
