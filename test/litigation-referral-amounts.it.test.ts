import { randomUUID } from 'node:crypto';
import { HubOrm } from '../platform/db/orm';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { litigationSubgraph } from '../subgraphs/litigation/module';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * A referral's amounts are never below zero in the database itself (migration
 * `Migration20261231000000_referral_amounts_non_negative`), as arrears' ledger amounts are: a write that bypasses the
 * domain rules (courtEventEffect refuses a negative award or settlement) cannot store a negative claim or award.
 */
describe('litigation: a referral amount below zero is refused by the database', () => {
  const database = runDatabaseName(`litigation_amounts_${uniqueSuffix()}`);
  let orm: HubOrm;
  const courtId = 'TEST-COURT-AMOUNTS';
  // PostgreSQL's check_violation, naming the migration's constraint on the column.
  const checkViolation = (column: string) => ({ code: '23514', constraint: `referral_${column}_non_negative` });
  const execute = (sql: string, params: unknown[] = []) => orm.em.fork().getConnection().execute(sql, params);
  const insertReferral = (amounts: { inDispute: number; grandTotal: number }) =>
    execute(
      `insert into litigation.referral (id, company_id, court_id, account_id, household_id, area_id, area_name, street_code,
         district_code, eligible, eligibility, status, amount_in_dispute_fen, grand_total_fen, submitted_on, submitted_by)
       values (?, '91110108MA0AMOUNTS', ?, ?, ?, ?, '阳光丽景', '110108001', '110108', true, '{}'::jsonb, 'SUBMITTED', ?, ?,
         '2026-12-01', 'test')`,
      [randomUUID(), courtId, randomUUID(), randomUUID(), randomUUID(), amounts.inDispute, amounts.grandTotal],
    );

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(litigationSubgraph, database);
    await execute(
      `insert into litigation.court (court_id, name, province_code, registered_at) values (?, '海淀区人民法院', '110000', now())`,
      [courtId],
    );
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it('refuses a negative amount in dispute or grand total on insert, and takes zero', async () => {
    await expect(insertReferral({ inDispute: -1, grandTotal: 100 })).rejects.toMatchObject(
      checkViolation('amount_in_dispute_fen'),
    );
    await expect(insertReferral({ inDispute: 100, grandTotal: -1 })).rejects.toMatchObject(
      checkViolation('grand_total_fen'),
    );
    await expect(insertReferral({ inDispute: 0, grandTotal: 0 })).resolves.toBeDefined();
  });

  it('refuses an update to a negative amount judged, settled or claimed', async () => {
    await insertReferral({ inDispute: 352_080, grandTotal: 360_000 });
    const [{ id }] = await execute(`select id from litigation.referral where amount_in_dispute_fen = 352080`);
    const update = (column: string, fen: number) =>
      execute(`update litigation.referral set ${column} = ? where id = ?`, [fen, id]);
    for (const column of ['amount_in_dispute_fen', 'grand_total_fen', 'judged_fen', 'settled_fen'])
      await expect(update(column, -100)).rejects.toMatchObject(checkViolation(column));
    await update('judged_fen', 0);
    await update('settled_fen', 300_000);
    const [row] = await execute(
      `select amount_in_dispute_fen::int, grand_total_fen::int, judged_fen::int, settled_fen::int from litigation.referral where id = ?`,
      [id],
    );
    expect(row).toEqual({
      amount_in_dispute_fen: 352_080,
      grand_total_fen: 360_000,
      judged_fen: 0,
      settled_fen: 300_000,
    });
  });
});
