import { randomUUID } from 'node:crypto';
import { HubOrm } from '../platform/db/orm';
import type { SubgraphModule } from '../platform/subgraph/module';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { complaintsSubgraph } from '../subgraphs/complaints/module';
import { contractsSubgraph } from '../subgraphs/contracts/module';
import { litigationSubgraph } from '../subgraphs/litigation/module';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * Counts and sizes that are never below zero are checked by the database itself (migrations
 * `Migration20261231010000_counts_non_negative` of complaints and contracts,
 * `Migration20261231010000_referral_deadline_sequence_non_negative` of litigation), as a referral's amounts are: a
 * write that bypasses the code (the event schemas, assessFiling, the counters) cannot store a negative count, and a
 * value the code writes is still taken.
 */
function subgraphDatabase(subgraph: SubgraphModule) {
  const database = runDatabaseName(`count_columns_${subgraph.name}_${uniqueSuffix()}`);
  let orm: HubOrm;
  beforeAll(async () => {
    orm = await migratedSubgraphOrm(subgraph, database);
  });
  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });
  const execute = (sql: string, params: unknown[] = []) => orm.em.fork().getConnection().execute(sql, params);
  return {
    execute,
    /** PostgreSQL's check_violation, naming the migration's constraint. */
    refused: (sql: string, params: unknown[], constraint: string) =>
      expect(execute(sql, params)).rejects.toMatchObject({ code: '23514', constraint }),
    /** Each column set below zero (`below`, -1 unless told) is refused by `<table>_<column>_<suffix>`. */
    async refusesBelow(table: string, columns: string[], where: { column: string; value: unknown }, below = -1) {
      const [schema, name] = table.split('.');
      for (const column of columns) {
        const suffix = below === -1 ? 'non_negative' : 'positive';
        await expect(
          execute(`update ${schema}.${name} set "${column}" = ? where ${where.column} = ?`, [below, where.value]),
        ).rejects.toMatchObject({ code: '23514', constraint: `${name}_${column}_${suffix}` });
      }
    },
  };
}

describe('complaints: a compound or building count below zero is refused by the database', () => {
  const db = subgraphDatabase(complaintsSubgraph);
  const compoundId = randomUUID();
  const insertCompound = (id: string, units: number) =>
    db.execute(
      `insert into complaints.compound_view (compound_id, name, district_code, street_code, governance_model, property_rights_units)
       values (?, '阳光丽景', '110108', '110108001', 'PROPERTY_COMPANY', ?)`,
      [id, units],
    );
  const insertBuilding = (id: string, households: number) =>
    db.execute(`insert into complaints.building_view (building_id, compound_id, households) values (?, ?, ?)`, [
      id,
      compoundId,
      households,
    ]);

  it('refuses negative property-rights units and households on insert and update, and takes zero or more', async () => {
    await db.refused(
      `insert into complaints.compound_view (compound_id, name, district_code, street_code, governance_model, property_rights_units)
       values (?, '阳光丽景', '110108', '110108001', 'PROPERTY_COMPANY', -1)`,
      [randomUUID()],
      'compound_view_property_rights_units_non_negative',
    );
    await db.refused(
      `insert into complaints.building_view (building_id, compound_id, households) values (?, ?, -1)`,
      [randomUUID(), compoundId],
      'building_view_households_non_negative',
    );
    await insertCompound(compoundId, 0);
    await insertCompound(randomUUID(), 480);
    const buildingId = randomUUID();
    await insertBuilding(buildingId, 0);
    await insertBuilding(randomUUID(), 96);
    await db.refusesBelow('complaints.compound_view', ['property_rights_units'], {
      column: 'compound_id',
      value: compoundId,
    });
    await db.refusesBelow('complaints.building_view', ['households'], { column: 'building_id', value: buildingId });
    await db.execute(`update complaints.building_view set households = 24 where building_id = ?`, [buildingId]);
    const [row] = await db.execute(
      `select (select property_rights_units from complaints.compound_view where compound_id = ?) as units,
              (select households from complaints.building_view where building_id = ?) as households`,
      [compoundId, buildingId],
    );
    expect(row).toEqual({ units: 0, households: 24 });
  });
});

describe('contracts: a count or size below zero is refused by the database', () => {
  const db = subgraphDatabase(contractsSubgraph);
  const areaId = randomUUID();
  const contractId = randomUUID();
  const filingId = randomUUID();
  const uploadId = randomUUID();
  const sha256 = 'a'.repeat(64);

  beforeAll(async () => {
    await db.execute(
      `insert into contracts.area_view (area_id, name, district_code, street_code, registered_at, synced_at, total_floor_area_centi_m2, households)
       values (?, '阳光丽景', '110108', '110108001', now(), now(), 0, 0)`,
      [areaId],
    );
    await db.execute(
      `insert into contracts.contract (id, area_id, street_code, district_code, company_id, status, kind, number, starts_on, ends_on, terms, created_at, updated_at)
       values (?, ?, '110108001', '110108', '91110108MA0COUNTS', 'SUBMITTED', 'REGULAR', 'HT-2026-001', '2027-01-01', '2029-12-31', '{}'::jsonb, now(), now())`,
      [contractId, areaId],
    );
    await db.execute(
      `insert into contracts.filing (id, contract_id, area_id, street_code, district_code, company_id, kind, status, current_version, sequence,
         deadline_from, submitted_on, deadline, late, days_late, created_at, updated_at)
       values (?, ?, ?, '110108001', '110108', '91110108MA0COUNTS', 'INITIAL', 'SUBMITTED', 1, 1,
         '2026-11-01', '2026-12-01', '2026-12-01', false, 0, now(), now())`,
      [filingId, contractId, areaId],
    );
    await db.execute(
      `insert into contracts.filing_document_upload (id, contract_id, company_id, name, type, size_bytes, sha256, started_by)
       values (?, ?, '91110108MA0COUNTS', '物业服务合同.pdf', 'CONTRACT', 1048576, ?, 'test')`,
      [uploadId, contractId, sha256],
    );
  });

  it("refuses an area's negative floor area or households, and takes what the area reports", async () => {
    await db.refusesBelow('contracts.area_view', ['total_floor_area_centi_m2', 'households'], {
      column: 'area_id',
      value: areaId,
    });
    await db.execute(
      `update contracts.area_view set total_floor_area_centi_m2 = 4520000, households = 480 where area_id = ?`,
      [areaId],
    );
  });

  it('refuses a negative deadline sequence of a contract or days late of a filing, and takes zero or more', async () => {
    await db.refusesBelow('contracts.contract', ['deadline_sequence'], { column: 'id', value: contractId });
    await db.refusesBelow('contracts.filing', ['days_late'], { column: 'id', value: filingId });
    await db.execute(`update contracts.contract set deadline_sequence = 2 where id = ?`, [contractId]);
    await db.execute(`update contracts.filing set late = true, days_late = 3 where id = ?`, [filingId]);
    const [row] = await db.execute(
      `select c.deadline_sequence, f.days_late from contracts.contract c join contracts.filing f on f.contract_id = c.id where c.id = ?`,
      [contractId],
    );
    expect(row).toEqual({ deadline_sequence: 2, days_late: 3 });
  });

  it("refuses a record-number counter's year or last number below 1, and takes the first number of a year", async () => {
    const insertCounter = (year: number, last: number) =>
      db.execute(`insert into contracts.record_number_counter (district_code, year, last) values ('110108', ?, ?)`, [
        year,
        last,
      ]);
    await expect(insertCounter(0, 1)).rejects.toMatchObject({
      code: '23514',
      constraint: 'record_number_counter_year_positive',
    });
    await expect(insertCounter(2027, 0)).rejects.toMatchObject({
      code: '23514',
      constraint: 'record_number_counter_last_positive',
    });
    await insertCounter(2027, 1);
    await db.refusesBelow('contracts.record_number_counter', ['year', 'last'], { column: 'year', value: 2027 }, 0);
  });

  it("refuses an upload part's negative index and a certificate's negative size, and takes part 0", async () => {
    const insertPart = (index: number) =>
      db.execute(
        `insert into contracts.filing_document_upload_part (upload_id, index, bytes) values (?, ?, '\\x25504446'::bytea)`,
        [uploadId, index],
      );
    await expect(insertPart(-1)).rejects.toMatchObject({
      code: '23514',
      constraint: 'filing_document_upload_part_index_non_negative',
    });
    await insertPart(0);
    await db.refusesBelow('contracts.filing_document_upload_part', ['index'], { column: 'upload_id', value: uploadId });

    const insertCertificate = (sizeBytes: number) =>
      db.execute(
        `insert into contracts.filing_certificate (filing_id, record_number, content_sha256, pdf_sha256, size_bytes, storage_key, issued_on, facts)
         values (?, '京海物备字〔2027〕第0001号', ?, ?, ?, 'certificates/test.pdf', '2027-01-05', '{}'::jsonb)`,
        [filingId, sha256, sha256, sizeBytes],
      );
    await expect(insertCertificate(-1)).rejects.toMatchObject({
      code: '23514',
      constraint: 'filing_certificate_size_bytes_non_negative',
    });
    await insertCertificate(48_213);
    const [row] = await db.execute(`select size_bytes from contracts.filing_certificate where filing_id = ?`, [
      filingId,
    ]);
    expect(row).toEqual({ size_bytes: 48_213 });
  });
});

describe("litigation: a referral's deadline sequence below zero is refused by the database", () => {
  const db = subgraphDatabase(litigationSubgraph);
  const courtId = 'TEST-COURT-SEQUENCE';

  it('refuses a negative deadline sequence on insert and update, and takes zero and the next', async () => {
    await db.execute(
      `insert into litigation.court (court_id, name, province_code, registered_at) values (?, '海淀区人民法院', '110000', now())`,
      [courtId],
    );
    const insertReferral = (id: string, sequence: number) =>
      db.execute(
        `insert into litigation.referral (id, company_id, court_id, account_id, household_id, area_id, area_name, street_code,
           district_code, eligible, eligibility, status, amount_in_dispute_fen, grand_total_fen, submitted_on, submitted_by, deadline_sequence)
         values (?, '91110108MA0SEQUENC', ?, ?, ?, ?, '阳光丽景', '110108001', '110108', true, '{}'::jsonb, 'SUBMITTED', 100, 100,
           '2026-12-01', 'test', ?)`,
        [id, courtId, randomUUID(), randomUUID(), randomUUID(), sequence],
      );
    await expect(insertReferral(randomUUID(), -1)).rejects.toMatchObject({
      code: '23514',
      constraint: 'referral_deadline_sequence_non_negative',
    });
    const id = randomUUID();
    await insertReferral(id, 0);
    await db.refusesBelow('litigation.referral', ['deadline_sequence'], { column: 'id', value: id });
    await db.execute(`update litigation.referral set deadline_sequence = deadline_sequence + 1 where id = ?`, [id]);
    const [row] = await db.execute(`select deadline_sequence from litigation.referral where id = ?`, [id]);
    expect(row).toEqual({ deadline_sequence: 1 });
  });
});
