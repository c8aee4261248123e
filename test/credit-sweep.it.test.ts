import { randomUUID } from 'node:crypto';
import { addDays } from '../kernel/calendar';
import { todayInChina } from '../kernel/clock';
import { HubOrm } from '../platform/db/orm';
import { sqlRows, sqlRun } from '../platform/db/sql';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { contractsSubgraph } from '../subgraphs/contracts/module';
import { publishDueCreditEntries } from '../subgraphs/contracts/application/publish-due-credit-entries';
import { LINJIANG_SETTINGS } from '../subgraphs/contracts/domain/statutes';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * The credit sweep once read only the oldest 500 recorded entries. Entries that are never due (Beijing holds no
 * notice period, so its entries wait for one) filled that page, and an entry of another city that was due behind
 * them was never published. Here 500 Beijing entries are older than a due 临江市 one.
 */
describe('contracts: the credit sweep pages past entries that are not due', () => {
  const database = runDatabaseName(`credit_sweep_${uniqueSuffix()}`);
  const today = todayInChina();
  let orm: HubOrm;

  /** A street of 临江市 (220681), whose city settings the file records. */
  const linjiangStreet = { city: '220681', district: '220681', street: '220681001' };

  /** One company's entry as recorded, RECORDED (not published); its id. */
  const insertEntry = async (e: {
    city: string | null;
    district: string;
    street: string;
    occurredOn: string;
    recordedOn?: string;
    noticeDays?: number | null;
  }): Promise<string> => {
    const id = randomUUID();
    await sqlRun(
      orm.em.fork(),
      `insert into contracts.credit_entry (id, city_code, area_id, street_code, district_code, subject_kind, company_id, kind, legal_basis, occurred_on, recorded_on, notice_days, source, status)
       values (?, ?, ?, ?, ?, 'COMPANY', '91110102MA0000SWP1', 'BUREAU_FINDING', 'test', ?::date, ?::date, ?, 'test', 'RECORDED')`,
      [
        id,
        e.city,
        randomUUID(),
        e.street,
        e.district,
        e.occurredOn,
        e.recordedOn ?? e.occurredOn,
        e.noticeDays ?? null,
      ],
    );
    return id;
  };

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(contractsSubgraph, database);
    const em = orm.em.fork();
    const linjiang = {
      ...LINJIANG_SETTINGS,
      creditNoticePeriodDays: 15,
      sources: { ...LINJIANG_SETTINGS.sources, creditNoticePeriod: 'test setting (no confirmed figure)' },
    };
    await sqlRun(
      em,
      `insert into contracts.city_settings (city_code, settings, version, changed_at, changed_by) values (?, ?::jsonb, 1, now(), 'test')`,
      [linjiang.cityCode, JSON.stringify(linjiang)],
    );
    await sqlRun(
      em,
      `insert into contracts.credit_entry (id, city_code, area_id, street_code, district_code, subject_kind, company_id, kind, legal_basis, occurred_on, recorded_on, source, status)
       select gen_random_uuid(), '110000', gen_random_uuid(), '110102017', '110102', 'COMPANY', '91110102MA0000SWP1', 'BUREAU_FINDING', 'test',
              ?::date + (i % 200), ?::date + (i % 200), 'test', 'RECORDED'
         from generate_series(1, 500) as i`,
      [addDays(today, -300), addDays(today, -300)],
    );
    await insertEntry({ ...linjiangStreet, occurredOn: addDays(today, -60) });
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it('publishes the due entry behind a full page of entries that are not', async () => {
    expect(await publishDueCreditEntries(orm.em.fork(), today)).toBe(1);
    const rows = await sqlRows<{ district_code: string; status: string; n: number }>(
      orm.em.fork(),
      `select district_code, status, count(*)::int as n from contracts.credit_entry group by 1, 2 order by 1`,
    );
    expect(rows).toEqual([
      { district_code: '110102', status: 'RECORDED', n: 500 },
      { district_code: '220681', status: 'PUBLISHED', n: 1 },
    ]);
    // On the feed and on the city's copy of it.
    const outbox = await sqlRows<{ topic: string }>(
      orm.em.fork(),
      `select topic from contracts.outbox where event_type = 'hub.credit.record.published' order by topic`,
    );
    expect(outbox.map((r) => r.topic)).toEqual(['credit.records.v1', 'credit.records.v1.220681']);
  });

  it('runs an entry by the notice period it was recorded under, not the one the city set since', async () => {
    // Recorded on 2 March 2026 under a 30-day period; the city's is 15 days now. Before, it was published on the
    // 25th, with days of its window left.
    const id = await insertEntry({ ...linjiangStreet, occurredOn: '2026-03-02', noticeDays: 30 });
    expect(await publishDueCreditEntries(orm.em.fork(), '2026-03-25')).toBe(0);
    expect(await publishDueCreditEntries(orm.em.fork(), '2026-04-15')).toBe(1);
    const [row] = await sqlRows<{ status: string; published_on: string }>(
      orm.em.fork(),
      `select status, published_on::text from contracts.credit_entry where id = ?`,
      [id],
    );
    expect(row).toEqual({ status: 'PUBLISHED', published_on: '2026-04-15' });
  });

  it('runs the notice period from the day an entry was recorded, not the day of the conduct it records', async () => {
    // Conduct of 5 January 2026 recorded on 2 March under 15 days: before, counted from January, it was due at once.
    await insertEntry({ ...linjiangStreet, occurredOn: '2026-01-05', recordedOn: '2026-03-02', noticeDays: 15 });
    expect(await publishDueCreditEntries(orm.em.fork(), '2026-03-10')).toBe(0);
    expect(await publishDueCreditEntries(orm.em.fork(), '2026-03-17')).toBe(0);
    expect(await publishDueCreditEntries(orm.em.fork(), '2026-03-18')).toBe(1);
  });

  it('publishes an entry recorded before any city covered its district, as the city that covers it now', async () => {
    const id = await insertEntry({ city: null, district: '220681', street: '220681002', occurredOn: '2026-03-02' });
    // Before, the sweep read only entries with a city: this one was never published.
    expect(await publishDueCreditEntries(orm.em.fork(), '2026-04-15')).toBe(1);
    const [row] = await sqlRows<{ city_code: string; status: string }>(
      orm.em.fork(),
      `select city_code, status from contracts.credit_entry where id = ?`,
      [id],
    );
    expect(row).toEqual({ city_code: '220681', status: 'PUBLISHED' });
  });
});
