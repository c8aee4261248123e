import type { EntityManager } from '@mikro-orm/postgresql';
import { HAZARD_RESOLVED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { AREAS_EVENT_SOURCE } from '../events/publish/area-events';
import { hazardResolved } from '../events/publish/street-work-events';
import { findArea } from '../persistence/area.repository';
import { todayInChina } from '../../../kernel/clock';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { assertMayManageStreet, mayReadStreet } from '../domain/access';
import { areasError } from '../domain/errors';
import { checkResolution } from '../domain/patrol';
import { Hazard, findHazard, resolveHazardRow } from '../persistence/patrol.repository';

/** The area's street office records a hazard resolved, with the day and a note; once. Published like the patrol. */
export async function resolveHazard(
  em: EntityManager,
  identity: Identity,
  input: { hazardId: string; resolvedOn: string; note?: string | null },
): Promise<Hazard> {
  return em.transactional(async (tx) => {
    const hazard = await findHazard(tx, input.hazardId, { lock: true });
    if (!hazard || !mayReadStreet(identity, hazard.streetCode)) throw new NotFoundError('Hazard', input.hazardId);
    assertMayManageStreet(identity, hazard.streetCode, 'resolve a hazard');
    if (hazard.resolvedOn !== null)
      throw areasError('HAZARD_ALREADY_RESOLVED', 'The hazard is already resolved', { resolvedOn: hazard.resolvedOn });
    checkResolution(hazard.foundOn, input.resolvedOn, todayInChina());
    const note = input.note?.trim() || null;
    await resolveHazardRow(tx, { id: hazard.id, resolvedOn: input.resolvedOn, note, resolvedBy: identity.subject });
    const resolved = { ...hazard, resolvedOn: input.resolvedOn, resolutionNote: note };
    const area = await findArea(tx, hazard.areaId);
    if (!area) throw new NotFoundError('Area', hazard.areaId);
    recordEvent(tx, HAZARD_RESOLVED, {
      source: AREAS_EVENT_SOURCE,
      key: area.id,
      subject: hazard.id,
      data: hazardResolved(area, resolved),
    });
    return resolved;
  });
}
