import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../infra/auth/identity';
import { parseCsv } from '../../../infra/csv';
import { InvalidInputError } from '../../../infra/errors';
import { BUILDING_CLASSES, BuildingClass, householdProblems, validateHousehold } from '../domain/compound';
import { Building } from '../persistence/compound.entity';
import { manageableCompound } from './compounds';

/**
 * Bulk import of a compound's buildings and households from one CSV file, all or nothing: every bad line is
 * reported with its reasons and, if there is any, nothing is written. Rows are inserted set-based.
 *
 * Columns: building, building_class, floors, elevators, unit, room, floor_area_m2, owner_reference, owner_name.
 * A building's columns must agree on every row that names it; buildings already in the compound are reused.
 */
export const COMPOUND_CSV_COLUMNS = [
  'building', 'building_class', 'floors', 'elevators', 'unit', 'room', 'floor_area_m2', 'owner_reference', 'owner_name',
] as const;

export interface LineProblem {
  line: number;
  field: string;
  problem: string;
}

export interface ImportSummary {
  buildingsCreated: number;
  householdsCreated: number;
}

interface PlannedBuilding {
  id: string;
  label: string;
  buildingClass: BuildingClass;
  floors: number;
  elevators: number;
  existing: boolean;
  line: number;
}

const MAX_ROWS = 200_000;

export async function importCompoundCsv(em: EntityManager, identity: Identity, compoundId: string, csv: string): Promise<ImportSummary> {
  return em.transactional(async (tx) => {
    await manageableCompound(tx, identity, compoundId);
    const records = parseCsv(csv);
    const [header, ...rows] = records;
    const problems: LineProblem[] = [];
    const columns = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
    const missing = COMPOUND_CSV_COLUMNS.filter((c) => c !== 'owner_name' && !columns.includes(c));
    if (!header || missing.length > 0) {
      throw new InvalidInputError('The CSV header is missing columns', { lines: [{ line: 1, field: 'header', problem: `missing ${missing.join(', ') || 'header'}` }] });
    }
    if (rows.length > MAX_ROWS) throw new InvalidInputError(`At most ${MAX_ROWS} rows per file`, { rows: rows.length });

    const existing = new Map((await tx.find(Building, { compoundId })).map((b) => [b.label, b]));
    const planned = new Map<string, PlannedBuilding>();
    const seenRooms = new Set<string>();
    const existingRooms = new Set(
      (
        await tx.getConnection().execute<{ key: string }[]>(
          `select b.label || '|' || h.unit || '|' || h.room as key from areas.household h join areas.building b on b.id = h.building_id where b.compound_id = ?`,
          [compoundId],
          'all',
          tx.getTransactionContext(),
        )
      ).map((r) => r.key),
    );
    const households: { id: string; buildingId: string; unit: string; room: string; area: number; ownerReference: string; ownerName: string | null }[] = [];

    for (const { line, fields } of rows) {
      const cell = (name: (typeof COMPOUND_CSV_COLUMNS)[number]) => (fields[columns.indexOf(name)] ?? '').trim();
      const report = (field: string, problem: string) => problems.push({ line, field, problem });
      const label = cell('building');
      if (!label) {
        report('building', 'building label is required');
        continue;
      }
      const buildingClass = cell('building_class').toUpperCase();
      const floors = Number(cell('floors'));
      const elevators = Number(cell('elevators'));
      let building = planned.get(label);
      if (!building) {
        const known = existing.get(label);
        if (!(BUILDING_CLASSES as readonly string[]).includes(buildingClass)) report('building_class', 'must be LOW_RISE or HIGH_RISE');
        if (!Number.isInteger(floors) || floors < 1 || floors > 200) report('floors', 'must be a whole number from 1 to 200');
        if (!Number.isInteger(elevators) || elevators < 0 || elevators > 100) report('elevators', 'must be a whole number from 0 to 100');
        building = {
          id: known?.id ?? randomUUID(),
          label,
          buildingClass: (known?.buildingClass ?? buildingClass) as BuildingClass,
          floors: known?.floors ?? floors,
          elevators: known?.elevators ?? elevators,
          existing: Boolean(known),
          line,
        };
        planned.set(label, building);
      }
      if (building.buildingClass !== buildingClass || building.floors !== floors || building.elevators !== elevators) {
        report('building', `building ${label} is described differently on line ${building.line} or in the register`);
      }
      const household = {
        unit: cell('unit'),
        room: cell('room'),
        floorArea: cell('floor_area_m2'),
        ownerReference: cell('owner_reference'),
        ownerName: columns.includes('owner_name') ? cell('owner_name') || undefined : undefined,
      };
      const fieldProblems = householdProblems(household);
      for (const [field, problem] of Object.entries(fieldProblems)) report(field === 'floorArea' ? 'floor_area_m2' : field, problem);
      if (Object.keys(fieldProblems).length > 0) continue;
      const valid = validateHousehold(household);
      const key = `${label}|${valid.unit}|${valid.room}`;
      if (seenRooms.has(key)) report('room', `unit ${valid.unit} room ${valid.room} of ${label} appears twice in the file`);
      else if (existingRooms.has(key)) report('room', `unit ${valid.unit} room ${valid.room} of ${label} is already registered`);
      seenRooms.add(key);
      households.push({
        id: randomUUID(),
        buildingId: building.id,
        unit: valid.unit,
        room: valid.room,
        area: valid.floorAreaCentiM2,
        ownerReference: valid.ownerReference,
        ownerName: valid.ownerName ?? null,
      });
    }

    if (problems.length > 0) {
      throw new InvalidInputError(`The file has ${problems.length} problem(s); nothing was imported`, { lines: problems.slice(0, 500) });
    }

    const newBuildings = [...planned.values()].filter((b) => !b.existing);
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
    return { buildingsCreated: newBuildings.length, householdsCreated: households.length };
  });
}
