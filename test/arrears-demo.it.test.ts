import { Client } from 'pg';
import { addMonths } from '../infra/calendar';
import { todayInChina } from '../infra/clock';
import { DEMO_BILLING, DEMO_BUREAU, DEMO_COMPANY, DEMO_LEVY, DEMO_RUNFENG_COMPANY } from '../infra/dev/demo-data';
import { loadDemoArrears, loadDemoData } from '../infra/dev/demo-loader';
import { SEED_002_PAID_HOUSEHOLDS, SEED_002_REPORTED_RATE_PERCENT, SEED_002_HOUSEHOLDS, SEED_002_COMPANY_ADVANCE_FEN } from '../subgraphs/arrears/domain/statutes';
import { TestHub, startTestHub, testTokens } from './support/hub-fixture';

const LEVIES = `query($a: ID) { levies(areaId: $a) { id households paidHouseholds advanceFen accountName byHouseholds { numerator denominator percent }
  buildings { households paidHouseholds quota activated activatedOn } } }`;

describe('arrears demo data: seed 002 levy and recent billing at 学院南路32号院', () => {
  let t: TestHub;
  let areaIds: Record<string, string>;

  beforeAll(async () => {
    t = await startTestHub();
    await loadDemoData(t.hub.gatewayUrl, testTokens);
    await loadDemoArrears(t.hub.gatewayUrl, testTokens);
    const res = await t.gql(DEMO_BUREAU, `{ areas(first: 100) { id name } }`);
    areaIds = Object.fromEntries(res.body.data.areas.map((a: { id: string; name: string }) => [a.name, a.id]));
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("gives seed 002's 954 of 1,080 households = 88.3%, with every building's elevators released", async () => {
    const res = await t.gql(DEMO_BUREAU, LEVIES, { a: areaIds[DEMO_LEVY.compound] });
    expect(res.body.errors).toBeUndefined();
    const [levy] = res.body.data.levies;
    expect(levy.byHouseholds).toEqual({ numerator: SEED_002_PAID_HOUSEHOLDS, denominator: SEED_002_HOUSEHOLDS, percent: SEED_002_REPORTED_RATE_PERCENT });
    expect(levy).toMatchObject({ advanceFen: SEED_002_COMPANY_ADVANCE_FEN, accountName: DEMO_LEVY.input.accountName });
    expect(levy.buildings).toHaveLength(6);
    for (const b of levy.buildings) expect(b).toMatchObject({ households: 180, paidHouseholds: 159, quota: 90, activated: true });
    const rates = await t.gql(DEMO_RUNFENG_COMPANY, `query($l: ID) { collectionRates(groupBy: ALL, levyId: $l) { byHouseholds { percent } } }`, { l: levy.id });
    expect(rates.body.data.collectionRates).toEqual([{ byHouseholds: { percent: '88.3' } }]);
  });

  it('bills the last three months at 学院南路32号院 with arrears in collection and one in mediation, and loads again without doubling anything', async () => {
    const areaId = areaIds[DEMO_BILLING.compound];
    const list = async () =>
      (await t.gql(DEMO_COMPANY, `query($a: ID) { arrears(filter: { areaId: $a }, first: 1) { totalCount openFen } }`, { a: areaId })).body.data.arrears;
    const before = await list();
    expect(before.totalCount).toBe(1_412 - DEMO_BILLING.payingAccounts);
    const months = await t.gql(DEMO_BUREAU, `query($a: ID) { collectionRates(groupBy: MONTH, areaId: $a) { key households } }`, { a: areaId });
    const thisMonth = todayInChina().slice(0, 7);
    expect(months.body.data.collectionRates).toEqual([addMonths(thisMonth, -2), addMonths(thisMonth, -1), thisMonth].map((key) => ({ key, households: 1_412 })));
    const mediation = await t.gql(DEMO_COMPANY, `query($a: ID) { arrears(filter: { areaId: $a, statuses: [MEDIATION, IN_COLLECTION] }, first: 50) { items { status } } }`, { a: areaId });
    const statuses = mediation.body.data.arrears.items.map((i: { status: string }) => i.status);
    expect(statuses.filter((s: string) => s === 'MEDIATION')).toHaveLength(1);
    expect(statuses).toHaveLength(DEMO_BILLING.demandedAccounts);

    await loadDemoArrears(t.hub.gatewayUrl, testTokens);
    expect(await list()).toEqual(before);
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(`select count(*)::int as n from arrears.payment where purpose = 'LEVY'`);
      expect(rows[0].n).toBe(SEED_002_PAID_HOUSEHOLDS);
    } finally {
      await db.end();
    }
  });
});
