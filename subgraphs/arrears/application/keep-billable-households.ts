import type { EntityManager } from '@mikro-orm/postgresql';
import type { BuildingRosterData } from '../../../catalog';
import { replaceBuildingRoster } from '../persistence/billable-household.repository';

/**
 * Keeps the billable households in step with the areas feed: each roster is a building's whole list, so it
 * replaces the building's households (one removed from the register is no longer billed).
 */
export async function keepBillableHouseholds(em: EntityManager, roster: BuildingRosterData): Promise<void> {
  await replaceBuildingRoster(em, roster);
}
