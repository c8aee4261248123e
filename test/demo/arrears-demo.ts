import { addDays, addMonths } from '../../kernel/calendar';
import { isPastDue } from '../../kernel/past-due';
import { todayInChina } from '../../kernel/clock';
import {
  DEMO_BILLING,
  DEMO_BUREAU,
  DEMO_COMPANY,
  DEMO_LEVY,
  DEMO_REFERRALS,
  DEMO_RUNFENG_COMPANY,
} from '../../hub/demo/demo-data';
import { loadDemoArrears } from '../../hub/demo/demo-loader';
import {
  SEED_002_PAID_HOUSEHOLDS,
  SEED_002_REPORTED_RATE_PERCENT,
  SEED_002_HOUSEHOLDS,
  SEED_002_COMPANY_ADVANCE_FEN,
  SEED_002_LEVY_RATE_FEN_PER_M2,
  SEED_002_ACTIVATION_THRESHOLD_PERCENT,
} from '../../subgraphs/arrears/domain/statutes';
import { TestHub, testTokens } from '../support/hub-fixture';
import { waitFor } from '../support/wait-for';
import { connectedClient } from '../support/db-client';

const LEVIES = `query($a: ID) { levies(areaId: $a) { id households paidHouseholds advanceFen accountName rateFenPerM2 activationThresholdPercent byHouseholds { numerator denominator percent }
  buildings { households paidHouseholds quota activated activatedOn } } }`;

export function describeArrearsDemo(hub: () => TestHub): void {
  describe('arrears and litigation demo data: seed 002 levy, recent billing and referrals at 学院南路32号院', () => {
    let t: TestHub;
    let areaIds: Record<string, string>;

    beforeAll(async () => {
      t = hub();
      const res = await t.gql(DEMO_BUREAU, `{ areas(first: 100) { id name } }`);
      areaIds = Object.fromEntries(res.body.data.areas.map((a: { id: string; name: string }) => [a.name, a.id]));
    });

    it("gives seed 002's 954 of 1,080 households = 88.3%, with every building's elevators released", async () => {
      const res = await t.gql(DEMO_BUREAU, LEVIES, { a: areaIds[DEMO_LEVY.compound] });
      expect(res.body.errors).toBeUndefined();
      const [levy] = res.body.data.levies;
      expect(levy.byHouseholds).toEqual({
        numerator: SEED_002_PAID_HOUSEHOLDS,
        denominator: SEED_002_HOUSEHOLDS,
        percent: SEED_002_REPORTED_RATE_PERCENT,
      });
      // ¥17.93 per m² of the certificate, a building's work starts at 50 % paid, ¥420,000 advanced (seed 002).
      expect(levy).toMatchObject({
        advanceFen: SEED_002_COMPANY_ADVANCE_FEN,
        accountName: DEMO_LEVY.input.accountName,
        rateFenPerM2: SEED_002_LEVY_RATE_FEN_PER_M2,
        activationThresholdPercent: SEED_002_ACTIVATION_THRESHOLD_PERCENT,
      });
      expect(levy.buildings).toHaveLength(6);
      for (const b of levy.buildings)
        expect(b).toMatchObject({ households: 180, paidHouseholds: 159, quota: 90, activated: true });
      const rates = await t.gql(
        DEMO_RUNFENG_COMPANY,
        `query($l: ID) { collectionRates(groupBy: ALL, levyId: $l) { byHouseholds { percent } } }`,
        { l: levy.id },
      );
      expect(rates.body.data.collectionRates).toEqual([{ byHouseholds: { percent: '88.3' } }]);
      // Agreed at consultation meetings, not by an art. 278 item-6 vote: voluntary, so the 126 unpaid are no arrears.
      const basis = await t.gql(
        DEMO_RUNFENG_COMPANY,
        `query($a: ID) { levies(areaId: $a) { basis jointDecisionId } arrears(filter: { areaId: $a }) { totalCount openFen } }`,
        {
          a: areaIds[DEMO_LEVY.compound],
        },
      );
      expect(basis.body.data).toEqual({
        levies: [{ basis: 'VOLUNTARY', jointDecisionId: null }],
        arrears: { totalCount: 0, openFen: 0 },
      });
    });

    it('bills the last three months at 学院南路32号院 with arrears in collection and one in mediation, and loads again without doubling anything', async () => {
      const areaId = areaIds[DEMO_BILLING.compound];
      const list = async () =>
        (
          await t.gql(
            DEMO_COMPANY,
            `query($a: ID) { arrears(filter: { areaId: $a }, first: 1) { totalCount openFen } }`,
            { a: areaId },
          )
        ).body.data.arrears;
      const before = await list();
      expect(before.totalCount).toBe(1_412 - DEMO_BILLING.payingAccounts);
      // This month's fee falls due on its last day: not yet owed, so it is in no collection rate (Civil Code art. 944).
      const months = await t.gql(
        DEMO_BUREAU,
        `query($a: ID) { collectionRates(groupBy: MONTH, areaId: $a) { key households } }`,
        { a: areaId },
      );
      const thisMonth = todayInChina().slice(0, 7);
      expect(months.body.data.collectionRates).toEqual(
        [addMonths(thisMonth, -2), addMonths(thisMonth, -1)].map((key) => ({ key, households: 1_412 })),
      );
      // The demanded accounts, the one with a promise, one of them in mediation, three referred to court (one docketed).
      const statuses = await waitFor('the referrals to reach the accounts', async () => {
        const res = await t.gql(
          DEMO_COMPANY,
          `query($a: ID) { arrears(filter: { areaId: $a, statuses: [MEDIATION, IN_COLLECTION, REFERRED, IN_LITIGATION] }, first: 50) { items { status } } }`,
          { a: areaId },
        );
        const found: string[] = res.body.data.arrears.items.map((i: { status: string }) => i.status).sort();
        return found.includes('IN_LITIGATION') && found.filter((s) => s === 'REFERRED').length === 2
          ? found
          : undefined;
      });
      expect(statuses.filter((s: string) => s === 'MEDIATION')).toHaveLength(1);
      expect(statuses).toHaveLength(DEMO_BILLING.demandedAccounts + 1);

      await loadDemoArrears(t.hub.gatewayUrl, testTokens);
      expect(await list()).toEqual(before);
      const db = await connectedClient(t.databaseUrl);
      try {
        const { rows } = await db.query(`select count(*)::int as n from arrears.payment where purpose = 'LEVY'`);
        expect(rows[0].n).toBe(SEED_002_PAID_HOUSEHOLDS);
      } finally {
        await db.end();
      }
    });

    it('refers three accounts to the Haidian court in one batch, docketed the first, and refused one with its reasons', async () => {
      const court = {
        subject: 'clerk',
        role: 'COURT' as const,
        organisationId: DEMO_REFERRALS.courtId,
        jurisdictions: ['110108'],
      };
      const res = await t.gql(
        DEMO_COMPANY,
        `{ referrals(first: 50) { items { id eligible status caseNumber batchKey procedureReasons { code } eligibility { failures { code } claimableCharges { month } excludedCharges { month reason } } } } }`,
      );
      const items = res.body.data.referrals.items;
      const eligible = items.filter((r: { eligible: boolean }) => r.eligible);
      expect(eligible).toHaveLength(DEMO_REFERRALS.referred);
      // The docketed period is the months the letters named (those past due when they went out, letterDaysAgo days
      // ago); a month past due since is left out as not demanded, and this month's fee (due on its last day) as not yet due.
      const today = todayInChina();
      const thisMonth = today.slice(0, 7);
      const lettersOn = addDays(today, -DEMO_BILLING.letterDaysAgo);
      const lastDay = (month: string) => addDays(`${addMonths(month, 1)}-01`, -1);
      const [named, since] = [addMonths(thisMonth, -2), addMonths(thisMonth, -1)].reduce<[string[], string[]]>(
        ([yes, no], month) => (isPastDue(lastDay(month), lettersOn) ? [[...yes, month], no] : [yes, [...no, month]]),
        [[], []],
      );
      for (const r of eligible) {
        expect(r.eligibility.claimableCharges.map((c: { month: string }) => c.month)).toEqual(named);
        expect(r.eligibility.excludedCharges).toEqual([
          ...since.map((month) => ({ month, reason: 'NOT_DEMANDED' })),
          { month: thisMonth, reason: 'NOT_YET_DUE' },
        ]);
      }
      expect(new Set(eligible.map((r: { batchKey: string }) => r.batchKey)).size).toBe(1);
      const docketed = eligible.filter(
        (r: { caseNumber: string | null }) => r.caseNumber === DEMO_REFERRALS.caseNumber,
      );
      expect(docketed).toHaveLength(1);
      // No Beijing threshold is recorded (none confirmed): UNDETERMINED until the court chose small claims on docketing.
      expect(docketed[0].procedureReasons).toEqual([{ code: 'CHOSEN_BY_COURT' }]);
      expect(
        eligible
          .filter((r: { id: string }) => r.id !== docketed[0].id)
          .map((r: { procedureReasons: unknown }) => r.procedureReasons),
      ).toEqual([[{ code: 'NO_SMALL_CLAIMS_THRESHOLD' }], [{ code: 'NO_SMALL_CLAIMS_THRESHOLD' }]]);
      const refused = items.filter((r: { eligible: boolean }) => !r.eligible);
      expect(
        refused.map((r: { eligibility: { failures: { code: string }[] } }) =>
          r.eligibility.failures.map((f) => f.code),
        ),
      ).toEqual([['NO_DEMAND_RECORDED', 'MEDIATION_NOT_TRIED']]);
      const batches = await t.gql(court, `{ consolidatedBatches { referralIds } }`);
      expect(batches.body.data.consolidatedBatches).toEqual([
        { referralIds: eligible.map((r: { id: string }) => r.id).sort() },
      ]);
    });
  });
}
