import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { keyReusedFor, transactionOnce } from '../../../platform/db/idempotency';
import { areasError } from '../domain/errors';
import { parseCsvWithin } from '../../../kernel/csv';
import { InvalidInputError } from '../../../kernel/errors';
import { BuildingRegistration } from '../domain/compound';
import {
  MAX_COMPOUND_CSV_ROWS,
  REPORTED_COMPOUND_CSV_PROBLEMS,
  checkCompoundCsv,
  roomKey,
} from '../domain/compound-csv';
import { buildingsOfCompounds, insertBuildings } from '../persistence/building.repository';
import { NewHouseholdRecord, insertHouseholds, registeredRooms } from '../persistence/household.repository';
import { OwnerIdentity } from '../domain/owner-identity';
import { saveOwnerIdentities } from '../persistence/owner-identity.repository';
import { recordBuildingRosters } from './building-rosters';
import { manageableCompound } from './compound.lookup';
import { allowLongStatements } from '../../../platform/db/sql';

/**
 * Bulk import of a compound's buildings and households from one CSV file, all or nothing: every bad line is
 * reported with its reasons and, if there is any, nothing is written. Rows are inserted set-based.
 * Buildings already in the compound are reused, and must be described as in the register. Owners' identities, where
 * the file has them, are checked with the rest and stored sealed (persistence/owner-identity.repository.ts).
 */
export interface ImportSummary {
  buildingsCreated: number;
  householdsCreated: number;
}

/**
 * With an idempotency key a retry returns the first import's summary; two imports of one file racing without one: the
 * second reports the first one's rooms as already registered.
 */
export async function importCompoundCsv(
  em: EntityManager,
  identity: Identity,
  compoundId: string,
  csv: string,
  idempotencyKey?: string | null,
): Promise<ImportSummary> {
  const optionalKey = {
    scope: 'compound-import',
    ownerId: identity.organisationId,
    key: idempotencyKey,
    content: () => ({ compoundId, csv }),
    reused: keyReusedFor(areasError, 'import'),
  };
  return transactionOnce(em, optionalKey, async (tx) => {
    await allowLongStatements(tx);
    await manageableCompound(tx, identity, compoundId);
    const records = parseCsvWithin(csv, MAX_COMPOUND_CSV_ROWS);
    if (!records)
      throw new InvalidInputError(`At most ${MAX_COMPOUND_CSV_ROWS} rows per file`, { maxRows: MAX_COMPOUND_CSV_ROWS });
    const { problems, rows, unread } = checkCompoundCsv(records);

    const registered = new Map((await buildingsOfCompounds(tx, [compoundId])).map((b) => [b.label, b]));
    const registeredRoomKeys = new Set(
      (await registeredRooms(tx, compoundId)).map((r) => roomKey(r.label, r.unit, r.room)),
    );
    const buildingIds = new Map<string, string>();
    const newBuildings: (BuildingRegistration & { id: string })[] = [];
    const households: NewHouseholdRecord[] = [];
    const identities: { householdId: string; identity: OwnerIdentity }[] = [];
    for (const { line, building, household } of rows) {
      const known = registered.get(building.label);
      if (
        known &&
        (known.buildingClass !== building.buildingClass ||
          known.floors !== building.floors ||
          known.elevators !== building.elevators)
      ) {
        problems.push({
          line,
          field: 'building',
          problem: `building ${building.label} is described differently in the register`,
        });
      }
      if (registeredRoomKeys.has(roomKey(building.label, household.unit, household.room))) {
        problems.push({
          line,
          field: 'room',
          problem: `unit ${household.unit} room ${household.room} of ${building.label} is already registered`,
        });
      }
      let buildingId = known?.id ?? buildingIds.get(building.label);
      if (!buildingId) {
        buildingId = randomUUID();
        newBuildings.push({ id: buildingId, ...building });
      }
      buildingIds.set(building.label, buildingId);
      const householdId = randomUUID();
      if (household.ownerIdentity) identities.push({ householdId, identity: household.ownerIdentity });
      households.push({
        id: householdId,
        buildingId,
        unit: household.unit,
        room: household.room,
        floorAreaCentiM2: household.floorAreaCentiM2,
        ownerReference: household.ownerReference,
        ownerName: household.ownerName ?? null,
      });
    }

    if (problems.length > 0) {
      problems.sort((a, b) => a.line - b.line);
      const count = unread ? `more than ${REPORTED_COMPOUND_CSV_PROBLEMS} problems` : `${problems.length} problem(s)`;
      throw new InvalidInputError(`The file has ${count}; nothing was imported`, {
        lines: problems.slice(0, REPORTED_COMPOUND_CSV_PROBLEMS),
      });
    }

    await insertBuildings(tx, compoundId, newBuildings);
    await insertHouseholds(tx, households);
    await saveOwnerIdentities(tx, identities, identity.subject);
    await recordBuildingRosters(tx, [...buildingIds.values()]);
    return { buildingsCreated: newBuildings.length, householdsCreated: households.length };
  });
}
