import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HubOrm, migrateUp } from '../platform/db/orm';
import { sqlRun } from '../platform/db/sql';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { arrearsSubgraph } from '../subgraphs/arrears/module';
import { reserveReceiptNumbers } from '../subgraphs/arrears/persistence/ledger.repository';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * Receipt numbers per company and year (ledger.repository.ts reserveReceiptNumbers, migration 20261207000000): a
 * company's receipts of a year run without gaps, whatever other companies record, and one company's payment in
 * progress never holds another's. The database is migrated up to the migration before, given receipts numbered by
 * the one counter the hub had then, and migrated on: each company continues after the highest number it issued.
 */
describe("arrears: receipt numbers are each company's, by year", () => {
  const database = runDatabaseName(`receipts_${uniqueSuffix()}`);
  const A = '91110102MA0RECEIPTA';
  const B = '91110102MA0RECEIPTB';
  let orm: HubOrm;

  const reserve = (company: string, year: number, count = 1) =>
    orm.em.fork().transactional((tx: EntityManager) => reserveReceiptNumbers(tx, company, year, count));

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(arrearsSubgraph, database, { upTo: 'Migration20261206000000_inbox_topic_key' });
    const sql = (text: string, params: unknown[] = []) => sqlRun(orm.em.fork(), text, params);
    const account = async (company: string) => {
      const id = randomUUID();
      await sql(
        `insert into arrears.account (id, company_id, household_id, area_id, building_id, status, status_changed_on)
         values (?, ?, ?, ?, ?, 'CURRENT', '2026-01-01')`,
        [id, company, randomUUID(), randomUUID(), randomUUID()],
      );
      return id;
    };
    const accounts: Record<string, string> = { [A]: await account(A), [B]: await account(B) };
    // The hub-wide counter's numbers as the companies took them in turn, over two years.
    const issued: [string, string][] = [
      [A, 'R2025-00000001'],
      [B, 'R2025-00000002'],
      [A, 'R2026-00000003'],
      [B, 'R2026-00000004'],
      [B, 'R2026-00000005'],
      [A, 'R2026-00000006'],
      [B, 'R2026-00000007'],
    ];
    for (const [company, receipt] of issued)
      await sql(
        `insert into arrears.payment (id, account_id, company_id, purpose, amount_fen, credit_fen, paid_on, method, receipt_number,
           idempotency_key, request_sha256, designated_charge_ids, recorded_by)
         values (?, ?, ?, 'SERVICE_FEE', 100, 100, '2026-01-01', 'CASH', ?, ?, 'x', '[]', 'test')`,
        [randomUUID(), accounts[company], company, receipt, receipt],
      );
    await migrateUp(orm);
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it('continues each company after the highest number it issued, per year, and starts a new company or year at 1', async () => {
    expect(await reserve(A, 2026, 2)).toBe(7); // A issued …06 in 2026: its next are …07 and …08
    expect(await reserve(A, 2026)).toBe(9);
    expect(await reserve(B, 2026)).toBe(8); // B's …07 in 2026; A's numbers are no gap in B's receipts
    expect(await reserve(B, 2025)).toBe(3);
    expect(await reserve(A, 2027)).toBe(1);
    expect(await reserve('91110102MA0RECEIPTC', 2026)).toBe(1);
  });

  it("lets another company number its receipts while one company's payment is uncommitted, and gives a rolled-back number back", async () => {
    const first = await reserve(A, 2028);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reserved!: (n: number) => void;
    const heldNumber = new Promise<number>((resolve) => (reserved = resolve));
    const rolledBack = orm.em
      .fork()
      .transactional(async (tx: EntityManager) => {
        reserved(await reserveReceiptNumbers(tx, A, 2028, 3));
        await held;
        throw new Error('the payment failed');
      })
      .catch((error: Error) => error.message);
    expect(await heldNumber).toBe(first + 1);
    // With one counter row for the hub, B's reservation waited for A's transaction: it now fails fast if it waits.
    const other = await orm.em.fork().transactional(async (tx: EntityManager) => {
      await sqlRun(tx, `set local lock_timeout = '2s'`);
      return reserveReceiptNumbers(tx, B, 2028, 1);
    });
    expect(other).toBe(1);
    release();
    expect(await rolledBack).toBe('the payment failed');
    expect(await reserve(A, 2028)).toBe(first + 1);
  });
});
