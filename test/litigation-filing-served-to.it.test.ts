import { randomUUID } from 'node:crypto';
import { HubOrm } from '../platform/db/orm';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { litigationSubgraph } from '../subgraphs/litigation/module';
import { companyFilings } from '../subgraphs/litigation/persistence/filing-snapshot.repository';
import { filedContracts } from '../subgraphs/litigation/domain/referral';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * The contract litigation refers arrears under ends where its service ended, on real PostgreSQL without a hub
 * (litigation's filing_snapshot as the contracts feed keeps it): a developer's preliminary contract ended by the
 * owners' regular contract from 16 March 2026 (Civil Code art. 940) was stated to run to its term's end in 2028, in the
 * complaint's service term and in the months counted as in force.
 */
describe('litigation: the service term of a contract ended before its term', () => {
  const database = runDatabaseName(`litigation_served_${uniqueSuffix()}`);
  let orm: HubOrm;
  const area = randomUUID();
  const developerCompany = '91110108MA0PRELIM1';
  const [preliminary, regular, terminated] = [randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(litigationSubgraph, database);
    const filing = (id: string, companyId: string, kind: string, status: string, dates: (string | null)[]) =>
      orm.em.getConnection().execute(
        `insert into litigation.filing_snapshot (filing_id, contract_id, area_id, company_id, kind, status, sequence, record_number,
           accepted_on, starts_on, ends_on, terminated_on, terms, terms_sha256)
         values (?, ?, ?, ?, 'INITIAL', ?, 1, ?, ?, ?, ?, ?, ?::jsonb, 'x')`,
        [id, randomUUID(), area, companyId, status, `备-${id.slice(0, 4)}`, ...dates, JSON.stringify({ kind })],
      );
    await filing(preliminary, developerCompany, 'PRELIMINARY', 'SUPERSEDED', [
      '2023-03-20',
      '2023-04-01',
      '2028-03-31',
      null,
    ]);
    await filing(regular, '91110108MA0REGULAR', 'REGULAR', 'ACCEPTED', [
      '2026-03-10',
      '2026-03-16',
      '2029-03-15',
      null,
    ]);
    // A regular contract of 2018 terminated in 2019, before the preliminary one began, ends nothing of it.
    await filing(randomUUID(), '91110108MA0OLDREGU', 'REGULAR', 'TERMINATED', [
      '2018-01-05',
      '2018-01-01',
      '2026-12-31',
      '2019-06-30',
    ]);
    await filing(terminated, developerCompany, 'REGULAR', 'TERMINATED', [
      '2020-01-05',
      '2020-01-01',
      '2022-12-31',
      '2022-06-30',
    ]);
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it('ends a preliminary contract the day before the regular one took effect, a terminated one on its termination', async () => {
    const filings = await companyFilings(orm.em.fork(), developerCompany, [area]);
    const endOf = (id: string) => filings.find((f) => f.filingId === id)?.terminatedOn;
    expect(endOf(preliminary)).toBe('2026-03-15');
    expect(endOf(terminated)).toBe('2022-06-30');
    expect(
      filedContracts(filings)
        .map((c) => [c.startsOn, c.endsOn])
        .sort(),
    ).toEqual([
      ['2020-01-01', '2022-06-30'],
      ['2023-04-01', '2026-03-15'],
    ]);
    // The owners' company's regular contract runs its term.
    const owners = await companyFilings(orm.em.fork(), '91110108MA0REGULAR', [area]);
    expect(owners.map((f) => f.terminatedOn)).toEqual([null]);
  });
});
