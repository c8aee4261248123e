import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { addDays, addYears } from '../kernel/calendar';
import {
  CaseStatus,
  REFERRAL_STATUS_CHANGED,
  REFERRAL_SUBMITTED,
  ReferralStatusChangedData,
  ReferralSubmittedData,
} from '../catalog';
import { HubEvent } from '../platform/events/cloudevent';
import { asKafkaMessage } from './support/events';
import { TestHub, identity, startTestHub, pinTestToday } from './support/hub-fixture';
import { rawProducer } from './support/kafka-probe';
import { HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';
import { connectedClient } from './support/db-client';

// Auditor helper-268 (arrears). The fee for 2023-10 falls due on 2023-10-31; three years on (Civil Code art. 188) its
// period would end on 2026-11-02 (31 October 2026 is a Saturday, art. 203). The company sued for it in time: the
// referral reached the court on 2026-10-15, which docketed it on 2026-10-20, and the case was withdrawn (撤诉) on
// 2026-11-20. A suit interrupts the period (Civil Code art. 195 item 3: "权利人提起诉讼或者申请仲裁"), from the day the
// complaint was submitted (SPC provisions on limitation, 法释〔2020〕17号, art. 10: "当事人一方向人民法院提交起诉状或者
// 口头起诉的，诉讼时效从提交起诉状或者口头起诉之日起中断"), and it runs afresh "从中断、有关程序终结时起" (art. 195): so
// on 2026-12-01 the month is well within time, its period ending in 2029 at the earliest. The hub counts only
// collection steps and payments (limitation.ts), never the suit: the statement shows the period ended on
// 2026-11-02, and the claim litigation keeps carries that date, so a new referral leaves the month out as
// TIME_BARRED (litigation eligibility.ts) and the company loses a month a court would still award.
const companyA = identity('PROPERTY_COMPANY', '91110102MA0000H268');
const COURT_ID = 'bj-xicheng-court';
const MONTH = '2023-10';
// Billed too but not claimed by the referral: its period (to Monday 2026-11-30) is not interrupted by the suit.
const UNCLAIMED = '2023-11';
const today = pinTestToday('2026-12-01');

const STATEMENT = `query($id: ID!) { arrearsAccount(id: $id) { status charges { chargeId month dueOn openFen limitationEndsOn } } }`;
const TO_COLLECTION = `mutation($a: ID!) { changeArrearsStatus(accountId: $a, to: IN_COLLECTION, reason: "催缴") { status } }`;

describe('arrears (helper-268): a suit filed in time interrupts the limitation period of the months it claimed', () => {
  let t: TestHub;
  let db: Client;
  let areaId: string;
  let contractId: string;
  let account: { id: string; household_id: string };
  const { ok } = gqlExpectations(() => t);

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    db = await connectedClient(t.databaseUrl);
    const given = scenario(t);
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    ({ contractId } = await given.acceptedFiling(
      companyA,
      areaId,
      hongjuTerms(companyA, MONTH, { number: 'HJ6-H268-01', endsOn: addDays(addYears(`${MONTH}-01`, 5), -1) }),
      { knownTo: ['arrears'] },
    ));
    await given.billedMonths(companyA, areaId, [MONTH, UNCLAIMED]);
    const { rows } = await db.query(
      `select id, household_id from arrears.account where area_id = $1 and company_id = $2 order by household_id limit 1`,
      [areaId, companyA.organisationId],
    );
    account = rows[0];
  });

  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  const event = <T>(type: string, data: T): HubEvent<T> => ({
    id: randomUUID(),
    type,
    source: '/property-governance-hub/litigation',
    time: new Date().toISOString(),
    data,
  });
  const base = (referralId: string) => ({
    referralId,
    courtId: COURT_ID,
    companyId: companyA.organisationId,
    accountId: account.id,
    householdId: account.household_id,
    areaId,
  });
  const status = (referralId: string, fromStatus: CaseStatus, to: CaseStatus, on: string, caseNumber: string) =>
    event<ReferralStatusChangedData>(REFERRAL_STATUS_CHANGED.type, {
      ...base(referralId),
      status: to,
      fromStatus,
      occurredAt: `${on}T04:00:00.000Z`,
      caseNumber,
      judgedFen: null,
      settledFen: null,
    } as ReferralStatusChangedData);

  it('after a docketed case is withdrawn, the month it claimed is not shown time-barred: the period ran afresh from the suit', async () => {
    const before = (await ok(companyA, STATEMENT, { id: account.id })).arrearsAccount;
    const charge = before.charges.find((c: { month: string }) => c.month === MONTH);
    expect(charge).toMatchObject({ month: MONTH, dueOn: '2023-10-31' });
    expect(before.charges.find((c: { month: string }) => c.month === UNCLAIMED)).toMatchObject({
      dueOn: '2023-11-30',
      limitationEndsOn: '2026-11-30',
    });
    expect(charge.openFen).toBeGreaterThan(0);
    // No collection step names the charge: the account is taken into collection by hand.
    await ok(companyA, TO_COLLECTION, { a: account.id });

    const referralId = randomUUID();
    const caseNumber = '（2026）京0102民初268号';
    const events: HubEvent<unknown>[] = [
      event<ReferralSubmittedData>(REFERRAL_SUBMITTED.type, {
        ...base(referralId),
        status: 'SUBMITTED',
        contractId,
        procedure: 'SMALL_CLAIMS',
        amountInDisputeFen: charge.openFen,
        grandTotalFen: charge.openFen,
        packageVersion: 1,
        packageDigest: 'b'.repeat(64),
        submittedOn: '2026-10-15',
        // Litigation names the claim snapshot's charges the package claims (refer-arrears.ts): here the October fee.
        chargeIds: [charge.chargeId],
      } as ReferralSubmittedData),
      status(referralId, 'SUBMITTED', 'DOCKETED', '2026-10-20', caseNumber),
      status(referralId, 'DOCKETED', 'WITHDRAWN', '2026-11-20', caseNumber),
    ];
    const producer = rawProducer(t.brokers);
    await producer.connect();
    try {
      await producer.send({
        topic: `${t.topicPrefix}litigation.referrals.v1`,
        messages: events.map((e) => asKafkaMessage(e, referralId)),
      });
    } finally {
      await producer.disconnect();
    }
    await waitFor('the referral events to be applied', async () => {
      const { rows } = await db.query(
        `select event_id from arrears.inbox where consumer = 'arrears.referral-outcomes' and event_id = any($1)`,
        [events.map((e) => e.id)],
      );
      return rows.length === events.length;
    });

    const after = (await ok(companyA, STATEMENT, { id: account.id })).arrearsAccount;
    expect(after.status).toBe('IN_COLLECTION');
    const claimed = after.charges.find((c: { month: string }) => c.month === MONTH);
    // The suit was filed on 2026-10-15, before the plain last day 2026-11-02: the period runs afresh (three years from
    // the suit at the earliest), so on 2026-12-01 the month is in time. The hub shows '2026-11-02'.
    expect(claimed.limitationEndsOn).toMatch(/^20(29|[3-9]\d)-/);
    expect(claimed.limitationEndsOn >= '2029-10-15' && claimed.limitationEndsOn > today).toBe(true);
    // Afresh from the withdrawal (art. 195 "有关程序终结时起"): 2029-11-20, a Tuesday.
    expect(claimed.limitationEndsOn).toBe('2029-11-20');
    // Only the months the referral claimed are interrupted: each month is its own claim.
    expect(after.charges.find((c: { month: string }) => c.month === UNCLAIMED).limitationEndsOn).toBe('2026-11-30');
  });
});
