import { randomUUID } from 'node:crypto';
import { HubOrm } from '../platform/db/orm';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { arrearsSubgraph } from '../subgraphs/arrears/module';
import { findFilingInForce } from '../subgraphs/arrears/persistence/filing.repository';
import { servesOnSql } from '../platform/read-models/filing-snapshot';
import { ExistingContract, lastDayServed } from '../subgraphs/contracts/domain/contract-overlap';
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

  it("bills a preliminary contract the owners' continuing contract ended no day, as the domain's lastDayServed (arts. 940, 948)", async () => {
    // Another area: the owners' contract (2024–2026) continuing from 1 January 2027 (Civil Code art. 948); a
    // developer's preliminary contract for 1 March 2027 to 31 December 2028, SUPERSEDED at its acceptance by the
    // continuing contract in force (art. 940); the owners' new regular contract from 1 June 2027, which ends the
    // continuation on 31 May. Before, the preliminary branch read the owners' contract's term alone (to 31 December
    // 2026): the preliminary contract served to 31 May, the day before the new contract, and March to May were
    // billed twice, by its provider and by the owners'.
    const served = randomUUID();
    const [owners, developers, hired] = ['91110102MA00OWNERS1', '91110102MA00DEVELP1', '91110102MA00HIRED01'];
    const contracts: (ExistingContract & { companyId: string; acceptedOn: string; filingId: string })[] = [
      {
        id: randomUUID(),
        filingId: randomUUID(),
        companyId: owners,
        kind: 'REGULAR',
        status: 'ACCEPTED',
        startsOn: '2024-01-01',
        endsOn: '2026-12-31',
        continuedFrom: '2027-01-01',
        acceptedOn: '2024-01-05',
      },
      {
        id: randomUUID(),
        filingId: randomUUID(),
        companyId: developers,
        kind: 'PRELIMINARY',
        status: 'SUPERSEDED',
        startsOn: '2027-03-01',
        endsOn: '2028-12-31',
        acceptedOn: '2027-02-25',
      },
      {
        id: randomUUID(),
        filingId: randomUUID(),
        companyId: hired,
        kind: 'REGULAR',
        status: 'ACCEPTED',
        startsOn: '2027-06-01',
        endsOn: '2030-05-31',
        acceptedOn: '2027-05-20',
      },
    ];
    for (const c of contracts)
      await orm.em.getConnection().execute(
        `insert into arrears.filing_snapshot (filing_id, contract_id, area_id, company_id, kind, status, sequence, record_number,
           accepted_on, starts_on, ends_on, continued_from, terms, terms_sha256)
         values (?, ?, ?, ?, 'INITIAL', ?, 2, ?, ?, ?, ?, ?, ?::jsonb, 'x')`,
        [
          c.filingId,
          c.id,
          served,
          c.companyId,
          c.status,
          `备-${c.filingId.slice(0, 4)}`,
          c.acceptedOn,
          c.startsOn,
          c.endsOn,
          c.continuedFrom ?? null,
          JSON.stringify({ kind: c.kind, rate: 100 }),
        ],
      );
    const [ownersContract, preliminary, newContract] = contracts;
    // The domain: the preliminary contract serves no day, the continuation to 31 May, the new contract its term.
    expect(lastDayServed(contracts, preliminary.id)).toBeNull();
    expect(lastDayServed(contracts, ownersContract.id)).toBe('2027-05-31');
    expect(lastDayServed(contracts, newContract.id)).toBe('2030-05-31');

    const billed = async (company: string, month: string) => {
      const inForce = await findFilingInForce(orm.em.fork(), company, served, month);
      return inForce && { filingId: inForce.filingId, days: inForce.served.days, servedTo: inForce.servedTo };
    };
    // Arrears bills the same days: none of the preliminary contract's (before, 31, 30 and 31 days of March to May).
    for (const month of ['2027-03', '2027-04', '2027-05', '2027-06', '2028-12'])
      expect(await billed(developers, month)).toBeNull();
    expect(await billed(owners, '2027-03')).toEqual({
      filingId: ownersContract.filingId,
      days: 31,
      servedTo: '2027-05-31',
    });
    expect(await billed(owners, '2027-05')).toEqual({
      filingId: ownersContract.filingId,
      days: 31,
      servedTo: '2027-05-31',
    });
    expect(await billed(owners, '2027-06')).toBeNull();
    expect(await billed(hired, '2027-06')).toEqual({
      filingId: newContract.filingId,
      days: 30,
      servedTo: '2030-05-31',
    });
  });
  it("bills a superseded preliminary contract its own term once the owners' contract is amended to start after it (helper-252 F3)", async () => {
    // The developer's preliminary contract for 29 November 2026 to 31 December 2027, SUPERSEDED when the owners'
    // contract from 30 January 2027 was accepted on 1 December 2026 (Civil Code art. 940); that contract amended, the
    // amendment accepted on 2 December, to start on 1 February 2028 (its first version SUPERSEDED by the amendment). Before, the
    // first version still ended the preliminary contract on 29 January 2027, and June 2027 was billed by no one.
    const served = randomUUID();
    const [developers, owners] = ['91110102MA00DEVELP2', '91110102MA00OWNERS2'];
    const [preliminaryId, regularId] = [randomUUID(), randomUUID()];
    const rows = [
      {
        contract: preliminaryId,
        company: developers,
        kind: 'PRELIMINARY',
        filing: 'INITIAL',
        status: 'SUPERSEDED',
        startsOn: '2026-11-29',
        endsOn: '2027-12-31',
      },
      {
        contract: regularId,
        company: owners,
        kind: 'REGULAR',
        filing: 'INITIAL',
        status: 'SUPERSEDED',
        startsOn: '2027-01-30',
        endsOn: '2030-01-29',
      },
      {
        contract: regularId,
        company: owners,
        kind: 'REGULAR',
        filing: 'AMENDMENT',
        status: 'ACCEPTED',
        startsOn: '2028-02-01',
        endsOn: '2031-01-31',
      },
    ];
    for (const r of rows)
      await orm.em.getConnection().execute(
        `insert into arrears.filing_snapshot (filing_id, contract_id, area_id, company_id, kind, status, sequence, record_number,
           accepted_on, starts_on, ends_on, terms, terms_sha256)
         values (?, ?, ?, ?, ?, ?, 2, ?, ?, ?, ?, ?::jsonb, 'x')`,
        [
          randomUUID(),
          r.contract,
          served,
          r.company,
          r.filing,
          r.status,
          `备-${r.contract.slice(0, 4)}`,
          r.filing === 'AMENDMENT' ? '2026-12-02' : '2026-12-01',
          r.startsOn,
          r.endsOn,
          JSON.stringify({ kind: r.kind, rate: 100 }),
        ],
      );
    // The domain, given the contracts as asExistingContract gives them (the regular one under its amended terms).
    const contracts: ExistingContract[] = [
      { id: preliminaryId, kind: 'PRELIMINARY', status: 'SUPERSEDED', startsOn: '2026-11-29', endsOn: '2027-12-31' },
      { id: regularId, kind: 'REGULAR', status: 'ACCEPTED', startsOn: '2028-02-01', endsOn: '2031-01-31' },
    ];
    expect(lastDayServed(contracts, preliminaryId)).toBe('2027-12-31');
    const billed = async (company: string, month: string) => {
      const inForce = await findFilingInForce(orm.em.fork(), company, served, month);
      return inForce && { days: inForce.served.days, servedTo: inForce.servedTo };
    };
    expect(await billed(developers, '2026-11')).toEqual({ days: 2, servedTo: '2027-12-31' });
    expect(await billed(developers, '2027-06')).toEqual({ days: 30, servedTo: '2027-12-31' });
    expect(await billed(developers, '2027-12')).toEqual({ days: 31, servedTo: '2027-12-31' });
    expect(await billed(developers, '2028-01')).toBeNull();
    expect(await billed(owners, '2027-06')).toBeNull();
    expect(await billed(owners, '2028-01')).toBeNull();
    expect(await billed(owners, '2028-02')).toEqual({ days: 29, servedTo: '2031-01-31' });
    // With the owners' contract amended to start on 1 September 2027 instead, within the term, it ends on 31 August.
    await orm.em
      .getConnection()
      .execute(
        `update arrears.filing_snapshot set starts_on = '2027-09-01' where contract_id = ? and status = 'ACCEPTED'`,
        [regularId],
      );
    expect(lastDayServed([contracts[0], { ...contracts[1], startsOn: '2027-09-01' }], preliminaryId)).toBe(
      '2027-08-31',
    );
    expect(await billed(developers, '2027-08')).toEqual({ days: 31, servedTo: '2027-08-31' });
    expect(await billed(developers, '2027-09')).toBeNull();
  });

  it('takes the last of a chain of amendments accepted the day the contract was, and the contract its first version before (laterVersionSql)', async () => {
    // Filed on 5 March 2026 for a contract that began on 1 January; amended twice the same day, each amendment
    // accepted on the 5th too (its rate 120, then 140). Before, the three tied as "no later version accepted", and
    // each month was billed at whichever the sort put first.
    const served = randomUUID();
    const chain = randomUUID();
    const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
    const versions = [
      { filing: first, amends: null, status: 'SUPERSEDED', rate: 100 },
      { filing: second, amends: first, status: 'SUPERSEDED', rate: 120 },
      { filing: third, amends: second, status: 'ACCEPTED', rate: 140 },
    ];
    // Inserted newest first, so the physical order favours no answer.
    for (const v of [...versions].reverse())
      await orm.em.getConnection().execute(
        `insert into arrears.filing_snapshot (filing_id, contract_id, area_id, company_id, kind, status, sequence, record_number,
           accepted_on, starts_on, ends_on, amends_filing_id, terms, terms_sha256)
         values (?, ?, ?, ?, ?, ?, 2, ?, '2026-03-05', '2026-01-01', '2028-12-31', ?, ?::jsonb, 'x')`,
        [
          v.filing,
          chain,
          served,
          company,
          v.amends ? 'AMENDMENT' : 'INITIAL',
          v.status,
          `备-${v.filing.slice(0, 4)}`,
          v.amends,
          JSON.stringify({ rate: v.rate }),
        ],
      );
    const billed = async (month: string) => {
      const inForce = await findFilingInForce(orm.em.fork(), company, served, month);
      return inForce && { filingId: inForce.filingId, rate: (inForce.terms as unknown as { rate: number }).rate };
    };
    // January to March began before the acceptance: the contract's first version covers them from its start.
    expect(await billed('2026-01')).toEqual({ filingId: first, rate: 100 });
    expect(await billed('2026-03')).toEqual({ filingId: first, rate: 100 });
    // From April, the version in force on the month's first day: the last amendment of the 5th.
    expect(await billed('2026-04')).toEqual({ filingId: third, rate: 140 });
    expect(await billed('2028-12')).toEqual({ filingId: third, rate: 140 });
    // servesOnSql, as areas and complaints read it: one version of the contract serves, the last.
    const serving = await orm.em
      .getConnection()
      .execute<{ filing_id: string }[]>(
        `select f.filing_id from arrears.filing_snapshot f where f.area_id = ? and ${servesOnSql('arrears', { from: 'start' })}`,
        [served, '2026-06-15'],
      );
    expect(serving.map((r) => r.filing_id)).toEqual([third]);
  });
});
