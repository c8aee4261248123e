import { randomUUID } from 'node:crypto';
import { HubOrm } from '../platform/db/orm';
import { sqlRows, sqlRun } from '../platform/db/sql';
import { Identity } from '../kernel/identity';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { arrearsSubgraph } from '../subgraphs/arrears/module';
import { runBilling } from '../subgraphs/arrears/application/run-billing';
import { createLevy } from '../subgraphs/arrears/application/create-levy';
import { correctMonthToServedDays } from '../subgraphs/arrears/application/correct-fees-to-served-days';
import { findFilingInForce } from '../subgraphs/arrears/persistence/filing.repository';
import { chargesOfAccount } from '../subgraphs/arrears/persistence/charge.repository';
import { collectionRates } from '../subgraphs/arrears/application/collection-rates';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';
import { DomainError } from '../kernel/errors';
import { addDays, addYears } from '../kernel/calendar';
import { todayInChina } from '../kernel/clock';

/**
 * A month handed over between two companies, on real PostgreSQL without a hub (arrears' filing_snapshot as the
 * contracts feed keeps it, the billing use case itself): the developer's preliminary company served an area until the
 * owners' regular contract with another company took effect on 16 March 2026 (Civil Code art. 940). Each bills March
 * for the days it served; before, the preliminary contract, SUPERSEDED by another contract, billed no month at all,
 * and the first company to bill March charged the whole month while the other's run billed nobody.
 */
describe('arrears: a month handed over between two companies', () => {
  const database = runDatabaseName(`arrears_handover_${uniqueSuffix()}`);
  let orm: HubOrm;
  const area = randomUUID();
  const otherArea = randomUUID();
  const households = [randomUUID(), randomUUID()];
  const otherHouseholds = [randomUUID(), randomUUID()];
  const outgoing = '91110102MA0HANDOUT';
  const incoming = '91110102MA0HANDINN';
  const [preliminary, regular, terminated, successor] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  let fileSuccessor: () => Promise<unknown>;
  const company = (organisationId: string): Identity => ({
    subject: `finance@${organisationId}`,
    role: 'PROPERTY_COMPANY',
    organisationId,
    jurisdictions: [],
  });
  /** The contract's kind is in its terms; the snapshot's own `kind` column is the filing's (INITIAL or AMENDMENT). */
  const terms = (kind: 'PRELIMINARY' | 'REGULAR', rate: number, subsidies: unknown[] = []) =>
    JSON.stringify({
      kind,
      feeSchedule: {
        classes: [
          { buildingClass: 'HIGH_RISE', assessedRateFenPerM2Month: rate + 50, ownerRateFenPerM2Month: rate, subsidies },
        ],
      },
      lateFee: null,
    });

  const sql = (text: string, params: unknown[] = []) => orm.em.getConnection().execute(text, params);
  /** A filing as the contracts feed keeps it in arrears' filing_snapshot. */
  const filing = (
    f: { id: string; areaId: string; companyId: string; status: string },
    dates: { acceptedOn: string; startsOn: string; endsOn: string; terminatedOn?: string },
    termsJson: string,
  ) =>
    sql(
      `insert into arrears.filing_snapshot (filing_id, contract_id, area_id, company_id, kind, status, sequence, record_number,
         accepted_on, starts_on, ends_on, terminated_on, terms, terms_sha256)
       values (?, ?, ?, ?, 'INITIAL', ?, 1, ?, ?, ?, ?, ?, ?::jsonb, 'x')`,
      [
        f.id,
        randomUUID(),
        f.areaId,
        f.companyId,
        f.status,
        `备-${f.id.slice(0, 4)}`,
        dates.acceptedOn,
        dates.startsOn,
        dates.endsOn,
        dates.terminatedOn ?? null,
        termsJson,
      ],
    );
  /** The area in Haidian with its households, each in a building of its own: 100.00 m² and 89.50 m². */
  const knownArea = async (areaId: string, ids: readonly string[]) => {
    await sql(
      `insert into arrears.billing_area (area_id, name, district_code, street_code, known_since) values (?, ?, '110108', '110108001', now())`,
      [areaId, `area ${areaId.slice(0, 4)}`],
    );
    for (const [i, household] of ids.entries())
      await sql(
        `insert into arrears.billable_household (household_id, building_id, area_id, building_class, unit, room, floor_area_centi_m2, owner_reference)
         values (?, ?, ?, 'HIGH_RISE', '1', ?, ?, ?)`,
        [household, randomUUID(), areaId, `10${i + 1}`, [10_000, 8_950][i], `owner-${i + 1}`],
      );
  };

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(arrearsSubgraph, database);
    // ¥1.50 per m² from the preliminary company, with the developer paying ¥0.50 more through 2026; ¥2.00 from the
    // owners' company. Ended by the regular contract, the preliminary filing is SUPERSEDED with no later version.
    const developer = { payer: 'developer', rateFenPerM2Month: 50, startMonth: '2023-04', months: 45 };
    await filing(
      { id: preliminary, areaId: area, companyId: outgoing, status: 'SUPERSEDED' },
      { acceptedOn: '2023-03-20', startsOn: '2023-04-01', endsOn: '2028-03-31' },
      terms('PRELIMINARY', 150, [developer]),
    );
    await filing(
      { id: regular, areaId: area, companyId: incoming, status: 'ACCEPTED' },
      { acceptedOn: '2026-03-10', startsOn: '2026-03-16', endsOn: '2029-03-15' },
      terms('REGULAR', 200),
    );
    // Elsewhere, a regular contract in force, terminated later with effect from 10 April 2026 (below).
    await filing(
      { id: terminated, areaId: otherArea, companyId: outgoing, status: 'ACCEPTED' },
      { acceptedOn: '2024-01-05', startsOn: '2024-01-01', endsOn: '2026-12-31' },
      terms('REGULAR', 150),
    );
    fileSuccessor = () =>
      filing(
        { id: successor, areaId: otherArea, companyId: incoming, status: 'ACCEPTED' },
        { acceptedOn: '2026-05-06', startsOn: '2026-04-11', endsOn: '2029-04-10' },
        terms('REGULAR', 200),
      );
    await knownArea(area, households);
    await knownArea(otherArea, otherHouseholds);
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  const bill = (organisationId: string, month: string) =>
    runBilling(orm.em.fork(), company(organisationId), { areaId: area, month });

  it('bills the outgoing company its whole months and the days it served of the month handed over', async () => {
    const february = await bill(outgoing, '2026-02');
    expect([february.filingId, february.servedDays, february.monthDays]).toEqual([preliminary, 28, 28]);
    // 100.00 m² × ¥1.50 = ¥150.00; 89.50 m² × ¥1.50 = ¥134.25
    expect(february.chargedFen).toBe(15_000 + 13_425);

    const march = await bill(outgoing, '2026-03');
    expect([march.filingId, march.servedDays, march.monthDays, march.households]).toEqual([preliminary, 15, 31, 2]);
    // 100.00 m² × ¥1.50 × 15/31 = 72.58 → ¥72.58; 89.50 m² × ¥1.50 × 15/31 = 64.96 → ¥64.96
    expect(march.chargedFen).toBe(7_258 + 6_496);
    // The developer's subsidy for the same 15 days: 100.00 m² × ¥0.50 × 15/31 = 24.19; 89.50 m² → 21.65
    expect(march.subsidies).toEqual([
      { payer: 'developer', buildingClass: 'HIGH_RISE', households: 2, amountFen: 2_419 + 2_165 },
    ]);
  });

  it('bills the incoming company the rest of the month, each household once per company', async () => {
    const march = await bill(incoming, '2026-03');
    expect([march.filingId, march.servedDays, march.newlyBilled]).toEqual([regular, 16, 2]);
    // 100.00 m² × ¥2.00 × 16/31 = 103.23; 89.50 m² × ¥2.00 × 16/31 = 92.39
    expect(march.chargedFen).toBe(10_323 + 9_239);
    expect(march.subsidies).toEqual([]);

    // Two runs of March, one per company, neither overwriting the other; the outgoing company's re-run bills nobody.
    const again = await bill(outgoing, '2026-03');
    expect([again.newlyBilled, again.chargedFen]).toEqual([0, 7_258 + 6_496]);
    const runs = await sqlRows<{ company_id: string; charged_fen: number }>(
      orm.em.fork(),
      `select company_id, charged_fen::int8 as charged_fen from arrears.billing_run where area_id = ? and month = '2026-03' order by company_id`,
      [area],
    );
    expect(runs.map((r) => [r.company_id, Number(r.charged_fen)])).toEqual(
      [
        [outgoing, 7_258 + 6_496],
        [incoming, 10_323 + 9_239],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );

    // Each company's account of the first household holds its own March fee, with the days it covers.
    const [account] = await sqlRows<{ id: string }>(
      orm.em.fork(),
      `select id from arrears.account where company_id = ? and household_id = ?`,
      [incoming, households[0]],
    );
    const charges = await chargesOfAccount(orm.em.fork(), account.id);
    expect(charges.map((c) => [c.month, c.servedDays, c.amountFen])).toEqual([['2026-03', 16, 10_323]]);
  });

  it("counts a household once in a regulator's collection rate of the month handed over, each company's own fee in its own", async () => {
    // The second household paid both companies' March fees; the first paid the outgoing company's only.
    const em = orm.em.fork();
    await sqlRun(
      em,
      `update arrears.charge set paid_fen = amount_fen where area_id = ? and month = '2026-03'
         and (household_id = ? or company_id = ?)`,
      [area, households[1], outgoing],
    );
    const rates = (identity: Identity) =>
      collectionRates(orm.em.fork(), identity, {
        areaId: area,
        fromMonth: '2026-03',
        toMonth: '2026-03',
        groupBy: 'ALL',
      });
    const bureau: Identity = {
      subject: 'stats@haidian',
      role: 'CITY_BUREAU',
      organisationId: 'haidian-housing-bureau',
      jurisdictions: ['110108'],
    };
    // Before, the bureau counted 4 households billed and 3 paid up in an area of 2 households.
    expect(await rates(bureau)).toMatchObject([
      {
        households: 2,
        paidHouseholds: 1,
        billedFen: 7_258 + 6_496 + 10_323 + 9_239,
        collectedFen: 7_258 + 6_496 + 9_239,
      },
    ]);
    expect(await rates(company(outgoing))).toMatchObject([
      { households: 2, paidHouseholds: 2, billedFen: 7_258 + 6_496, collectedFen: 7_258 + 6_496 },
    ]);
    expect(await rates(company(incoming))).toMatchObject([
      { households: 2, paidHouseholds: 1, billedFen: 10_323 + 9_239, collectedFen: 9_239 },
    ]);
  });

  it('bills no month to a company before its contract began, nor to the outgoing one after the handover', async () => {
    const refusal = async (organisationId: string, month: string) => {
      try {
        await bill(organisationId, month);
      } catch (e) {
        return (e as DomainError).code;
      }
      return 'billed';
    };
    expect(await refusal(incoming, '2026-02')).toBe('NO_CONTRACT_IN_FORCE');
    expect(await refusal(outgoing, '2026-04')).toBe('NO_CONTRACT_IN_FORCE');
    expect((await bill(incoming, '2026-04')).servedDays).toBe(30);
  });

  it('never charges a day twice when a termination and the next contract are filed after the month was billed', async () => {
    const em = () => orm.em.fork();
    const run = (organisationId: string) =>
      runBilling(em(), company(organisationId), { areaId: otherArea, month: '2026-04' });
    const april = await run(outgoing);
    expect([april.servedDays, april.chargedFen]).toEqual([30, 15_000 + 13_425]);
    // The first household paid ¥50.00 of April and is in collection for the rest; the second paid April in full.
    const fees = await sqlRows<{ id: string; account_id: string; household_id: string }>(
      em(),
      `select id, account_id, household_id from arrears.charge where area_id = ? and month = '2026-04'`,
      [otherArea],
    );
    const feeOf = (household: string) => fees.find((f) => f.household_id === household)!;
    await sqlRows(
      em(),
      `update arrears.charge set paid_fen = case id when ? then 5000 else amount_fen end where id in (?, ?)`,
      [feeOf(otherHouseholds[0]).id, feeOf(otherHouseholds[0]).id, feeOf(otherHouseholds[1]).id],
    );
    await sqlRows(em(), `update arrears.account set status = 'IN_COLLECTION' where id = ?`, [
      feeOf(otherHouseholds[0]).account_id,
    ]);

    // Then the termination with effect from 10 April is filed (the contracts feed replaces the snapshot), and the
    // owners' new company's contract from 11 April is accepted.
    await sqlRows(
      em(),
      `update arrears.filing_snapshot set status = 'TERMINATED', terminated_on = '2026-04-10', sequence = 2 where filing_id = ?`,
      [terminated],
    );
    await fileSuccessor();
    const served = async (month: string) => (await findFilingInForce(em(), outgoing, otherArea, month))?.served ?? null;
    expect(await served('2026-03')).toEqual({ days: 31, monthDays: 31 });
    expect(await served('2026-04')).toEqual({ days: 10, monthDays: 30 });
    expect(await served('2026-05')).toBeNull();

    // The new company's run bills nobody: both owners were billed April's 30 days already. Before, it billed them
    // 20 days more. The outgoing company's run counts its fees billed for more days and changes none of them.
    const first = await run(incoming);
    expect([first.servedDays, first.newlyBilled, first.billedByAnotherCompany]).toEqual([20, 0, 2]);
    const again = await run(outgoing);
    expect([again.servedDays, again.overbilledHouseholds, again.chargedFen]).toEqual([10, 2, 15_000 + 13_425]);

    // The outgoing company corrects April to its 10 days where it can: 100.00 m² × ¥1.50 × 10/30 = ¥50.00, which the
    // first household paid, so it leaves collection; the second paid ¥134.25 for days worth ¥44.75, a refund, left.
    const correct = (organisationId: string) =>
      correctMonthToServedDays(em(), company(organisationId), { areaId: otherArea, month: '2026-04' });
    // Another company's request corrects only its own fees (it has none billed for more days); a court cannot ask.
    expect(await correct(incoming)).toMatchObject({ servedDays: 20, correctedHouseholds: 0, leftHouseholds: 0 });
    await expect(
      correctMonthToServedDays(
        em(),
        { ...company('court-haidian'), role: 'COURT' },
        { areaId: otherArea, month: '2026-04' },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await correct(outgoing)).toMatchObject({ servedDays: 10, correctedHouseholds: 1, leftHouseholds: 1 });
    expect(await correct(outgoing)).toMatchObject({ correctedHouseholds: 0, leftHouseholds: 1 });
    // A month the company's contracts serve no day of is refused, not corrected to none.
    await expect(
      correctMonthToServedDays(em(), company(outgoing), { areaId: otherArea, month: '2026-05' }),
    ).rejects.toMatchObject({ code: 'NO_CONTRACT_IN_FORCE' });
    const adjustments = await sqlRows<{
      kind: string;
      amount_before_fen: string;
      amount_after_fen: string;
      reason: string;
    }>(em(), `select kind, amount_before_fen, amount_after_fen, reason from arrears.adjustment where account_id = ?`, [
      feeOf(otherHouseholds[0]).account_id,
    ]);
    expect(adjustments.map((a) => [a.kind, Number(a.amount_before_fen), Number(a.amount_after_fen)])).toEqual([
      ['CORRECTION', 15_000, 5_000],
    ]);
    expect(adjustments[0].reason).toContain('10 of its 30 days');

    // Now the new company bills the first household its 20 days (100.00 m² × ¥2.00 × 20/30 = ¥133.33), not the second.
    const second = await run(incoming);
    expect([second.newlyBilled, second.chargedFen, second.billedByAnotherCompany]).toEqual([1, 13_333, 1]);
    const days = await sqlRows<{ household_id: string; days: number; status: string }>(
      em(),
      `select c.household_id, sum(coalesce(c.served_days, 30))::int as days,
              min(a.status) filter (where c.company_id = ?) as status
         from arrears.charge c join arrears.account a on a.id = c.account_id
        where c.area_id = ? and c.month = '2026-04' group by c.household_id`,
      [outgoing, otherArea],
    );
    expect(Object.fromEntries(days.map((d) => [d.household_id, [d.days, d.status]]))).toEqual({
      [otherHouseholds[0]]: [30, 'CURRENT'],
      [otherHouseholds[1]]: [30, 'CURRENT'],
    });
  });

  it("refuses a former provider's levy back-dated into its old term, billing nobody; the area's provider of today levies", async () => {
    // The outgoing company's contract ended yesterday and the incoming one's runs from today. A voluntary levy names
    // no joint decision, so only the contract vouches for it. Before, the outgoing company's levy decided in mid-2024,
    // inside its old term, billed every household of the area under its company id.
    const today = todayInChina();
    const handedOver = randomUUID();
    const handedOverHouseholds = [randomUUID(), randomUUID()];
    await knownArea(handedOver, handedOverHouseholds);
    await filing(
      { id: randomUUID(), areaId: handedOver, companyId: outgoing, status: 'ACCEPTED' },
      { acceptedOn: '2023-12-20', startsOn: '2024-01-01', endsOn: addDays(today, -1) },
      terms('REGULAR', 150),
    );
    await filing(
      { id: randomUUID(), areaId: handedOver, companyId: incoming, status: 'ACCEPTED' },
      { acceptedOn: addDays(today, -20), startsOn: today, endsOn: addDays(addYears(today, 3), -1) },
      terms('REGULAR', 200),
    );
    const buildingIds = (
      await sqlRows<{ building_id: string }>(
        orm.em.fork(),
        `select building_id from arrears.billable_household where area_id = ? order by household_id`,
        [handedOver],
      )
    ).map((b) => b.building_id);
    const levy = (decidedOn: string) => ({
      areaId: handedOver,
      title: '外墙维修集资',
      purpose: '外墙维修',
      accountName: '专项账户',
      rateFenPerM2: 1000,
      activationThresholdPercent: 50,
      advanceFen: 0,
      decidedOn,
      dueOn: addDays(today, 30),
      buildingIds,
      voluntary: true,
    });
    const written = async () =>
      (
        await sqlRows<{ accounts: number; charges: number; levies: number }>(
          orm.em.fork(),
          `select (select count(*)::int from arrears.account where area_id = ?) as accounts,
                  (select count(*)::int from arrears.charge where area_id = ?) as charges,
                  (select count(*)::int from arrears.levy where area_id = ?) as levies`,
          [handedOver, handedOver, handedOver],
        )
      )[0];

    await expect(createLevy(orm.em.fork(), company(outgoing), levy('2024-06-15'))).rejects.toMatchObject({
      code: 'NO_CONTRACT_IN_FORCE',
      details: { areaId: handedOver, month: today.slice(0, 7) },
    });
    // Decided today, in the month the outgoing company still served days of, it is refused all the same.
    await expect(createLevy(orm.em.fork(), company(outgoing), levy(today))).rejects.toMatchObject({
      code: 'NO_CONTRACT_IN_FORCE',
    });
    expect(await written()).toEqual({ accounts: 0, charges: 0, levies: 0 });

    // The incoming company, serving the area from today, levies it; a decision before its contract still is refused.
    await expect(createLevy(orm.em.fork(), company(incoming), levy('2024-06-15'))).rejects.toMatchObject({
      code: 'NO_CONTRACT_IN_FORCE',
    });
    const levyId = await createLevy(orm.em.fork(), company(incoming), levy(today));
    const charges = await sqlRows<{ company_id: string; levy_id: string }>(
      orm.em.fork(),
      `select company_id, levy_id from arrears.charge where area_id = ?`,
      [handedOver],
    );
    expect(charges).toEqual([
      { company_id: incoming, levy_id: levyId },
      { company_id: incoming, levy_id: levyId },
    ]);
  });
});
