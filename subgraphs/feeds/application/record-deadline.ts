import type { EntityManager } from '@mikro-orm/postgresql';
import { DEADLINE_KINDS_OF_EVENT, DeadlineChangedData, DeadlineKind } from '../../../catalog';
import { HubEvent, PoisonMessageError } from '../../../platform/events/cloudevent';
import { upsertDeadlines } from '../persistence/deadline.repository';

/**
 * Keeps the deadlines subgraphs announced in the register; an older announcement than the one held changes nothing.
 * Takes one event or a fetched batch, kept in one statement. The topic vouches for its producer, so a deadline of a
 * kind its producer does not set (a litigation message naming a contract filing) is dead-lettered at once
 * (SENDER_MISMATCH) rather than enter the register: in a batch it fails the batch, which the consumer then applies
 * event by event.
 */
export async function recordDeadlines(
  em: EntityManager,
  events: readonly HubEvent<DeadlineChangedData>[],
): Promise<void> {
  for (const event of events) {
    const kinds: readonly DeadlineKind[] | undefined =
      DEADLINE_KINDS_OF_EVENT[event.type as keyof typeof DEADLINE_KINDS_OF_EVENT];
    if (!kinds?.includes(event.data.kind))
      throw new PoisonMessageError(
        'SENDER_MISMATCH',
        `A ${event.type} event may not announce a ${event.data.kind} deadline`,
      );
  }
  await upsertDeadlines(
    em,
    events.map((event) => ({ deadline: event.data, source: event.source })),
  );
}
