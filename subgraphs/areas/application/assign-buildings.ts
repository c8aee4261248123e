import { areasError } from '../domain/errors';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { DomainError, InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { AreasErrorCode } from '../domain/errors';
import { mayReadStreet } from '../domain/access';
import { Building } from '../persistence/compound.entity';
import { areaHasBuildings, findBuildings } from '../persistence/building.repository';
import { JoiningStated, joinedAreaOn, joiningStated, meetingsMovedByRestatement } from '../domain/area';
import { decisionsOfAreas, lockAreaDecisions } from '../persistence/joint-decision.repository';
import { todayInChina } from '../../../kernel/clock';
import { findCompounds } from '../persistence/compound.repository';
import { manageableArea } from './area.lookup';
import { recordBuildingRosters } from './building-rosters';

/** The most buildings one assignment names (the largest seed compound has 36). */
export const MAX_BUILDINGS_PER_ASSIGNMENT = 500;

/**
 * Delimits a property-management area: a whole compound, or adjacent stand-alone buildings grouped into one area
 * (seed 004). A building belongs to one area at a time, and only to an area of its own street.
 */
export async function assignBuildingsToArea(
  em: EntityManager,
  identity: Identity,
  areaId: string,
  buildingIds: string[],
  /** The day the buildings joined the area, or that they are of it as delimited (domain/area.ts joinedAreaOn). */
  stated: JoiningStated = {},
): Promise<Building[]> {
  const ids = [...new Set(buildingIds)];
  if (ids.length === 0 || ids.length > MAX_BUILDINGS_PER_ASSIGNMENT)
    throw new InvalidInputError(`Name 1 to ${MAX_BUILDINGS_PER_ASSIGNMENT} buildings`, {
      fields: { buildingIds: `1 to ${MAX_BUILDINGS_PER_ASSIGNMENT} building ids` },
    });
  return em.transactional(async (tx) => {
    const area = await manageableArea(tx, identity, areaId, 'delimit areas in it');
    // Locked: two clerks assigning one building to two areas at once both saw it free, and both areas counted it.
    const buildings = await findBuildings(tx, ids, { lock: true });
    const missing = ids.filter((id) => !buildings.some((b) => b.id === id));
    if (missing.length > 0) throw new NotFoundError('Building', missing.join(', '));
    const compounds = await findCompounds(tx, [...new Set(buildings.map((b) => b.compoundId))]);
    // A building of a street the caller may not read is not found, like one that does not exist: neither it nor
    // its compound is disclosed.
    const hidden = new Set(compounds.filter((c) => !mayReadStreet(identity, c.streetCode)).map((c) => c.id));
    const unseen = buildings.filter((b) => !compounds.some((c) => c.id === b.compoundId) || hidden.has(b.compoundId));
    if (unseen.length > 0) throw new NotFoundError('Building', unseen.map((b) => b.id).join(', '));
    const foreign = compounds.filter((c) => c.streetCode !== area.streetCode);
    if (foreign.length > 0) {
      throw areasError(
        'BUILDING_OUTSIDE_AREA_STREET' satisfies AreasErrorCode,
        'Every building of an area must lie in the area’s street',
        {
          compounds: foreign.map((c) => c.name),
        },
      );
    }
    const taken = buildings.filter((b) => b.areaId && b.areaId !== areaId);
    if (taken.length > 0) {
      throw new DomainError('CONFLICT', 'Some buildings already belong to another area', {
        buildings: taken.map((b) => b.label),
      });
    }
    const today = todayInChina();
    // Its first buildings delimit the area today; those assigned on a later day join it then (domain/area.ts).
    if (area.delimitedOn == null && !(await areaHasBuildings(tx, areaId))) area.delimitedOn = today;
    const joined = joinedAreaOn(area.delimitedOn ?? null, today, stated);
    const restating = joiningStated(stated);
    if (restating) {
      // No decision recorded at once that counts the area as it was (lockAreaDecisions).
      await lockAreaDecisions(tx, areaId);
      const moved = meetingsMovedByRestatement(
        buildings.map((b) => ({ current: b.areaId === areaId ? (b.joinedAreaOn ?? null) : undefined })),
        joined,
        (await decisionsOfAreas(tx, [areaId])).map((d) => d.heldOn),
      );
      if (moved.length > 0)
        throw new InvalidInputError('Decisions recorded for meetings the stated day would count differently stand', {
          problems: ['DECISIONS_RECORDED_MEANWHILE'],
          meetings: moved.sort().slice(0, 20),
        });
    }
    // What is stated applies to the buildings already of the area too (the rest of an area entered over several days,
    // an enlargement made before the day was kept); with nothing stated theirs stays as it is.
    for (const building of buildings)
      if (building.areaId !== areaId || restating) Object.assign(building, { areaId, joinedAreaOn: joined });
    // The buildings' rosters, and the area's new totals (AREA_CHANGED) with them.
    await recordBuildingRosters(
      tx,
      buildings.map((b) => b.id),
    );
    return buildings;
  });
}
