import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { parseCsv } from '../../../kernel/csv';
import { InvalidInputError } from '../../../kernel/errors';
import { checkCompoundCsv } from '../domain/compound-csv';
import { Building } from '../persistence/compound.entity';
import { recordBuildingRosters } from '../events/publish/area-events';
import { manageableCompound } from './compounds';

/**
 * Bulk import of a compound's buildings and households from one CSV file, all or nothing: every bad line is
 * reported with its reasons and, if there is any, nothing is written. Rows are inserted set-based.
 * Buildings already in the compound are reused, and must be described as in the register.
 */
export interface ImportSummary {
  buildingsCreated: number;
  householdsCreated: number;
}

const MAX_ROWS = 200_000;

export async function importCompoundCsv(em: EntityManager, identity: Identity, compoundId: string, csv: string): Promise<ImportSummary> {
  return em.transactional(async (tx) => {
    await manageableCompound(tx, identity, compoundId);
    const records = parseCsv(csv);
    if (records.length - 1 > MAX_ROWS) throw new InvalidInputError(`At most ${MAX_ROWS} rows per file`, { rows: records.length - 1 });
    const { problems, rows } = checkCompoundCsv(records);

    const registered = new Map((await tx.find(Building, { compoundId })).map((b) => [b.label, b]));
    const registeredRooms = new Set(
      (
        await tx.getConnection().execute<{ key: string }[]>(
          `select b.label || '|' || h.unit || '|' || h.room as key from areas.household h join areas.building b on b.id = h.building_id where b.compound_id = ?`,
          [compoundId],
          'all',
          tx.getTransactionContext(),
        )
      ).map((r) => r.key),
    );
    const buildingIds = new Map<string, string>();
    const newBuildings: { id: string; label: string; buildingClass: string; floors: number; elevators: number }[] = [];
    const households = [];
    for (const { line, building, household } of rows) {
      const known = registered.get(building.label);
      if (known && (known.buildingClass !== building.buildingClass || known.floors !== building.floors || known.elevators !== building.elevators)) {
        problems.push({ line, field: 'building', problem: `building ${building.label} is described differently in the register` });
      }
      if (registeredRooms.has(`${building.label}|${household.unit}|${household.room}`)) {
        problems.push({ line, field: 'room', problem: `unit ${household.unit} room ${household.room} of ${building.label} is already registered` });
      }
      let buildingId = known?.id ?? buildingIds.get(building.label);
      if (!buildingId) {
        buildingId = randomUUID();
        newBuildings.push({ id: buildingId, ...building });
      }
      buildingIds.set(building.label, buildingId);
      households.push({ id: randomUUID(), buildingId, unit: household.unit, room: household.room, area: household.floorAreaCentiM2, ownerReference: household.ownerReference, ownerName: household.ownerName ?? null });
    }

    if (problems.length > 0) {
      problems.sort((a, b) => a.line - b.line);
      throw new InvalidInputError(`The file has ${problems.length} problem(s); nothing was imported`, { lines: problems.slice(0, 500) });
    }

    const run = (sql: string, params: unknown[]) => tx.getConnection().execute(sql, params, 'run', tx.getTransactionContext());
    if (newBuildings.length > 0) {
      await run(
        `insert into areas.building (id, compound_id, label, building_class, floors, elevators)
         select id, ?::uuid, label, building_class, floors, elevators
           from json_to_recordset(?::json) as t(id uuid, label text, building_class text, floors int, elevators int)`,
        [compoundId, JSON.stringify(newBuildings.map((b) => ({ id: b.id, label: b.label, building_class: b.buildingClass, floors: b.floors, elevators: b.elevators })))],
      );
    }
    const chunk = 20_000;
    for (let i = 0; i < households.length; i += chunk) {
      const part = households.slice(i, i + chunk);
      // One JSON parameter per chunk: knex would expand array bindings into lists.
      await run(
        `insert into areas.household (id, building_id, unit, room, floor_area_centi_m2, owner_reference, owner_name)
         select id, building_id, unit, room, floor_area_centi_m2, owner_reference, owner_name
           from json_to_recordset(?::json)
             as t(id uuid, building_id uuid, unit text, room text, floor_area_centi_m2 int, owner_reference text, owner_name text)`,
        [JSON.stringify(part.map((h) => ({ id: h.id, building_id: h.buildingId, unit: h.unit, room: h.room, floor_area_centi_m2: h.area, owner_reference: h.ownerReference, owner_name: h.ownerName })))],
      );
    }
    await recordBuildingRosters(tx, [...buildingIds.values()]);
    return { buildingsCreated: newBuildings.length, householdsCreated: households.length };
  });
}
