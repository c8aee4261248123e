import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import {
  LITIGATION_DEADLINE_CHANGED,
  REFERRAL_STATUS_CHANGED,
  REFERRAL_SUBMITTED,
  REFERRAL_WITHDRAWN,
} from '../catalog';
import { addDays, addYears } from '../kernel/calendar';
import { sweepFormerOwners } from '../subgraphs/areas/application/former-owner-retention';
import { FORMER_OWNER_KEPT_YEARS_DEFAULT } from '../subgraphs/areas/domain/former-owner-retention';
import { residentIdCheckCharacter } from '../subgraphs/areas/domain/owner-identity';
import request from 'supertest';
import { signIdentityAssertion } from '../platform/auth/tokens';
import { TestHub, identity, pinTestToday, startTestHub, testTokens } from './support/hub-fixture';
import { rawProducer } from './support/kafka-probe';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';
import { produceEvents, referralSubmitted } from './support/webhook-events';

// PIPL art. 47 (deletion once the purpose is achieved) and art. 19 (the shortest retention): a former owner named by a
// court's referral was kept, and readable by that court, for as long as the grant existed, and areas never ended a
// grant. Only the areas subgraph runs; litigation's events are produced as its outbox relay would.
const court = identity('COURT', 'bj-xicheng-court', ['110102']);
const today = pinTestToday('2026-12-01');
const COURT_ID = court.organisationId;
const sellerId = (n: number) => {
  const body = `11010219750505${String(n + 301).padStart(3, '0')}`;
  return body + residentIdCheckCharacter(body);
};
// What the litigation subgraph asks for the court (its complaint, Referral.household): the household by `_entities`.
const HOUSEHOLD = `query($reps: [_Any!]!, $r: ID) { _entities(representations: $reps) { ... on Household { id ownerName(referralId: $r) ownerIdentity(referralId: $r) { idNumber masked } } } }`;

describe('areas: a court’s grant ends with its case, and the sweep then erases the former owner it named', () => {
  let t: TestHub;
  let producer: Producer;
  let compoundId: string;
  let areaId: string;
  const { ok, fails } = gqlExpectations(() => t);
  const sellers: { householdId: string; reference: string; name: string | null; referralId: string }[] = [];

  const referralBase = (s: (typeof sellers)[number]) => ({
    referralId: s.referralId,
    courtId: COURT_ID,
    companyId: '91110102MA0000CEND',
    accountId: randomUUID(),
    householdId: s.householdId,
    areaId,
  });
  const step = (s: (typeof sellers)[number], status: string, fromStatus: string) => ({
    ...referralBase(s),
    status,
    fromStatus,
    occurredAt: `${today}T02:00:00.000Z`,
    caseNumber: '(2026)京0102民初1号',
    judgedFen: status === 'JUDGED' ? 120000 : null,
    settledFen: null,
  });
  const enforcementApplication = (s: (typeof sellers)[number], dueOn: string, sequence: number) => ({
    deadlineKey: `enforcement-application:${s.referralId}`,
    kind: 'ENFORCEMENT_APPLICATION',
    subjectId: s.referralId,
    ownerKind: 'PROPERTY_COMPANY',
    ownerOrganisationId: '91110102MA0000CEND',
    districtCode: '110102',
    legalBasis: 'Civil Procedure Law art. 250 (2023 amendment)',
    dueOn,
    metOn: null,
    cancelled: false,
    sequence,
  });
  const caseOf = async (s: (typeof sellers)[number]) =>
    (
      await t.sql<{ case_status: string | null; over_from: string | null; due_on: string | null }>(
        `select case_status, to_char(case_over_from, 'YYYY-MM-DD') as over_from,
                to_char(enforcement_due_on, 'YYYY-MM-DD') as due_on
           from areas.court_household where referral_id = $1`,
        [s.referralId],
      )
    )[0];
  const formers = async () =>
    (
      await t.sql<{ household_id: string }>(
        `select household_id from areas.former_owner where household_id = any($1::uuid[]) order by household_id`,
        [sellers.map((s) => s.householdId)],
      )
    ).map((r) => r.household_id);
  const courtReads = async (s: (typeof sellers)[number]) => {
    const res = await request(t.hub.subgraphs.areas!.url.replace(/\/graphql$/, ''))
      .post('/graphql')
      .set({ 'content-type': 'application/json', 'x-hub-identity': await signIdentityAssertion(court, testTokens) })
      .send({
        query: HOUSEHOLD,
        variables: { reps: [{ __typename: 'Household', id: s.householdId }], r: s.referralId },
      });
    // A household the court may not read is NOT_FOUND (its existence is not disclosed).
    return res.body.errors
      ? res.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)
      : res.body.data._entities[0];
  };
  const sweep = (asOf: string) => sweepFormerOwners(t.hub.subgraphs.areas!.orm.em.fork(), asOf);

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas'] });
    producer = rawProducer(t.brokers);
    await producer.connect();
    ({ compoundId, areaId } = await scenario(t).compound(HONGJU));
    const households = await t.sql<{ id: string; owner_reference: string; owner_name: string | null }>(
      `select h.id, h.owner_reference, h.owner_name from areas.household h join areas.building b on b.id = h.building_id
        where b.compound_id = $1 order by h.id limit 2`,
      [compoundId],
    );
    // Each household's owner, whose identity the street office holds, sells today: the register keeps the seller.
    for (const [i, h] of households.entries()) {
      await ok(
        GUANGWAI_OFFICE,
        `mutation($h: ID!, $i: UpdateHouseholdInput!) { updateHousehold(id: $h, input: $i) { id } }`,
        { h: h.id, i: { ownerIdentity: { legalName: `卖方${i}`, idType: 'RESIDENT_ID', idNumber: sellerId(i) } } },
      );
      await ok(
        GUANGWAI_OFFICE,
        `mutation($h: ID!, $i: UpdateHouseholdInput!) { updateHousehold(id: $h, input: $i) { id } }`,
        { h: h.id, i: { ownerReference: `o-buyer-cend-${i}`, ownerName: `买方${i}`, ownerSince: today } },
      );
      sellers.push({ householdId: h.id, reference: h.owner_reference, name: h.owner_name, referralId: randomUUID() });
    }
    expect(await formers()).toEqual(sellers.map((s) => s.householdId).sort());
    // The company refers each seller's months to the Xicheng court.
    await produceEvents(
      producer,
      t.topicPrefix,
      sellers.map((s) => ({
        definition: REFERRAL_SUBMITTED,
        key: s.referralId,
        data: {
          ...referralSubmitted(s.referralId, COURT_ID),
          ...referralBase(s),
          submittedOn: today,
          ownerReference: s.reference,
        },
      })),
    );
    await waitFor(
      'areas to grant the court both households',
      async () =>
        (await t.sql(`select 1 from areas.court_household where court_id = $1`, [COURT_ID])).length === sellers.length,
    );
  });

  afterAll(async () => {
    await producer?.disconnect();
    await t?.stop();
  });

  it('keeps the seller while the case runs, and erases them once it is over and the horizon passed', async () => {
    const [withdrawn, judged] = sellers;
    const horizon = addYears(today, FORMER_OWNER_KEPT_YEARS_DEFAULT);
    // While both cases run the court reads each seller in full, under its referral, and their area.
    expect((await ok(court, `query($a: ID!) { area(id: $a) { id } }`, { a: areaId })).area).toEqual({ id: areaId });
    for (const s of sellers)
      expect(await courtReads(s)).toMatchObject({ ownerName: s.name, ownerIdentity: { masked: false } });

    // The company withdraws the first case (撤诉); the second is judged, and litigation announces the two years to
    // apply for enforcement (Civil Procedure Law art. 250), counted from the last instalment of the judgment's
    // performance period, three years and some on: due after the four-year horizon.
    const dueOn = '2031-09-01';
    await produceEvents(producer, t.topicPrefix, [
      { definition: REFERRAL_WITHDRAWN, key: withdrawn.referralId, data: step(withdrawn, 'WITHDRAWN', 'SUBMITTED') },
      { definition: REFERRAL_STATUS_CHANGED, key: judged.referralId, data: step(judged, 'JUDGED', 'SUBMITTED') },
      {
        definition: LITIGATION_DEADLINE_CHANGED,
        key: `enforcement-application:${judged.referralId}`,
        data: enforcementApplication(judged, dueOn, 3),
      },
      // An older announcement read after the newer one changes nothing.
      {
        definition: LITIGATION_DEADLINE_CHANGED,
        key: `enforcement-application:${judged.referralId}`,
        data: enforcementApplication(judged, '2028-12-01', 2),
      },
    ]);
    await waitFor(
      'areas to follow both cases',
      async () => (await caseOf(withdrawn)).over_from !== null && (await caseOf(judged)).due_on !== null,
    );
    expect(await caseOf(withdrawn)).toEqual({ case_status: 'WITHDRAWN', over_from: today, due_on: null });
    expect(await caseOf(judged)).toEqual({ case_status: 'JUDGED', over_from: addDays(dueOn, 1), due_on: dueOn });

    // The withdrawn case gives the court nothing: the household is not among those it reads (before, it read the
    // seller in full for good); the judged one it still reads in full.
    expect(await courtReads(withdrawn)).toEqual(['NOT_FOUND']);
    expect(await courtReads(judged)).toMatchObject({ ownerName: judged.name, ownerIdentity: { masked: false } });

    // The sweep: within the horizon both are kept (a referral may still come); past it, the seller of the withdrawn
    // case goes, the seller of the running case stays until the period to apply for enforcement has run.
    expect(await sweep(horizon)).toBe(0);
    expect(await formers()).toEqual([withdrawn.householdId, judged.householdId].sort());
    expect(await sweep(addDays(horizon, 1))).toBe(1);
    expect(await formers()).toEqual([judged.householdId]);
    expect(await sweep(dueOn)).toBe(0);
    expect(await formers()).toEqual([judged.householdId]);
    expect(await sweep(addDays(dueOn, 1))).toBe(1);
    expect(await formers()).toEqual([]);
  });

  it('ends the grant by an enforcement deadline read before its referral (another topic, in no order with it)', async () => {
    // litigation.deadlines.v1 and litigation.referrals.v1 are read in no order with each other (a consumer lagging on
    // one, a replay from the beginning): the period to apply for enforcement, already run, is read first.
    const late = { ...sellers[0], referralId: randomUUID() };
    const [deadlineId] = await produceEvents(producer, t.topicPrefix, [
      {
        definition: LITIGATION_DEADLINE_CHANGED,
        key: `enforcement-application:${late.referralId}`,
        data: enforcementApplication(late, addDays(today, -1), 4),
      },
    ]);
    await waitFor(
      'areas to read the deadline',
      async () => (await t.sql(`select 1 from areas.inbox where event_id = $1`, [deadlineId])).length === 1,
    );
    await produceEvents(producer, t.topicPrefix, [
      {
        definition: REFERRAL_SUBMITTED,
        key: late.referralId,
        data: {
          ...referralSubmitted(late.referralId, COURT_ID),
          ...referralBase(late),
          submittedOn: today,
          ownerReference: late.reference,
        },
      },
    ]);
    await waitFor('areas to grant the late referral', async () => (await caseOf(late)) !== undefined);
    // Before, the deadline found no grant and was dropped: the court read the household under it for good.
    expect(await caseOf(late)).toEqual({ case_status: null, over_from: today, due_on: addDays(today, -1) });
  });

  it('ends the court’s reading of the area and the household once its last case is closed', async () => {
    const [, judged] = sellers;
    await produceEvents(producer, t.topicPrefix, [
      { definition: REFERRAL_STATUS_CHANGED, key: judged.referralId, data: step(judged, 'CLOSED', 'JUDGED') },
    ]);
    await waitFor('areas to close the case', async () => (await caseOf(judged)).case_status === 'CLOSED');
    expect((await caseOf(judged)).over_from).toBe(today);
    expect(await courtReads(judged)).toEqual(['NOT_FOUND']);
    expect((await fails(court, `query($a: ID!) { area(id: $a) { id } }`, { a: areaId })).extensions?.code).toBe(
      'NOT_FOUND',
    );
  });
});
