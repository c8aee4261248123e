import type { EntityManager } from '@mikro-orm/postgresql';
import { DeadlineChangedData } from '../../../catalog';
import { HubEvent } from '../../../platform/events/cloudevent';
import { upsertDeadline } from '../persistence/deadline.repository';

/** Keeps a deadline a subgraph announced in the register; an older announcement than the one held changes nothing. */
export const recordDeadline = (em: EntityManager, event: HubEvent<DeadlineChangedData>): Promise<void> =>
  upsertDeadline(em, event.data, event.source);
