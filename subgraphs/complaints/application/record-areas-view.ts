import type { EntityManager } from '@mikro-orm/postgresql';
import { BuildingRosterData, CompoundChangedData } from '../../../catalog';
import { replaceBuilding, upsertCompound } from '../persistence/read-model.repository';

/** Keeps the compound as areas published it (the inbox transaction is the unit of work). */
export const recordCompound = (em: EntityManager, data: CompoundChangedData): Promise<void> => upsertCompound(em, data);

/** Keeps a building's area and number of households; owners are not kept. */
export const recordBuildingRoster = (em: EntityManager, data: BuildingRosterData): Promise<void> =>
  replaceBuilding(em, data);
