import { randomUUID } from 'node:crypto';
import { AREA_DEADLINE_CHANGED } from '../catalog';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HubOrm, migrateUp } from '../platform/db/orm';
import { sqlRows, sqlRun } from '../platform/db/sql';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { areasSubgraph } from '../subgraphs/areas/module';
import { expectValidData } from './support/event-schema';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * A committee formed 2026-09-01 as stored before the migration under test, with the 30-day filing deadline (and its
 * late flag where filed), in an area of its own in `district`, whose owners' assembly first met on `assemblyOn` (none:
 * null). `pmcRules` only where the schema has the column (from Migration20261226000000_committee_rules).
 */
async function insertCommittee(
  em: EntityManager,
  c: {
    id: string;
    district: string;
    filedOn: string | null;
    recordedOn: string | null;
    pmcRules?: string;
    assemblyOn: string | null;
  },
): Promise<void> {
  const area = randomUUID();
  await sqlRun(
    em,
    `insert into areas.area (id, name, district_code, street_code, registered_by, registered_at) values (?, ?, ?, ?, 'office', now())`,
    [area, `area of ${c.id}`, c.district, `${c.district}001`],
  );
  const withRules = c.pmcRules !== undefined;
  await sqlRun(
    em,
    `insert into areas.governance_body (id, area_id, kind, formed_on, term_ends_on, filed_on, filing_deadline, filed_late, recorded_on, created_by${withRules ? ', pmc_rules' : ''})
     values (?, ?, 'PROPERTY_MANAGEMENT_COMMITTEE', '2026-09-01', '2029-08-31', ?, '2026-10-08', ?, ?, 'office'${withRules ? ', ?' : ''})`,
    [c.id, area, c.filedOn, c.filedOn ? true : null, c.recordedOn, ...(withRules ? [c.pmcRules] : [])],
  );
  if (c.assemblyOn)
    await sqlRun(
      em,
      `insert into areas.governance_body (id, area_id, kind, formed_on, created_by) values (?, ?, 'OWNERS_ASSEMBLY', ?, 'office')`,
      [randomUUID(), area, c.assemblyOn],
    );
}

/**
 * Committees formed before each kept its rules (areas statutes.ts pmcRulesOf): Beijing's keep Beijing's; one of
 * 临江市, given Beijing's deadlines then, has its stored figures cleared and its open deadlines announced cancelled,
 * so the register stops chasing its street office under Beijing's articles (helper-204's review).
 */
describe("areas: the migration holding each committee formed before to its own city's rules", () => {
  const database = runDatabaseName(`committee_rules_${uniqueSuffix()}`);
  let orm: HubOrm;
  const [beijingPmc, linjiangUnfiled, linjiangFiled, linjiangRecorded] = [
    randomUUID(),
    randomUUID(),
    randomUUID(),
    randomUUID(),
  ];

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(areasSubgraph, database, {
      upTo: 'Migration20261225010000_committee_election_decision',
    });
    const em = orm.em.fork();
    // As formed before, one committee an area: each with Beijing's 30-day filing deadline and flags.
    for (const [id, district, filedOn, recordedOn] of [
      [beijingPmc, '110102', null, null],
      [linjiangUnfiled, '220681', null, null],
      [linjiangFiled, '220681', '2026-10-20', null],
      [linjiangRecorded, '220681', '2026-10-20', '2026-10-22'],
    ] as const) {
      // Its owners' assembly on record, so the Beijing committee's filing period runs after the next migration too.
      await insertCommittee(em, { id, district, filedOn, recordedOn, assemblyOn: '2026-06-01' });
    }
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it("keeps Beijing's, clears 临江市's Beijing figures and announces its open deadlines cancelled", async () => {
    await migrateUp(orm);
    const em = orm.em.fork();
    const bodies = await sqlRows<{
      id: string;
      pmc_rules: string | null;
      filing_deadline: string | null;
      filed_late: boolean | null;
    }>(
      em,
      `select id, pmc_rules, to_char(filing_deadline, 'YYYY-MM-DD') as filing_deadline, filed_late from areas.governance_body
        where kind = 'PROPERTY_MANAGEMENT_COMMITTEE'`,
    );
    const of = (id: string) => bodies.find((b) => b.id === id);
    expect(of(beijingPmc)).toMatchObject({ pmc_rules: '11', filing_deadline: '2026-10-08' });
    for (const id of [linjiangUnfiled, linjiangFiled, linjiangRecorded])
      expect(of(id)).toMatchObject({ pmc_rules: null, filing_deadline: null, filed_late: null });
    const events = await sqlRows<{ message_key: string; event_type: string; payload: Record<string, unknown> }>(
      em,
      `select message_key, event_type, payload from areas.outbox order by message_key`,
    );
    // The unfiled committee's filing and the filed one's recording: the rest were met.
    expect(events.map((e) => e.message_key).sort()).toEqual(
      [`committee-filing:${linjiangUnfiled}`, `committee-recording:${linjiangFiled}`].sort(),
    );
    for (const e of events) {
      expect(e.event_type).toBe(AREA_DEADLINE_CHANGED.type);
      expect(expectValidData(AREA_DEADLINE_CHANGED.type, e.payload)).toMatchObject({
        cancelled: true,
        sequence: 3,
        districtCode: '220681',
        ownerOrganisationId: 'office',
      });
    }
    expect(events.find((e) => e.message_key.startsWith('committee-filing'))?.payload.dueOn).toBe('2026-10-08');
  });
});

/**
 * Beijing art. 55 para. 1 runs the filing and recording periods for a committee of an area whose owners' assembly is
 * formed; one of an area without an assembly applies for its seal instead (para. 3). Committees formed before are
 * given it by whether their area's assembly stood on their formation day; the others have their figures cleared and
 * their open deadlines announced cancelled (helper-210's legal audit).
 */
describe("areas: the migration running a committee's filing periods only where its area's assembly stood", () => {
  const database = runDatabaseName(`committee_filing_${uniqueSuffix()}`);
  let orm: HubOrm;
  const [withAssembly, assemblyLater, withoutUnfiled, withoutFiled] = [
    randomUUID(),
    randomUUID(),
    randomUUID(),
    randomUUID(),
  ];

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(areasSubgraph, database, { upTo: 'Migration20261226000000_committee_rules' });
    const em = orm.em.fork();
    // Beijing committees formed 2026-09-01 with the 30-day deadline: an assembly formed before, one formed after,
    // none (unfiled), none (filed, not recorded).
    for (const [id, assemblyOn, filedOn] of [
      [withAssembly, '2026-06-01', null],
      [assemblyLater, '2026-09-15', null],
      [withoutUnfiled, null, null],
      [withoutFiled, null, '2026-10-20'],
    ] as const) {
      await insertCommittee(em, { id, district: '110102', filedOn, recordedOn: null, pmcRules: '11', assemblyOn });
    }
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it('keeps the periods of a committee formed while its assembly stood; clears the others and cancels their deadlines', async () => {
    await migrateUp(orm);
    const em = orm.em.fork();
    const bodies = await sqlRows<{
      id: string;
      filing_required: boolean;
      filing_deadline: string | null;
      filed_late: boolean | null;
    }>(
      em,
      `select id, filing_required, to_char(filing_deadline, 'YYYY-MM-DD') as filing_deadline, filed_late
         from areas.governance_body where kind = 'PROPERTY_MANAGEMENT_COMMITTEE'`,
    );
    const of = (id: string) => bodies.find((b) => b.id === id);
    expect(of(withAssembly)).toMatchObject({ filing_required: true, filing_deadline: '2026-10-08' });
    for (const id of [assemblyLater, withoutUnfiled, withoutFiled])
      expect(of(id)).toMatchObject({ filing_required: false, filing_deadline: null, filed_late: null });
    const events = await sqlRows<{ message_key: string; event_type: string; payload: Record<string, unknown> }>(
      em,
      `select message_key, event_type, payload from areas.outbox order by message_key`,
    );
    // The unfiled committees' filing deadlines and the filed one's recording deadline.
    expect(events.map((e) => e.message_key).sort()).toEqual(
      [
        `committee-filing:${assemblyLater}`,
        `committee-filing:${withoutUnfiled}`,
        `committee-recording:${withoutFiled}`,
      ].sort(),
    );
    for (const e of events)
      expect(expectValidData(AREA_DEADLINE_CHANGED.type, e.payload)).toMatchObject({
        cancelled: true,
        sequence: 3,
        districtCode: '110102',
        legalBasis: expect.stringContaining('art. 55 para. 1'),
      });
  });
});
