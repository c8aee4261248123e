import type { EntityManager } from '@mikro-orm/postgresql';
import type { BuildingRosterData } from '../../../catalog';
import { todayInChina } from '../../../kernel/clock';
import { accountIdsOfHouseholds } from '../persistence/account.repository';
import { householdsWithNewOwner, replaceBuildingRoster } from '../persistence/billable-household.repository';
import { publishClaims } from './claims.publish';

/**
 * Keeps the billable households in step with the areas feed: each roster is a building's whole list, so it
 * replaces the building's households (one removed from the register is no longer billed). A household with a new
 * owner has its account's claim published again, so the litigation subgraph names the owner and the day they became
 * one (a referral leaves out the months begun before it: the former owner's).
 */
export async function keepBillableHouseholds(em: EntityManager, roster: BuildingRosterData): Promise<void> {
  const newOwners = await householdsWithNewOwner(em, roster);
  await replaceBuildingRoster(em, roster);
  if (newOwners.length > 0) await publishClaims(em, await accountIdsOfHouseholds(em, newOwners), todayInChina());
}
