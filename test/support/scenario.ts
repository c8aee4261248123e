import { randomUUID } from 'node:crypto';
import { Identity } from '../../kernel/identity';
import { addDays, addYears } from '../../kernel/calendar';
import { TokenSettings } from '../../platform/auth/tokens';
import { SubgraphName } from '../../platform/config';
import { DEMO_CONTRACT, DEMO_LINJIANG, DEMO_STREETS, DemoCompound, DemoStreet } from '../../hub/demo/demo-data';
import {
  LoadedCompound,
  gatewayClient,
  loadArea,
  loadCommittee,
  loadCompound,
  loadContract,
  loadCourts,
} from '../../hub/demo/demo-loader';
import { TestHub, testTokens } from './hub-fixture';
import { waitFor } from './wait-for';

/**
 * 红居南街6号院 (广安门外, Xicheng): two low-rise buildings, 72 households, no contract in the demo data. The arrears,
 * claims and litigation tests have a test company file a contract there from a month of their choosing.
 */
export const HONGJU = '红居南街6号院';
export const GUANGWAI_OFFICE = DEMO_STREETS[0].office;

type Who = Parameters<TestHub['gql']>[0];
type GqlError = {
  message: string;
  path?: (string | number)[];
  extensions: { code: string; details?: Record<string, unknown> };
};

/** `ok` expects no errors and returns data; `fails` expects an error and returns the first. */
export function gqlExpectations(hub: () => TestHub) {
  const ok = async (who: Who, query: string, variables: Record<string, unknown> = {}) => {
    const res = await hub().gql(who, query, variables);
    expect(res.body.errors).toBeUndefined();
    return res.body.data;
  };
  const fails = async (who: Who, query: string, variables: Record<string, unknown> = {}) => {
    const res = await hub().gql(who, query, variables);
    expect(res.body.errors).toBeDefined();
    return res.body.errors[0] as GqlError;
  };
  return { ok, fails };
}

/** Contract terms at 红居南街6号院 (low-rise only) for `company`, from the first day of `firstMonth`. */
export function hongjuTerms(company: Identity, firstMonth: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'REGULAR',
    number: 'HJ6-TEST-01',
    title: '红居南街6号院物业服务合同',
    ownersSide: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '红居南街6号院物业管理委员会' },
    selectionMethod: 'TENDER',
    signedOn: addDays(`${firstMonth}-01`, -10),
    startsOn: `${firstMonth}-01`,
    endsOn: addDays(addYears(`${firstMonth}-01`, 3), -1),
    serviceItems: [{ item: '公共区域保洁', standard: '楼道每日清扫' }],
    feeSchedule: {
      classes: [
        { buildingClass: 'LOW_RISE', assessedRateFenPerM2Month: 178, ownerRateFenPerM2Month: 100, subsidies: [] },
      ],
    },
    lateFee: { dailyRatePerTenThousand: 3, graceDays: 30, capPercentOfPrincipal: null },
    parties: [
      { role: 'PROVIDER', name: '北京红居物业服务有限公司', registration: company.organisationId, signatory: '张经理' },
      { role: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '红居南街6号院物业管理委员会', signatory: '李主任' },
    ],
    ...overrides,
  };
}

/** The demo compound of that name with the street it lies in (临江市's too). */
export function demoCompound(name: string): { street: DemoStreet; compound: DemoCompound } {
  for (const street of [...DEMO_STREETS, DEMO_LINJIANG.street]) {
    const compound = street.compounds.find((c) => c.name === name);
    if (compound) return { street, compound };
  }
  throw new Error(`no demo compound named ${name}`);
}

/** Subgraphs that keep a read model of the areas feed (area facts, billable households). */
type AreaReaders = Extract<SubgraphName, 'contracts' | 'arrears'>;
/** Subgraphs that keep a snapshot of each filing from contracts.filings.v1. */
type FilingReaders = Extract<SubgraphName, 'areas' | 'arrears' | 'litigation' | 'complaints'>;

export interface ScenarioCompound extends LoadedCompound {
  households: number;
}

/**
 * Builds just what a test file needs, through the gateway as its users would enter it (the demo loader's own
 * steps), instead of the whole demo: a compound of the demo with its households and area, a bare area, seed 000's
 * committee, the demo's courts or seed 003's contract, an accepted filing, billed months. Steps that feed other
 * subgraphs can wait until the named subgraphs hold the result in their read models (`knownTo`), so a test starts
 * from a settled state. `tokens`: the hub's token settings, when it is not a test hub (the topology's processes run
 * on their own secrets).
 */
export function scenario(
  t: Pick<TestHub, 'sql'> & { hub: Pick<TestHub['hub'], 'gatewayUrl'> },
  tokens: TokenSettings = testTokens,
) {
  const gql = gatewayClient(t.hub.gatewayUrl, tokens);
  const count = async (sql: string, params: unknown[]) => (await t.sql<{ n: number }>(sql, params))[0].n;

  return {
    /** The demo's courts (the admin registers them; the litigation subgraph keeps them). */
    courts: () => loadCourts(gql),

    /**
     * A demo compound as its street office enters it: compound, buildings and households by CSV import, an area of
     * its name holding every building, seed 000's committee at 广安门北街20号院. With `knownTo`, waits until those
     * subgraphs hold the area with every household.
     */
    async compound(name: string, { knownTo = [] }: { knownTo?: AreaReaders[] } = {}): Promise<ScenarioCompound> {
      const { street, compound } = demoCompound(name);
      const loaded = await loadCompound(gql, street, compound);
      const households = compound.buildings.reduce((sum, b) => sum + b.households, 0);
      if (knownTo.includes('contracts')) {
        await waitFor(
          `contracts to know ${name} with its ${households} households`,
          async () =>
            (await count('select coalesce(max(households), 0)::int as n from contracts.area_view where area_id = $1', [
              loaded.areaId,
            ])) === households,
        );
      }
      if (knownTo.includes('arrears')) {
        // A building's roster arrives twice (imported, then grouped into the area): wait for the grouped one.
        await waitFor(
          `arrears to hold the ${households} households of ${name}`,
          async () =>
            (await count('select count(*)::int as n from arrears.billable_household where area_id = $1', [
              loaded.areaId,
            ])) === households,
        );
      }
      return { ...loaded, households };
    },

    /** Only the area of a demo compound, registered by its street office: no compound, buildings or households. */
    area: (name: string): Promise<string> => loadArea(gql, demoCompound(name).street, name),

    /**
     * Seed 000's property-management committee (DEMO_PMC), formed in the area by the street office of `compound`: its
     * term ended on 2023-05-29 (areas holds it termExpired), unless `term` gives it another.
     */
    committee: (areaId: string, compound: string, term?: { formedOn: string; termEndsOn: string }) =>
      loadCommittee(gql, demoCompound(compound).street, areaId, term),

    /** A demo contract (seed 003's at 学院南路32号院 by default), filed on paper and accepted by the street office. */
    demoContract: (contract = DEMO_CONTRACT) => loadContract(gql, contract),

    /** `company` drafts `terms` in the area (known to contracts: `compound(…, { knownTo: ['contracts'] })`): its id. */
    async draftContract(company: Identity, areaId: string, terms: Record<string, unknown>): Promise<string> {
      const { draftContract } = (await gql(
        company,
        `mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }`,
        { a: areaId, t: terms },
      )) as { draftContract: { id: string } };
      return draftContract.id;
    },

    /**
     * `company` drafts `terms` in the area and submits them through the API, the area's street office accepts
     * version 1; with `knownTo`, waits until those subgraphs hold the accepted filing.
     */
    async acceptedFiling(
      company: Identity,
      areaId: string,
      terms: Record<string, unknown>,
      { knownTo = [] }: { knownTo?: FilingReaders[] } = {},
    ): Promise<{ contractId: string; filingId: string }> {
      const streetCode = await waitFor(
        'contracts to know the area',
        async () =>
          (
            await t.sql<{ street_code: string }>('select street_code from contracts.area_view where area_id = $1', [
              areaId,
            ])
          )[0]?.street_code,
      );
      const contractId = await this.draftContract(company, areaId, terms);
      const { submitFiling } = (await gql(
        company,
        `mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id } }`,
        {
          c: contractId,
          k: randomUUID(),
          d: [{ name: '物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'a'.repeat(64) }],
        },
      )) as { submitFiling: { id: string } };
      const office = DEMO_STREETS.find((s) => s.streetCode === streetCode)!.office;
      await gql(office, `mutation($f: ID!) { acceptFiling(filingId: $f, version: 1) { id } }`, { f: submitFiling.id });
      for (const schema of knownTo) {
        await waitFor(
          `${schema} to hold the accepted filing`,
          async () =>
            (await count(
              `select count(*)::int as n from ${schema}.filing_snapshot where filing_id = $1 and status = 'ACCEPTED'`,
              [submitFiling.id],
            )) === 1,
        );
      }
      return { contractId, filingId: submitFiling.id };
    },

    /**
     * Ready for referrals to a court: the courts, 宏聚 known to contracts and arrears, `company`'s accepted filing of
     * `terms` known to arrears and litigation, and `months` billed; returns the area.
     */
    async billedHongju(company: Identity, terms: Record<string, unknown>, months: string[]): Promise<string> {
      await this.courts();
      const { areaId } = await this.compound(HONGJU, { knownTo: ['contracts', 'arrears'] });
      await this.acceptedFiling(company, areaId, terms, { knownTo: ['arrears', 'litigation'] });
      await this.billedMonths(company, areaId, months);
      return areaId;
    },

    /** `company` runs billing for each month in the area (the arrears subgraph bills every household it knows). */
    async billedMonths(company: Identity, areaId: string, months: string[]): Promise<void> {
      for (const month of months) {
        await gql(company, `mutation($a: ID!, $m: Key!) { runBilling(areaId: $a, month: $m) { id } }`, {
          a: areaId,
          m: month,
        });
      }
    },
  };
}

/** 阳光丽景's fee schedule in the tests: 1.50 yuan per m² a month for both building classes, no subsidy. */
export const YANGGUANG_FEE_SCHEDULE = {
  classes: (['LOW_RISE', 'HIGH_RISE'] as const).map((buildingClass) => ({
    buildingClass,
    assessedRateFenPerM2Month: 150,
    ownerRateFenPerM2Month: 150,
    subsidies: [],
  })),
};

/**
 * A handover as the tests of what a contract's end changes share it (areas' register, complaints' dispatch): the
 * developer's provider serving the area from 29 November 2026 under a preliminary contract, and the owners' regular
 * contract, accepted on the day the tests pin (1 December 2026), taking effect on 30 January 2027, which ends the
 * preliminary one then (Civil Code art. 940). `suffix` keeps the contract numbers of a run apart.
 */
export async function yangguangHandover(
  given: ReturnType<typeof scenario>,
  areaId: string,
  providers: { preliminary: Identity; owners: Identity },
  { suffix, knownTo }: { suffix: string; knownTo: FilingReaders[] },
) {
  const preliminary = await given.acceptedFiling(
    providers.preliminary,
    areaId,
    hongjuTerms(providers.preliminary, '2026-11', {
      kind: 'PRELIMINARY',
      number: `YGLJ-P-${suffix}`,
      title: '阳光丽景前期物业服务合同',
      ownersSide: { kind: 'DEVELOPER', name: '某开发商' },
      signedOn: '2026-11-20',
      startsOn: '2026-11-29',
      endsOn: '2027-12-31',
      feeSchedule: YANGGUANG_FEE_SCHEDULE,
      parties: [
        {
          role: 'PROVIDER',
          name: '北京阳光前期物业有限公司',
          registration: providers.preliminary.organisationId,
          signatory: '王经理',
        },
        { role: 'DEVELOPER', name: '某开发商', signatory: '周总' },
      ],
    }),
    { knownTo },
  );
  const regular = await given.acceptedFiling(
    providers.owners,
    areaId,
    hongjuTerms(providers.owners, '2027-01', {
      number: `YGLJ-R-${suffix}`,
      title: '阳光丽景物业服务合同',
      signedOn: '2026-11-25',
      startsOn: '2027-01-30',
      endsOn: '2030-01-29',
      feeSchedule: YANGGUANG_FEE_SCHEDULE,
    }),
    { knownTo },
  );
  return { preliminary, regular };
}

/**
 * The owners dismissing their provider with 60 days' notice (Civil Code arts. 946, 948): recorded on the day pinned
 * (TERMINATED at once), the contract serving to 30 April 2027, its last day.
 */
export const TERMINATE_ON_30_APRIL_2027 = `mutation($c: ID!) { terminateContract(contractId: $c, terminatedOn: "2027-04-30", handoverOn: "2027-04-30", reason: "业主大会解聘，提前60日书面通知") { status terminatedOn } }`;

/**
 * A fee schedule of one building class, LOW_RISE, at `ownerRate` for the owners and `subsidyRate` paid by the street
 * office (2025-01 for 48 months): the renewal-month tests' contracts, each at its own rates.
 */
export const lowRiseScheduleAt = (ownerRate: number, subsidyRate: number) => ({
  classes: [
    {
      buildingClass: 'LOW_RISE',
      assessedRateFenPerM2Month: ownerRate + subsidyRate,
      ownerRateFenPerM2Month: ownerRate,
      subsidies: [{ payer: '广外街道办事处', rateFenPerM2Month: subsidyRate, startMonth: '2025-01', months: 48 }],
    },
  ],
});
