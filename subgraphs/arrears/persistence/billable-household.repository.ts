import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import type { BuildingRosterData } from '../../../catalog';
import { HouseholdPlace } from '../domain/statement';
import type { IsoDate } from '../../../kernel/calendar';

/**
 * The households billing charges, as the areas feed lists them (floor area, building class, no owner names). Each
 * roster is a building's whole list, so the building's rows are replaced in one set-based statement pair: a
 * household removed from the register disappears from billing too.
 */
export async function replaceBuildingRoster(em: EntityManager, roster: BuildingRosterData): Promise<void> {
  await sqlRun(em, `delete from arrears.billable_household where building_id = ?`, [roster.buildingId]);
  if (roster.households.length === 0) return;
  await sqlRun(
    em,
    `insert into arrears.billable_household (household_id, building_id, area_id, building_class, unit, room, floor_area_centi_m2, owner_reference, owner_since, owner_died_on)
     select "householdId", ?::uuid, ?::uuid, ?, unit, room, "floorAreaCentiM2", "ownerReference", "ownerSince", "ownerDiedOn"
       from json_to_recordset(?::json)
         as t("householdId" uuid, unit text, room text, "floorAreaCentiM2" int, "ownerReference" text, "ownerSince" date, "ownerDiedOn" date)`,
    [roster.buildingId, roster.areaId, roster.buildingClass, JSON.stringify(roster.households)],
  );
}

/**
 * The households of the roster whose owner (reference, the day they became owner, or the day they died) differs from
 * what is kept.
 */
export async function householdsWithNewOwner(em: EntityManager, roster: BuildingRosterData): Promise<string[]> {
  if (roster.households.length === 0) return [];
  const rows = await sqlRows<{ household_id: string }>(
    em,
    `select h.household_id
       from arrears.billable_household h
       join json_to_recordset(?::json) as t("householdId" uuid, "ownerReference" text, "ownerSince" date, "ownerDiedOn" date)
         on t."householdId" = h.household_id
      where h.owner_reference is distinct from t."ownerReference" or h.owner_since is distinct from t."ownerSince"
         or h.owner_died_on is distinct from t."ownerDiedOn"`,
    [JSON.stringify(roster.households)],
  );
  return rows.map((r) => r.household_id);
}

/**
 * The day each household's owner became the owner, where the register recorded a change of owner (the roster's
 * ownerSince); households without one, or no longer on the register, are absent.
 */
export async function ownersSince(em: EntityManager, householdIds: readonly string[]): Promise<Map<string, IsoDate>> {
  const rows = await sqlRows<{ household_id: string; owner_since: IsoDate }>(
    em,
    `select household_id, to_char(owner_since, 'YYYY-MM-DD') as owner_since from arrears.billable_household
      where household_id = any(?::uuid[]) and owner_since is not null`,
    [sqlArray(householdIds)],
  );
  return new Map(rows.map((r) => [r.household_id, r.owner_since]));
}

/** ownersSince by account: the day each account's household changed owner, where the register recorded it. */
export async function ownersSinceOfAccounts(
  em: EntityManager,
  accountIds: readonly string[],
): Promise<Map<string, IsoDate>> {
  const rows = await sqlRows<{ account_id: string; owner_since: IsoDate }>(
    em,
    `select a.id as account_id, to_char(h.owner_since, 'YYYY-MM-DD') as owner_since
       from arrears.account a join arrears.billable_household h on h.household_id = a.household_id
      where a.id = any(?::uuid[]) and h.owner_since is not null`,
    [sqlArray(accountIds)],
  );
  return new Map(rows.map((r) => [r.account_id, r.owner_since]));
}

/** Which of the buildings have households in the area. */
export async function buildingsWithHouseholds(
  em: EntityManager,
  areaId: string,
  buildingIds: readonly string[],
): Promise<string[]> {
  const rows = await sqlRows<{ building_id: string }>(
    em,
    `select distinct building_id from arrears.billable_household where area_id = ? and building_id = any(?::uuid[])`,
    [areaId, sqlArray(buildingIds)],
  );
  return rows.map((r) => r.building_id);
}

interface HouseholdPlaceColumns {
  unit: string;
  room: string;
  floor_area_centi_m2: number;
}

const householdPlaceOf = (r: HouseholdPlaceColumns): HouseholdPlace => ({
  unit: r.unit,
  room: r.room,
  floorAreaCentiM2: r.floor_area_centi_m2,
});

/** Where the household lives; null once the register no longer lists it. */
export async function findHouseholdPlace(em: EntityManager, householdId: string): Promise<HouseholdPlace | null> {
  const [row] = await sqlRows<HouseholdPlaceColumns>(
    em,
    `select unit, room, floor_area_centi_m2 from arrears.billable_household where household_id = ?`,
    [householdId],
  );
  return row ? householdPlaceOf(row) : null;
}
