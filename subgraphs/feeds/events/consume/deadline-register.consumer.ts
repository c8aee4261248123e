import { DEADLINE_CHANGED_EVENTS, DeadlineChangedData } from '../../../../catalog';
import { HubEvent } from '../../../../platform/events/cloudevent';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
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
  // Only the deadline events reach the batch, each checked against its schema as `on` relies on.
  handleBatch: (em, events) => recordDeadlines(em, events as HubEvent<DeadlineChangedData>[]),
};
