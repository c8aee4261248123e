import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { addDays, addMonths } from '../kernel/calendar';
import {
  CaseStatus,
  ClaimUpdatedData,
  REFERRAL_STATUS_CHANGED,
  REFERRAL_SUBMITTED,
  ReferralStatusChangedData,
  ReferralSubmittedData,
} from '../catalog';
import { HubEvent } from '../platform/events/cloudevent';
import { asKafkaMessage } from './support/events';
import { TestHub, identity, startTestHub, pinTestToday } from './support/hub-fixture';
import { ProbedMessage, probeTopics, rawProducer } from './support/kafka-probe';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';
import { expectValidEvent } from './support/event-schema';
import { connectedClient } from './support/db-client';

// Company A files a contract at 红居南街6号院 (no contract in the demo data), starting 13 months ago.
const companyA = identity('PROPERTY_COMPANY', '91110102MA0000CLMA');
const companyB = identity('PROPERTY_COMPANY', '91110102MA0000CLMB');
const COURT_ID = 'bj-xicheng-court';
const CLAIM_UPDATED_TYPE = 'hub.arrears.claim.updated';

// Periods counted from "today" (filing deadlines, grace days, demand periods) would run past the holiday data the hub
// holds (2026-12-24) from mid-December 2026: the scenario is pinned to a day it is dated against.
const today = pinTestToday('2026-12-01');
const thisMonth = today.slice(0, 7);
const firstMonth = addMonths(thisMonth, -13);

const terms = () => hongjuTerms(companyA, firstMonth, { number: 'HJ6-CLAIMS-01' });

const RUN = `mutation($a: ID!, $m: Key!) { runBilling(areaId: $a, month: $m) { newlyBilled } }`;
const STATEMENT = `query($id: ID!) { arrearsAccount(id: $id) { id status charges { chargeId month openFen limitationEndsOn lateFeeFen } transitions { from to byRole } } }`;
const ACTION = `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status actions { actionId kind } } }`;

interface Account {
  id: string;
  household_id: string;
}

describe('arrears: claim snapshots for litigation, and referral outcomes back to the account', () => {
  let t: TestHub;
  let db: Client;
  let areaId: string;
  let contractId: string;
  let accounts: Account[];
  let probe: Awaited<ReturnType<typeof probeTopics>>;

  const { ok } = gqlExpectations(() => t);
  const claimsOf = (accountId: string) => (m: ProbedMessage) =>
    m.topic.endsWith('arrears.claims.v1') && String(m.message.key) === accountId;
  const snapshots = (accountId: string): ClaimUpdatedData[] =>
    probe.received.filter(claimsOf(accountId)).map((m) => JSON.parse(String(m.message.value)));
  const accountRow = async (id: string) =>
    (
      await db.query(
        `select status, judged_fen::int8 as judged_fen, claim_version from arrears.account where id = $1`,
        [id],
      )
    ).rows[0];
  /** Claim snapshots written to the outbox (published or about to be), per account. */
  const outboxClaims = async () =>
    (
      await db.query(`select message_key, payload from arrears.outbox where event_type = $1 order by id`, [
        CLAIM_UPDATED_TYPE,
      ])
    ).rows as { message_key: string; payload: ClaimUpdatedData }[];

  beforeAll(async () => {
    // Litigation is not started: the tests stand in for it on litigation.referrals.v1 and read the claims feed.
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    db = await connectedClient(t.databaseUrl);
    const given = scenario(t);
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    ({ contractId } = await given.acceptedFiling(companyA, areaId, terms(), { knownTo: ['arrears'] }));
    probe = await probeTopics(t.brokers, [
      `${t.topicPrefix}arrears.claims.v1`,
      `${t.topicPrefix}arrears.dead-letter.v1`,
    ]);
    // Every account is CURRENT while these months are billed: no claim is published for them.
    await given.billedMonths(companyA, areaId, [firstMonth, addMonths(thisMonth, -2)]);
    const { rows } = await db.query(
      `select id, household_id from arrears.account where area_id = $1 and company_id = $2 order by household_id`,
      [areaId, companyA.organisationId],
    );
    accounts = rows;
  });

  afterAll(async () => {
    await probe?.stop();
    await db?.end();
    await t?.stop();
  });

  it('publishes a fresh, versioned claim after each collection step, with the demands and the limitation dates they moved', async () => {
    expect(accounts.length).toBeGreaterThan(5);
    expect(await outboxClaims()).toEqual([]);
    const accountId = accounts[0].id;
    const before = (await ok(companyA, STATEMENT, { id: accountId })).arrearsAccount;
    const [old, recent] = before.charges;
    expect(old.month).toBe(firstMonth);

    const letterOn = addDays(today, -3);
    const arrivedOn = addDays(today, -1);
    const letter = (
      await ok(companyA, ACTION, {
        a: accountId,
        x: {
          kind: 'LETTER',
          on: letterOn,
          deliveredOn: arrivedOn,
          chargeIds: [old.chargeId],
          note: '催缴函（第一次）',
        },
      })
    ).recordCollectionAction;
    const [first] = await probe.waitForCount('the claim after the letter', claimsOf(accountId), 1);
    const claim = expectValidEvent<ClaimUpdatedData>(first, CLAIM_UPDATED_TYPE);
    expect(first.headers.ce_type).toBe(CLAIM_UPDATED_TYPE);
    expect(claim).toMatchObject({
      accountId,
      companyId: companyA.organisationId,
      householdId: accounts[0].household_id,
      areaId,
      areaName: HONGJU,
      status: 'IN_COLLECTION',
      version: 1,
      asOf: today,
    });
    expect(claim.streetCode).toMatch(/^110102/);
    expect(claim.ownerReference).toEqual(expect.any(String));
    const charge = (id: string) => claim.charges.find((c) => c.chargeId === id)!;
    // The letter named the old charge only: its period runs afresh from the letter's arrival (法释〔2020〕17号 art. 8
    // item 2), the other's does not.
    // Worked by hand: three years (Civil Code art. 188) from the arrival on 30 November 2026; October 2026's fee, due
    // 31 October, three years from then.
    expect(charge(old.chargeId).limitationEndsOn).toBe('2029-11-30');
    expect(charge(recent.chargeId).limitationEndsOn).toBe('2029-10-31');
    // with the charges it named, for litigation's reasonable period of each month claimed
    expect(claim.demands).toEqual([
      {
        actionId: letter.actions[0].actionId,
        kind: 'LETTER',
        on: letterOn,
        channel: null,
        chargeIds: [old.chargeId],
        deliveredOn: arrivedOn,
      },
    ]);
    expect(claim.mediationSessions).toEqual([]);
    // The same figures as the account's statement: both come from one computation.
    const statement = (await ok(companyA, STATEMENT, { id: accountId })).arrearsAccount;
    expect(
      claim.charges.map(({ chargeId, month, openFen, limitationEndsOn, lateFeeFen }) => ({
        chargeId,
        month,
        openFen,
        limitationEndsOn,
        lateFeeFen,
      })),
    ).toEqual(statement.charges);
    expect(charge(old.chargeId).lateFeeFen).toBeGreaterThan(0);

    // A message is a demand with its channel; an unanswered call is not one, nor a notice that did not reach the owner
    // (posted only at the building entrance: 法释〔2020〕17号 art. 8 item 1). Each step publishes the next version.
    await ok(companyA, ACTION, {
      a: accountId,
      x: { kind: 'MESSAGE', channel: 'WECHAT', on: today, chargeIds: [recent.chargeId] },
    });
    await ok(companyA, ACTION, {
      a: accountId,
      x: { kind: 'CALL', reached: false, on: today, chargeIds: [recent.chargeId] },
    });
    await ok(companyA, ACTION, {
      a: accountId,
      x: { kind: 'NOTICE_POSTED', reached: false, on: today, chargeIds: [old.chargeId] },
    });
    const all = await probe.waitForCount('four claims', claimsOf(accountId), 4);
    const claims = all.map((m) => expectValidEvent<ClaimUpdatedData>(m, CLAIM_UPDATED_TYPE));
    expect(claims.map((c) => c.version)).toEqual([1, 2, 3, 4]);
    expect(claims[3].demands.map((d) => [d.kind, d.channel])).toEqual([
      ['LETTER', null],
      ['MESSAGE', 'WECHAT'],
    ]);
    // three years from the message of 1 December 2026
    expect(claims[3].charges.find((c) => c.chargeId === recent.chargeId)!.limitationEndsOn).toBe('2029-12-01');
    // the old charge's period still runs from the letter's arrival, not from the notice
    expect(claims[3].charges.find((c) => c.chargeId === old.chargeId)!.limitationEndsOn).toBe('2029-11-30');
    expect((await accountRow(accountId)).claim_version).toBe(4);
  });

  it('publishes the claims of a billing run for the accounts that are not CURRENT only', async () => {
    const second = accounts[1].id;
    const { charges } = (await ok(companyA, STATEMENT, { id: second })).arrearsAccount;
    await ok(companyA, ACTION, {
      a: second,
      x: { kind: 'NOTICE_POSTED', reached: true, on: today, chargeIds: [charges[0].chargeId] },
    });
    const { rows } = await db.query(
      `select id from arrears.account where area_id = $1 and company_id = $2 and status <> 'CURRENT' order by id`,
      [areaId, companyA.organisationId],
    );
    const referable = rows.map((r) => r.id as string);
    expect(referable).toEqual([accounts[0].id, second].sort());

    const month = addMonths(thisMonth, -1);
    const billedThisMonth = (c: ClaimUpdatedData) => c.charges.some((x) => x.month === month);
    const written = (await outboxClaims()).length;
    expect((await ok(companyA, RUN, { a: areaId, m: month })).runBilling.newlyBilled).toBe(accounts.length);
    for (const id of referable) {
      const [m] = await probe.waitForCount(
        `the claim of ${id} with ${month}`,
        (m) => claimsOf(id)(m) && billedThisMonth(JSON.parse(String(m.message.value))),
        1,
      );
      expect(expectValidEvent(m, CLAIM_UPDATED_TYPE)).toMatchObject({ status: 'IN_COLLECTION' });
    }
    // The run wrote one snapshot per referable account, with the month just billed, and none for the CURRENT ones.
    const fromRun = (await outboxClaims()).slice(written);
    expect(fromRun.map((r) => r.message_key).sort()).toEqual(referable);
    expect(fromRun.every((r) => billedThisMonth(r.payload))).toBe(true);
  });

  it('publishes one claim per account a payment import touched, and the claims of the non-CURRENT accounts a levy bills', async () => {
    const [, second, , fourth] = accounts;
    const written = (await outboxClaims()).length;
    const pay = (accountId: string, amountFen: number) => ({
      accountId,
      amountFen,
      paidOn: today,
      method: 'BANK_TRANSFER',
      idempotencyKey: randomUUID(),
    });
    await ok(companyA, `mutation($p: [PaymentInput!]!) { importPayments(payments: $p) { receiptNumber } }`, {
      p: [pay(second.id, 100), pay(fourth.id, 100), pay(second.id, 50)],
    });
    const fromImport = (await outboxClaims()).slice(written);
    expect(fromImport.map((r) => r.message_key).sort()).toEqual([second.id, fourth.id].sort());
    const paid = fromImport.find((r) => r.message_key === second.id)!.payload;
    expect(paid.charges.reduce((sum, c) => sum + c.paidFen, 0)).toBe(150);

    const { rows } = await db.query(`select building_id from arrears.account where id = $1`, [second.id]);
    const building = rows[0].building_id as string;
    // Owed under the owners' valid decision on raising funds (Civil Code art. 278 item 6), so it is part of the claims.
    const tally = {
      totalOwners: 72,
      totalArea: '5894.70', // the register's, as the hub checks
      participatingOwners: 60,
      participatingArea: '4200.00',
      consentingOwners: 50,
      consentingArea: '3500.00',
    };
    const { recordJointDecision: decision } = await ok(
      GUANGWAI_OFFICE,
      `mutation($i: RecordJointDecisionInput!) { recordJointDecision(input: $i) { id valid } }`,
      {
        i: { areaId, matter: 'RAISE_MAINTENANCE_FUND', heldOn: today, tally },
      },
    );
    expect(decision.valid).toBe(true);
    await waitFor(
      'arrears to hold the decision',
      async () =>
        (await db.query(`select 1 from arrears.joint_decision_view where decision_id = $1`, [decision.id])).rowCount ===
        1,
    );
    const levy = {
      areaId,
      title: '电梯大修集资',
      purpose: '电梯大修',
      accountName: '物管会专项账户',
      rateFenPerM2: 1793,
      activationThresholdPercent: 50,
      advanceFen: 0,
      decidedOn: today,
      dueOn: addDays(today, 30),
      buildingIds: [building],
      jointDecisionId: decision.id,
    };
    const beforeLevy = (await outboxClaims()).length;
    await ok(companyA, `mutation($l: LevyInput!) { createLevy(levy: $l) { id } }`, { l: levy });
    const referable = await db.query(
      `select id from arrears.account where building_id = $1 and company_id = $2 and status <> 'CURRENT' order by id`,
      [building, companyA.organisationId],
    );
    const fromLevy = (await outboxClaims()).slice(beforeLevy);
    expect(fromLevy.map((r) => r.message_key).sort()).toEqual(referable.rows.map((r) => r.id));
    expect(fromLevy.every((r) => r.payload.charges.some((c) => c.kind === 'LEVY'))).toBe(true);
  });

  const referralEvent = <T>(type: string, data: T): HubEvent<T> => ({
    id: randomUUID(),
    type,
    source: '/property-governance-hub/litigation',
    time: new Date().toISOString(),
    data,
  });
  const submittedEvent = (account: Account, referralId: string, companyId = companyA.organisationId) =>
    referralEvent<ReferralSubmittedData>(REFERRAL_SUBMITTED.type, {
      referralId,
      courtId: COURT_ID,
      companyId,
      accountId: account.id,
      householdId: account.household_id,
      areaId,
      status: 'SUBMITTED',
      contractId,
      procedure: 'SMALL_CLAIMS',
      amountInDisputeFen: 100_000,
      grandTotalFen: 110_000,
      packageVersion: 1,
      packageDigest: 'b'.repeat(64),
      submittedOn: today,
    });
  const statusEvent = (
    account: Account,
    referralId: string,
    fromStatus: CaseStatus,
    status: CaseStatus,
    extra: Partial<ReferralStatusChangedData> = {},
  ) =>
    referralEvent<ReferralStatusChangedData>(REFERRAL_STATUS_CHANGED.type, {
      referralId,
      courtId: COURT_ID,
      companyId: companyA.organisationId,
      accountId: account.id,
      householdId: account.household_id,
      areaId,
      status,
      fromStatus,
      // Noon in Beijing on the pinned day: the consumer records China's day of the report, and the wall clock's day
      // there is already tomorrow from 16:00 UTC.
      occurredAt: `${today}T04:00:00.000Z`,
      caseNumber: null,
      judgedFen: null,
      settledFen: null,
      ...extra,
    });
  const inboxed = async (eventIds: string[]) => {
    const { rows } = await db.query(
      `select event_id from arrears.inbox where consumer = 'arrears.referral-outcomes' and event_id = any($1)`,
      [eventIds],
    );
    return rows.length === eventIds.length;
  };

  it('moves the account along its referral: REFERRED, IN_LITIGATION, then JUDGED with the amount awarded, once however often the judgment arrives', async () => {
    const account = accounts[0];
    const referralId = randomUUID();
    const versionBefore = (await accountRow(account.id)).claim_version;
    const submitted = submittedEvent(account, referralId);
    const docketed = statusEvent(account, referralId, 'SUBMITTED', 'DOCKETED', { caseNumber: '（2026）京0102民初1号' });
    const judged = statusEvent(account, referralId, 'DOCKETED', 'JUDGED', {
      caseNumber: '（2026）京0102民初1号',
      judgedFen: 98_765,
    });
    const judgedAgain = { ...judged, id: randomUUID() }; // the same report under a new event id
    const producer = rawProducer(t.brokers);
    await producer.connect();
    try {
      await producer.send({
        topic: `${t.topicPrefix}litigation.referrals.v1`,
        messages: [submitted, docketed, judged, judged, judgedAgain].map((e) => asKafkaMessage(e, referralId)),
      });
    } finally {
      await producer.disconnect();
    }
    await waitFor('the referral events to be applied', () =>
      inboxed([submitted.id, docketed.id, judged.id, judgedAgain.id]),
    );
    expect(await accountRow(account.id)).toMatchObject({
      status: 'JUDGED',
      judged_fen: 98765,
      claim_version: versionBefore + 3,
    });
    const { transitions } = (await ok(companyA, STATEMENT, { id: account.id })).arrearsAccount;
    expect(transitions).toEqual([
      { from: 'CURRENT', to: 'IN_COLLECTION', byRole: 'PROPERTY_COMPANY' },
      { from: 'IN_COLLECTION', to: 'REFERRED', byRole: 'SYSTEM' },
      { from: 'REFERRED', to: 'IN_LITIGATION', byRole: 'SYSTEM' },
      { from: 'IN_LITIGATION', to: 'JUDGED', byRole: 'SYSTEM' },
    ]);
    const { rows } = await db.query(
      `select reason, on_date::text as on_date from arrears.account_transition where account_id = $1 and to_status = 'IN_LITIGATION'`,
      [account.id],
    );
    expect(rows).toEqual([
      { reason: `Referral ${referralId} to ${COURT_ID}: DOCKETED (（2026）京0102民初1号)`, on_date: today },
    ]);

    // A snapshot after each move, the last one JUDGED; the repeated judgment published none.
    await probe.waitForCount(
      'the claims after the referral',
      (m) => claimsOf(account.id)(m) && JSON.parse(String(m.message.value)).version > versionBefore,
      3,
    );
    const after = snapshots(account.id).filter((c) => c.version > versionBefore);
    expect(after.map((c) => [c.version, c.status])).toEqual([
      [versionBefore + 1, 'REFERRED'],
      [versionBefore + 2, 'IN_LITIGATION'],
      [versionBefore + 3, 'JUDGED'],
    ]);
  });

  it("dead-letters a referral of another company's account, of an unknown account, or one the status rules refuse, and changes nothing", async () => {
    const [, second, third] = accounts;
    const before = [await accountRow(second.id), await accountRow(third.id)];
    expect(before.map((r) => r.status)).toEqual(['IN_COLLECTION', 'CURRENT']);
    const transitions = async () =>
      Number((await db.query(`select count(*)::int as n from arrears.account_transition`)).rows[0].n);
    const transitionsBefore = await transitions();
    const claimsBefore = (await outboxClaims()).length;

    const foreign = submittedEvent(second, randomUUID(), companyB.organisationId);
    const unknown = submittedEvent({ id: randomUUID(), household_id: second.household_id }, randomUUID());
    const ofCurrent = submittedEvent(third, randomUUID()); // a CURRENT account cannot be referred
    const producer = rawProducer(t.brokers);
    await producer.connect();
    try {
      for (const e of [foreign, unknown, ofCurrent]) {
        await producer.send({
          topic: `${t.topicPrefix}litigation.referrals.v1`,
          messages: [asKafkaMessage(e, e.data.referralId)],
        });
      }
    } finally {
      await producer.disconnect();
    }
    const dead = await probe.waitForCount('three dead letters', (m) => m.topic.endsWith('arrears.dead-letter.v1'), 3);
    const byId = new Map(dead.map((m) => [m.headers.ce_id, m.headers]));
    expect(byId.get(foreign.id)).toMatchObject({
      dlq_reason_code: 'NOT_FOUND',
      dlq_consumer: 'arrears.referral-outcomes',
      ce_type: REFERRAL_SUBMITTED.type,
    });
    expect(byId.get(unknown.id)).toMatchObject({ dlq_reason_code: 'NOT_FOUND' });
    expect(byId.get(ofCurrent.id)).toMatchObject({ dlq_reason_code: 'INVALID_STATUS_TRANSITION' });

    expect([await accountRow(second.id), await accountRow(third.id)]).toEqual(before);
    expect(await transitions()).toBe(transitionsBefore);
    expect((await outboxClaims()).length).toBe(claimsBefore);
  });

  it('follows one referral at a time: the account referred again after a withdrawal, whatever order the two referrals report in', async () => {
    const account = accounts[5];
    const { arrearsAccount } = await ok(companyA, STATEMENT, { id: account.id });
    await ok(companyA, ACTION, {
      a: account.id,
      x: { kind: 'LETTER', on: addDays(today, -3), chargeIds: [arrearsAccount.charges[0].chargeId], note: '催缴函' },
    });
    const [first, second] = [randomUUID(), randomUUID()];
    const send = async (events: HubEvent<unknown>[]) => {
      const producer = rawProducer(t.brokers);
      await producer.connect();
      try {
        // One partition in a test hub: read in this order. In production the two referrals' keys may lie on
        // different partitions, so the second referral's submission can be read before the first one's withdrawal.
        await producer.send({
          topic: `${t.topicPrefix}litigation.referrals.v1`,
          messages: events.map((e) => asKafkaMessage(e, (e.data as { referralId: string }).referralId)),
        });
      } finally {
        await producer.disconnect();
      }
      await waitFor('the referral events to be applied', () => inboxed(events.map((e) => e.id)));
    };
    await send([
      submittedEvent(account, first),
      statusEvent(account, first, 'SUBMITTED', 'DOCKETED', { caseNumber: '（2026）京0102民初7号' }),
      // The first referral was withdrawn and the account referred again; the new submission is read first.
      submittedEvent(account, second),
      statusEvent(account, first, 'DOCKETED', 'WITHDRAWN'),
      statusEvent(account, second, 'SUBMITTED', 'DOCKETED', { caseNumber: '（2026）京0102民初8号' }),
    ]);
    const followed = async () =>
      (
        await db.query(
          `select status, (select array_agg(referral_id::text order by sequence) from arrears.followed_referral where account_id = a.id) as followed
             from arrears.account a where id = $1`,
          [account.id],
        )
      ).rows[0];
    // Before, the withdrawal took the account back to collection and the new case's docketing was dead-lettered.
    expect(await followed()).toEqual({ status: 'IN_LITIGATION', followed: [first, second] });
    const { transitions } = (await ok(companyA, STATEMENT, { id: account.id })).arrearsAccount;
    expect(transitions.map((x: { from: string; to: string }) => `${x.from}→${x.to}`)).toEqual([
      'CURRENT→IN_COLLECTION',
      'IN_COLLECTION→REFERRED',
      'REFERRED→IN_LITIGATION',
      'IN_LITIGATION→IN_COLLECTION',
      'IN_COLLECTION→REFERRED',
      'REFERRED→IN_LITIGATION',
    ]);
    // The old referral's submission redelivered under a new id, and its closing: the account stays with the new case.
    const late = [submittedEvent(account, first), statusEvent(account, first, 'WITHDRAWN', 'CLOSED')];
    await send(late);
    expect(await followed()).toEqual({ status: 'IN_LITIGATION', followed: [first, second] });
    expect((await ok(companyA, STATEMENT, { id: account.id })).arrearsAccount.transitions).toHaveLength(6);
    const lateIds = new Set(late.map((e) => e.id));
    expect(probe.received.filter((m) => lateIds.has(String(m.headers.ce_id)))).toEqual([]);
  });
});
