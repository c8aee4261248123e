import { randomUUID } from 'node:crypto';
import { HubOrm } from '../platform/db/orm';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { arrearsSubgraph } from '../subgraphs/arrears/module';
import { findFilingInForce } from '../subgraphs/arrears/persistence/filing.repository';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * Which filing a month is billed under, on real PostgreSQL without a hub (arrears' filing_snapshot as the contracts
 * feed keeps it): of one contract's versions the one in force on the month's first day.
 */
describe('arrears: the filing in force in a month', () => {
  const database = runDatabaseName(`arrears_filing_${uniqueSuffix()}`);
  let orm: HubOrm;
  const area = randomUUID();
  const company = '91110102MA00FILING1';
  const contract = randomUUID();
  const [original, amendment] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(arrearsSubgraph, database);
    const insert = (filing: string, status: string, acceptedOn: string, rate: number) =>
      orm.em.getConnection().execute(
        `insert into arrears.filing_snapshot (filing_id, contract_id, area_id, company_id, kind, status, sequence, record_number,
           accepted_on, starts_on, ends_on, terms, terms_sha256)
         values (?, ?, ?, ?, 'INITIAL', ?, 1, ?, ?, '2026-01-01', '2027-12-31', ?::jsonb, 'x')`,
        [filing, contract, area, company, status, `备-${filing.slice(0, 4)}`, acceptedOn, JSON.stringify({ rate })],
      );
    // Filed on 5 January for a contract that began on the 1st; amended on 2 June, which superseded the original.
    await insert(original, 'SUPERSEDED', '2026-01-05', 100);
    await insert(amendment, 'ACCEPTED', '2026-06-02', 167);
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it('bills the months before an amendment under the version it superseded, and the amendment from the next month', async () => {
    const filingOf = async (month: string) =>
      (await findFilingInForce(orm.em.fork(), company, area, month))?.filingId ?? null;
    // Before, May (billed late, or a household added since) took the amendment's rate, and nothing took the original.
    expect(await filingOf('2026-01')).toBe(original);
    expect(await filingOf('2026-05')).toBe(original);
    expect(await filingOf('2026-06')).toBe(original); // it began before the amendment was accepted on the 2nd
    expect(await filingOf('2026-07')).toBe(amendment);
    expect(await filingOf('2027-12')).toBe(amendment);
    expect(await filingOf('2028-01')).toBeNull();
    expect(await filingOf('2025-12')).toBeNull();
  });
});
