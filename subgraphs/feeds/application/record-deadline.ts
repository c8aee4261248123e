import type { EntityManager } from '@mikro-orm/postgresql';
import { DEADLINE_KINDS_OF_EVENT, DeadlineChangedData, DeadlineKind } from '../../../catalog';
import { HubEvent, PoisonMessageError } from '../../../platform/events/cloudevent';
import { upsertDeadline } from '../persistence/deadline.repository';

/**
 * Keeps a deadline a subgraph announced in the register; an older announcement than the one held changes nothing.
 * The topic vouches for its producer, so a deadline of a kind its producer does not set (a litigation message
 * naming a contract filing) is dead-lettered at once (SENDER_MISMATCH) rather than enter the register.
 */
export async function recordDeadline(em: EntityManager, event: HubEvent<DeadlineChangedData>): Promise<void> {
  const kinds: readonly DeadlineKind[] | undefined =
    DEADLINE_KINDS_OF_EVENT[event.type as keyof typeof DEADLINE_KINDS_OF_EVENT];
  if (!kinds?.includes(event.data.kind))
    throw new PoisonMessageError(
      'SENDER_MISMATCH',
      `A ${event.type} event may not announce a ${event.data.kind} deadline`,
    );
  await upsertDeadline(em, event.data, event.source);
}
