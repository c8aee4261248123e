import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PATROL_RECORDED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { AREAS_EVENT_SOURCE } from '../events/publish/area-events';
import { patrolRecorded } from '../events/publish/street-work-events';
import { todayInChina } from '../../../kernel/clock';
import { Identity } from '../../../kernel/identity';
import { PatrolInput, definePatrol } from '../domain/patrol';
import { Hazard, hazardsOfPatrol, insertPatrol } from '../persistence/patrol.repository';
import { manageableArea } from './area.lookup';

export type { Hazard } from '../persistence/patrol.repository';

/**
 * The area's street office records a patrol (its own, the residents' committee's or the provider's, seed 004
 * §五(四)) with the hazards found (§五(五)): kind, location, warning set up, party notified; each open until
 * resolved. One transaction, with its event on areas.street-work.v1 and the district's feed.
 */
export async function recordPatrol(
  em: EntityManager,
  identity: Identity,
  input: PatrolInput & { areaId: string },
): Promise<{ id: string; areaId: string; hazards: Hazard[] } & PatrolInput> {
  const patrol = definePatrol(input, todayInChina());
  return em.transactional(async (tx) => {
    const area = await manageableArea(tx, identity, input.areaId, 'record a patrol');
    const id = randomUUID();
    await insertPatrol(
      tx,
      { ...patrol, id, areaId: area.id, recordedBy: identity.subject },
      patrol.hazards.map(() => randomUUID()),
    );
    const hazards = await hazardsOfPatrol(tx, id);
    recordEvent(tx, PATROL_RECORDED, {
      source: AREAS_EVENT_SOURCE,
      key: area.id,
      subject: id,
      data: patrolRecorded(area, { ...patrol, id }, hazards),
    });
    return { ...patrol, id, areaId: area.id, hazards };
  });
}
