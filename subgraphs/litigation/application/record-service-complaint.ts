import type { EntityManager } from '@mikro-orm/postgresql';
import { BuildingRosterData, ComplaintOrderChangedData } from '../../../catalog';
import { saveBuildingCompound, saveServiceComplaintIfNewer } from '../persistence/service-complaint.repository';

/** A hotline order as complaints last published it (the inbox transaction is the unit of work). */
export const recordServiceComplaint = (em: EntityManager, data: ComplaintOrderChangedData): Promise<void> =>
  saveServiceComplaintIfNewer(em, data);

/** Which compound a building stands in; the roster's households and owners are not kept. */
export const recordBuildingCompound = (em: EntityManager, data: BuildingRosterData): Promise<void> =>
  saveBuildingCompound(em, data);
