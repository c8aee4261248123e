import { BUILDING_ROSTER_CHANGED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';

/**
 * Keeps the billable households in step with the areas feed. Each event is a building's whole roster, so the
 * building's rows are replaced in one set-based statement pair (a removed household disappears too).
 */
export const billableHouseholdConsumer: ConsumerDefinition = {
  name: 'arrears.billable-households',
  subscriptions: [
    on(BUILDING_ROSTER_CHANGED, async (em, event) => {
      const roster = event.data;
      const run = (sql: string, params: unknown[]) => em.getConnection().execute(sql, params, 'run', em.getTransactionContext());
      await run(`delete from arrears.billable_household where building_id = ?`, [roster.buildingId]);
      if (roster.households.length === 0) return;
      await run(
        `insert into arrears.billable_household (household_id, building_id, area_id, building_class, unit, room, floor_area_centi_m2, owner_reference)
         select "householdId", ?::uuid, ?::uuid, ?, unit, room, "floorAreaCentiM2", "ownerReference"
           from json_to_recordset(?::json) as t("householdId" uuid, unit text, room text, "floorAreaCentiM2" int, "ownerReference" text)`,
        [roster.buildingId, roster.areaId, roster.buildingClass, JSON.stringify(roster.households)],
      );
    }),
  ],
};
