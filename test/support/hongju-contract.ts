import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Identity } from '../../kernel/identity';
import { addDays, addYears } from '../../kernel/calendar';
import { DEMO_STREETS } from '../../hub/demo/demo-data';
import { TestHub } from './hub-fixture';
import { waitFor } from './wait-for';

/**
 * The scenario the arrears and litigation tests share: 红居南街6号院 (广安门外, Xicheng) has no contract in the demo
 * data, so a test company files one there, from a month of its choosing, and the street office accepts it.
 */
export const HONGJU = '红居南街6号院';
export const GUANGWAI_OFFICE = DEMO_STREETS[0].office;

type Who = Parameters<TestHub['gql']>[0];
type GqlError = { message: string; extensions: { code: string; details?: Record<string, unknown> } };

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
    feeSchedule: { classes: [{ buildingClass: 'LOW_RISE', assessedRateFenPerM2Month: 178, ownerRateFenPerM2Month: 100, subsidies: [] }] },
    lateFee: { dailyRatePerTenThousand: 3, graceDays: 30, capPercentOfPrincipal: null },
    parties: [
      { role: 'PROVIDER', name: '北京红居物业服务有限公司', registration: company.organisationId, signatory: '张经理' },
      { role: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '红居南街6号院物业管理委员会', signatory: '李主任' },
    ],
    ...overrides,
  };
}

/**
 * Waits until contracts and arrears know 红居南街6号院 with its households (from the areas feeds), files `terms` for
 * `company`, has the street office accept it, and waits until the filing reached the subgraphs named in `waitIn`.
 */
export async function fileHongjuContract(
  hub: TestHub,
  db: Client,
  company: Identity,
  terms: Record<string, unknown>,
  waitIn: ('arrears' | 'litigation')[] = ['arrears'],
): Promise<{ areaId: string; contractId: string; filingId: string }> {
  const { ok } = gqlExpectations(() => hub);
  const admin: Identity = { subject: 'hub-admin', role: 'ADMIN', organisationId: 'hub-operator', jurisdictions: [] };
  const areaId = (await ok(admin, `{ areas(first: 100) { id name } }`)).areas.find((a: { name: string }) => a.name === HONGJU).id;
  await waitFor('contracts and arrears to know the area and its households', async () => {
    const { rows } = await db.query(
      `select (select count(*) from contracts.area_view where area_id = $1 and households > 0)::int as c,
              (select count(*) from arrears.billable_household where area_id = $1)::int as h`,
      [areaId],
    );
    return rows[0].c === 1 && rows[0].h > 0;
  });
  const drafted = await ok(company, `mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }`, { a: areaId, t: terms });
  const submitted = await ok(company, `mutation($c: ID!, $k: String!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id } }`, {
    c: drafted.draftContract.id,
    k: randomUUID(),
    d: [{ name: '物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'a'.repeat(64) }],
  });
  const filingId = submitted.submitFiling.id as string;
  await ok(GUANGWAI_OFFICE, `mutation($f: ID!) { acceptFiling(filingId: $f, version: 1) { id } }`, { f: filingId });
  for (const schema of waitIn) {
    await waitFor(`${schema} to hold the accepted filing`, async () => {
      const { rows } = await db.query(`select status from ${schema}.filing_snapshot where filing_id = $1`, [filingId]);
      return rows[0]?.status === 'ACCEPTED';
    });
  }
  return { areaId, contractId: drafted.draftContract.id, filingId };
}
