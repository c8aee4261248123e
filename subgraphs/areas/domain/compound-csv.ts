import { CsvRecord } from '../../../kernel/csv';
import {
  BUILDING_CLASSES,
  BuildingClass,
  BuildingRegistration,
  ValidHousehold,
  buildingProblems,
  householdProblems,
  validateHousehold,
} from './compound';
import { OwnerIdType, OwnerIdentityInput } from './owner-identity';

/**
 * The compound file a street office imports: one row per household, with its building's columns repeated.
 * Checked here, without the register, by the hub's import and by the clerk's CLI alike; the hub adds the checks
 * that need the register (rooms already registered, buildings described differently there).
 */
export const COMPOUND_CSV_COLUMNS = [
  'building',
  'building_class',
  'floors',
  'elevators',
  'unit',
  'room',
  'floor_area_m2',
  'owner_reference',
  'owner_name',
  'owner_legal_name',
  'owner_id_type',
  'owner_id_number',
  'owner_phone',
  'owner_service_address',
] as const;
type Column = (typeof COMPOUND_CSV_COLUMNS)[number];
/** Columns a file may leave out: the owner's name and identity (a row with any identity cell needs name, type and number). */
const OPTIONAL_COLUMNS: ReadonlySet<Column> = new Set<Column>([
  'owner_name',
  'owner_legal_name',
  'owner_id_type',
  'owner_id_number',
  'owner_phone',
  'owner_service_address',
]);

/** A room of the register: its building's label, unit and room, as one comparable key. */
export const roomKey = (buildingLabel: string, unit: string, room: string): string =>
  `${buildingLabel}|${unit}|${room}`;

/** Rows of households one file may hold. */
export const MAX_COMPOUND_CSV_ROWS = 200_000;

/**
 * Problems a refusal lists; the check stops at the line after the one where they pass it, since the file is refused
 * anyway (200,000 one-character rows held 800,000 problems, 120 MB, of which the refusal showed the first 500).
 */
export const REPORTED_COMPOUND_CSV_PROBLEMS = 500;

export interface LineProblem {
  line: number;
  field: string;
  problem: string;
}

export interface CheckedRow {
  line: number;
  building: BuildingRegistration;
  household: ValidHousehold;
}

/** Problems are named by the file's own columns, which is what the clerk sees. */
const COLUMN_OF: Record<string, Column> = {
  label: 'building',
  buildingClass: 'building_class',
  floorArea: 'floor_area_m2',
  ownerReference: 'owner_reference',
  ownerName: 'owner_name',
  'ownerIdentity.legalName': 'owner_legal_name',
  'ownerIdentity.idType': 'owner_id_type',
  'ownerIdentity.idNumber': 'owner_id_number',
  'ownerIdentity.phone': 'owner_phone',
  'ownerIdentity.serviceAddress': 'owner_service_address',
};

/** Digits only: `Number` also took `0x10`, `1e1` and ` ` (0) for a count of floors or elevators. */
const wholeNumber = (text: string): number => (/^[0-9]{1,6}$/.test(text) ? Number(text) : Number.NaN);

/**
 * Checks a compound file's rows: every problem by the file's column, and the rows to register, up to the line after
 * the first REPORTED_COMPOUND_CSV_PROBLEMS problems (`unread`: the lines after it were not checked).
 */
export function checkCompoundCsv(
  records: CsvRecord[],
  tick: () => void = () => undefined,
): { problems: LineProblem[]; rows: CheckedRow[]; unread: boolean } {
  const [header, ...lines] = records;
  const columns = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const missing = COMPOUND_CSV_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c) && !columns.includes(c));
  if (!header || missing.length > 0) {
    return {
      problems: [{ line: 1, field: 'header', problem: `missing ${missing.join(', ') || 'header'}` }],
      rows: [],
      unread: false,
    };
  }
  const problems: LineProblem[] = [];
  const rows: CheckedRow[] = [];
  const buildings = new Map<string, { building: BuildingRegistration; line: number; valid: boolean }>();
  const rooms = new Set<string>();
  // Each column's index found once: looked up per cell, a header of 500,000 empty columns made every row cost
  // milliseconds (4.2 s for 1,000 rows of a 528 KB file).
  const indexOf = new Map<string, number>();
  columns.forEach((c, i) => indexOf.has(c) || indexOf.set(c, i));
  const hasOwnerName = indexOf.has('owner_name');
  for (const { line, fields } of lines) {
    if (problems.length > REPORTED_COMPOUND_CSV_PROBLEMS) return { problems, rows, unread: true };
    tick();
    const cell = (name: Column) => (fields[indexOf.get(name) ?? -1] ?? '').trim();
    const report = (field: string, problem: string) =>
      problems.push({ line, field: COLUMN_OF[field] ?? field, problem });
    // A cell is one line: a quoted line break is allowed by CSV, but no name, label or room of the register holds one.
    const broken = fields.findIndex((f) => /[\r\n\t]/.test(f));
    if (broken >= 0) {
      report(columns[broken] ?? `column ${broken + 1}`, 'a cell may not hold a line break or a tab');
      continue;
    }
    const label = cell('building');
    if (!label) {
      report('building', 'building label is required');
      continue;
    }
    const building = {
      label,
      buildingClass: cell('building_class').toUpperCase() as BuildingClass,
      floors: wholeNumber(cell('floors')),
      elevators: wholeNumber(cell('elevators')),
    };
    const first = buildings.get(label);
    if (!first) {
      const classProblem = (BUILDING_CLASSES as readonly string[]).includes(building.buildingClass)
        ? {}
        : { buildingClass: 'must be LOW_RISE or HIGH_RISE' };
      const found = { ...classProblem, ...buildingProblems(building) };
      for (const [field, problem] of Object.entries(found)) report(field, problem);
      // A building whose first row is wrong is reported once there, not again on each of its other rows.
      buildings.set(label, { building, line, valid: Object.keys(found).length === 0 });
    } else if (
      first.valid &&
      (first.building.buildingClass !== building.buildingClass ||
        first.building.floors !== building.floors ||
        first.building.elevators !== building.elevators)
    ) {
      report('building', `building ${label} is described differently on line ${first.line}`);
    }
    const input = {
      unit: cell('unit'),
      room: cell('room'),
      floorArea: cell('floor_area_m2'),
      ownerReference: cell('owner_reference'),
      ownerName: hasOwnerName ? cell('owner_name') || undefined : undefined,
      ownerIdentity: ownerIdentityCells(cell),
    };
    const found = householdProblems(input);
    for (const [field, problem] of Object.entries(found)) report(field, problem);
    if (Object.keys(found).length > 0) continue;
    const household = validateHousehold(input);
    const key = roomKey(label, household.unit, household.room);
    if (rooms.has(key))
      report('room', `unit ${household.unit} room ${household.room} of ${label} appears twice in the file`);
    rooms.add(key);
    rows.push({ line, building: first?.building ?? building, household });
  }
  return { problems, rows, unread: false };
}

/** The owner's identity of a row, when any of its cells is filled (then it is checked whole); the cells stay unread in problems. */
function ownerIdentityCells(cell: (name: Column) => string): OwnerIdentityInput | undefined {
  const cells = {
    legalName: cell('owner_legal_name'),
    idType: cell('owner_id_type').toUpperCase() as OwnerIdType,
    idNumber: cell('owner_id_number'),
    phone: cell('owner_phone') || null,
    serviceAddress: cell('owner_service_address') || null,
  };
  return Object.values(cells).some((v) => v) ? cells : undefined;
}
