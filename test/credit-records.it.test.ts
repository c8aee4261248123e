import { randomUUID } from 'node:crypto';
import { addDays } from '../kernel/calendar';
import { periodEnd } from '../kernel/working-days';
import {
  CREDIT_RECORD_PUBLISHED,
  CreditRecordPublishedData,
  REFERRAL_DEBTOR_LISTED,
  REFERRALS_TOPIC,
  ReferralDebtorListedData,
} from '../catalog';
import { DEMO_LINJIANG } from '../hub/demo/demo-data';
import { gatewayClient, loadCompound } from '../hub/demo/demo-loader';
import { HubEvent } from '../platform/events/cloudevent';
import { createKafka, ensureTopics } from '../platform/events/kafka';
import { LINJIANG_SETTINGS } from '../subgraphs/contracts/domain/statutes';
import { asKafkaMessage } from './support/events';
import { expectValidEvent } from './support/event-schema';
import { TestHub, identity, startTestHub, testKafkaAdmin, testTokens, pinTestToday } from './support/hub-fixture';
import { ProbedMessage, probeTopics, rawProducer } from './support/kafka-probe';
import { gqlExpectations } from './support/scenario';
import { waitFor } from './support/wait-for';

/**
 * Issue 17 §3: credit records in 临江市. A company's record (a bureau's finding; a returned filing makes none) is seen
 * by the company and its city's bureau only; an owner enters only through a court's dishonest-debtor listing; the feed
 * carries an entry once the city's notice period has run, and never while an objection is pending.
 */
const admin = identity('ADMIN', 'hub-operator');
const { street: jianguo, enforcementBureau, companies } = DEMO_LINJIANG;
const [companyA, companyB] = companies;
const beijingBureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);
const otherStreet = identity('STREET_OFFICE', 'street-office-guanganmenwai', ['110102014']);
const court = identity('COURT', 'linjiang-court', ['220681']);
const NOTICE_DAYS = 15;
// Periods counted from today (working days) would run past the holiday data the hub holds (2026-12-24) from
// mid-December 2026: the scenario is pinned to a day it is dated against (README › Tests › Dates).
const today = pinTestToday('2026-12-01');
/** A day whose notice period has run by today (a period's last day moves at most past a holiday week). */
const longAgo = addDays(today, -40);

const ENTRY = `id cityCode subjectKind companyId householdId courtId caseNumber kind legalBasis occurredOn source status noticeEndsOn publishedOn withdrawnOn objections { grounds by decision reason }`;
const ENTRIES = `query($f: CreditEntryFilter) { creditEntries(filter: $f) { ${ENTRY} } }`;
const FINDING = `mutation($f: CreditFindingInput!) { recordCreditFinding(finding: $f) { ${ENTRY} } }`;
const OBJECT = `mutation($e: ID!, $g: Note!) { objectToCreditEntry(entryId: $e, grounds: $g) { ${ENTRY} } }`;
const DECIDE = `mutation($e: ID!, $u: Boolean!, $r: Note!) { decideCreditObjection(entryId: $e, upheld: $u, reason: $r) { ${ENTRY} } }`;

describe('credit records: company conduct and court-listed owners, published after the city’s notice period', () => {
  let t: TestHub;
  let areaId: string;
  let probe: Awaited<ReturnType<typeof probeTopics>>;
  const { ok, fails } = gqlExpectations(() => t);

  const published = () =>
    probe.received
      .filter((m) => m.headers.ce_type === CREDIT_RECORD_PUBLISHED.type)
      .map((m) => ({ m, data: JSON.parse(String(m.message.value)) as CreditRecordPublishedData }));
  const onFeed = (entryId: string, topic = `${t.topicPrefix}credit.records.v1`) =>
    probe.waitForCount(
      `entry ${entryId} on ${topic}`,
      (m: ProbedMessage) => m.topic === topic && JSON.parse(String(m.message.value)).entryId === entryId,
      1,
    );
  /** Nothing about the entry reached the feed, after a later entry that was published did (the relay is in order). */
  const notOnFeed = (entryId: string) => expect(published().filter((p) => p.data.entryId === entryId)).toEqual([]);

  /**
   * An entry recorded on `recordedOn` instead of today (its recording day set back in the database, as if the hub had
   * recorded it then): the sweep, every second here, publishes it once its notice period has run from that day.
   */
  const recordedOn = async (entryId: string, day: string) => {
    await t.sql(`update contracts.credit_entry set recorded_on = $2::date where id = $1`, [entryId, day]);
    return waitFor(`entry ${entryId} published by the sweep`, async () => {
      const [row] = await t.sql<{ status: string }>(`select status from contracts.credit_entry where id = $1`, [
        entryId,
      ]);
      return row.status === 'PUBLISHED' ? row : undefined;
    });
  };
  /** A finding of `occurredOn` recorded that day (recordedOn), published by the sweep: the entry as read then. */
  const publishedFinding = async (occurredOn: string) => {
    const entry = await finding(occurredOn);
    await recordedOn(entry.id, occurredOn);
    const [read] = (await ok(enforcementBureau, ENTRIES)).creditEntries.filter(
      (e: { id: string }) => e.id === entry.id,
    );
    return read;
  };

  const finding = (occurredOn: string, company = companyA) =>
    ok(enforcementBureau, FINDING, {
      f: {
        companyId: company.organisationId,
        areaId,
        kind: 'UNLAWFUL_COLLECTION_MEASURE',
        occurredOn,
        legalBasis: 'Civil Code art. 944 para. 3',
        note: '停水催费',
      },
    }).then((d) => d.recordCreditFinding);

  const sweepInterval = process.env.CREDIT_SWEEP_INTERVAL_MS;
  beforeAll(async () => {
    // The credit sweep every second (10 minutes by default): entries set back to an earlier recording day are
    // published within a second, as the hub would on the day their period runs out.
    process.env.CREDIT_SWEEP_INTERVAL_MS = '1000';
    t = await startTestHub({ subgraphs: ['areas', 'contracts'] });
    const gql = gatewayClient(t.hub.gatewayUrl, testTokens);
    const set = await t.gql(
      admin,
      `mutation($s: CitySettingsInput!, $r: Note!) { setCitySettings(settings: $s, reason: $r) { creditNoticePeriodDays } }`,
      {
        s: {
          ...LINJIANG_SETTINGS,
          creditNoticePeriodDays: NOTICE_DAYS,
          sources: { ...LINJIANG_SETTINGS.sources, creditNoticePeriod: 'test setting (no confirmed figure)' },
        },
        r: 'credit records test',
      },
    );
    expect(set.body.errors).toBeUndefined();
    ({ areaId } = await loadCompound(gql, jianguo, jianguo.compounds[1]));
    await waitFor(
      'contracts to know the walk-ups with their households',
      async () =>
        (
          await t.sql<{ n: number }>(
            'select coalesce(max(households), 0)::int as n from contracts.area_view where area_id = $1',
            [areaId],
          )
        )[0].n === 60,
    );
    // The city's copy of the feed is created by the relay on its first message; the probe needs it now.
    const settings = {
      brokers: t.brokers,
      clientId: 'test-operator',
      topicPrefix: t.topicPrefix,
      sasl: testKafkaAdmin(),
    };
    await ensureTopics(createKafka(settings), settings, ['credit.records.v1.220681', REFERRALS_TOPIC.name]);
    probe = await probeTopics(t.brokers, [
      `${t.topicPrefix}credit.records.v1`,
      `${t.topicPrefix}credit.records.v1.220681`,
    ]);
  }, 120_000);

  afterAll(async () => {
    await probe?.stop();
    await t?.stop();
    if (sweepInterval === undefined) delete process.env.CREDIT_SWEEP_INTERVAL_MS;
    else process.env.CREDIT_SWEEP_INTERVAL_MS = sweepInterval;
  });

  it('records no entry for a returned filing; a finding is seen by the company and its city’s bureau, not by another company or Beijing', async () => {
    const { draftContract } = await ok(
      companyA,
      `mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }`,
      {
        a: areaId,
        t: {
          kind: 'REGULAR',
          number: `LJ-${randomUUID().slice(0, 8)}`,
          title: '物业服务合同',
          ownersSide: { kind: 'OWNERS_COMMITTEE', name: '解放路独栋楼片区业主委员会' },
          selectionMethod: 'TENDER',
          signedOn: addDays(today, -3),
          startsOn: addDays(today, 1),
          endsOn: addDays(today, 365),
          serviceItems: [{ item: '公共区域保洁', standard: '楼道每周清扫' }],
          feeSchedule: {
            classes: [
              { buildingClass: 'LOW_RISE', assessedRateFenPerM2Month: 50, ownerRateFenPerM2Month: 50, subsidies: [] },
            ],
          },
          parties: [
            {
              role: 'PROVIDER',
              name: '临江示例物业服务有限公司',
              registration: companyA.organisationId,
              signatory: '王经理',
            },
            { role: 'OWNERS_COMMITTEE', name: '解放路独栋楼片区业主委员会', signatory: '李主任' },
          ],
        },
      },
    );
    const { submitFiling } = await ok(
      companyA,
      `mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id } }`,
      {
        c: draftContract.id,
        k: randomUUID(),
        d: [{ name: '物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'e'.repeat(64) }],
      },
    );
    await ok(
      enforcementBureau,
      `mutation($f: ID!, $r: [ReturnReasonInput!]!) { returnFiling(filingId: $f, version: 1, reasons: $r) { status } }`,
      { f: submitFiling.id, r: [{ field: 'parties', reason: '缺少业主委员会盖章' }] },
    );

    // A return for correction is no credit matter: seed 004 §六(七) only names where a contract is filed, and no
    // provision attaches a consequence to a return (before, a RETURNED_FILING entry citing §六(七) was recorded).
    expect((await ok(companyA, ENTRIES)).creditEntries).toEqual([]);
    expect((await ok(enforcementBureau, ENTRIES)).creditEntries).toEqual([]);

    const recorded = await finding(today);
    const own = (await ok(companyA, ENTRIES)).creditEntries;
    expect(own).toEqual([
      expect.objectContaining({
        id: recorded.id,
        cityCode: '220681',
        subjectKind: 'COMPANY',
        companyId: companyA.organisationId,
        kind: 'UNLAWFUL_COLLECTION_MEASURE',
        occurredOn: today,
        status: 'RECORDED',
        noticeEndsOn: periodEnd(today, NOTICE_DAYS),
        publishedOn: null,
        legalBasis: 'Civil Code art. 944 para. 3',
      }),
    ]);
    expect((await ok(enforcementBureau, ENTRIES)).creditEntries.map((e: { id: string }) => e.id)).toContain(own[0].id);
    expect((await ok(companyB, ENTRIES)).creditEntries).toEqual([]);
    expect((await ok(beijingBureau, ENTRIES)).creditEntries).toEqual([]);
    expect((await ok(otherStreet, ENTRIES)).creditEntries).toEqual([]);
    expect((await fails(court, ENTRIES)).extensions.code).toBe('FORBIDDEN');
    // Another company cannot object to it, nor Beijing's bureau decide on it: they do not see it.
    expect((await fails(companyB, OBJECT, { e: own[0].id, g: '不是我们' })).extensions.code).toBe('NOT_FOUND');
  });

  it('publishes an entry whose notice period has run, and holds one within it', async () => {
    // Conduct of 40 days ago recorded today: its period runs from today (before, from the conduct, so it was
    // published the moment it was recorded and the company had no time to object).
    const lateRecorded = await finding(longAgo);
    expect(lateRecorded).toMatchObject({
      status: 'RECORDED',
      publishedOn: null,
      occurredOn: longAgo,
      noticeEndsOn: periodEnd(today, NOTICE_DAYS),
    });
    // The same conduct recorded on its day: its period has run, and the sweep publishes it.
    const old = await publishedFinding(longAgo);
    expect(old).toMatchObject({ status: 'PUBLISHED', publishedOn: today, kind: 'UNLAWFUL_COLLECTION_MEASURE' });
    const recent = await finding(today);
    expect(recent).toMatchObject({
      status: 'RECORDED',
      publishedOn: null,
      noticeEndsOn: periodEnd(today, NOTICE_DAYS),
    });

    const [message] = await onFeed(old.id);
    const data = expectValidEvent<CreditRecordPublishedData>(message, CREDIT_RECORD_PUBLISHED.type);
    expect(data).toMatchObject({
      cityCode: '220681',
      subjectKind: 'COMPANY',
      companyId: companyA.organisationId,
      owner: null,
      legalBasis: 'Civil Code art. 944 para. 3',
      occurredOn: longAgo,
    });
    await onFeed(old.id, `${t.topicPrefix}credit.records.v1.220681`); // the city's own copy
    notOnFeed(recent.id);
    notOnFeed(lateRecorded.id);

    // Only the city's bureau records findings; a Beijing bureau does not see the area, a company is FORBIDDEN-ish NOT_FOUND.
    const denied = await fails(beijingBureau, FINDING, {
      f: { companyId: companyA.organisationId, areaId, kind: 'BUREAU_FINDING', occurredOn: today, legalBasis: 'x' },
    });
    expect(denied.extensions.code).toBe('NOT_FOUND');
    // A company that filed nothing in the area has no record there to add to.
    expect(
      (
        await fails(enforcementBureau, FINDING, {
          f: { companyId: 'no-such-company', areaId, kind: 'BUREAU_FINDING', occurredOn: today, legalBasis: 'x' },
        })
      ).extensions.code,
    ).toBe('NOT_FOUND');

    // Retried with its key (a lost answer): the entry recorded the first time, once on the record; the key with
    // another finding is refused (before, each retry recorded the finding again).
    const KEYED = `mutation($f: CreditFindingInput!, $k: Key) { recordCreditFinding(finding: $f, idempotencyKey: $k) { id } }`;
    const keyed = {
      companyId: companyA.organisationId,
      areaId,
      kind: 'BUREAU_FINDING',
      occurredOn: addDays(today, -3),
      legalBasis: 'test: 重试的认定依据（非正式依据）',
    };
    const key = `finding-${randomUUID()}`;
    const first = (await ok(enforcementBureau, KEYED, { f: keyed, k: key })).recordCreditFinding.id;
    expect((await ok(enforcementBureau, KEYED, { f: keyed, k: key })).recordCreditFinding.id).toBe(first);
    const [{ n }] = await t.sql<{ n: number }>(
      `select count(*)::int as n from contracts.credit_entry where legal_basis = 'test: 重试的认定依据（非正式依据）'`,
    );
    expect(n).toBe(1);
    expect(
      (await fails(enforcementBureau, KEYED, { f: { ...keyed, legalBasis: '另一依据' }, k: key })).extensions.code,
    ).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('holds an entry from the feed while the company’s objection is pending; the bureau decides', async () => {
    const entry = await publishedFinding(addDays(today, -39));
    expect(entry.status).toBe('PUBLISHED');
    const objected = (await ok(companyA, OBJECT, { e: entry.id, g: '停水系供水公司检修，非催费' })).objectToCreditEntry;
    expect(objected).toMatchObject({
      status: 'OBJECTED',
      objections: [{ by: companyA.organisationId, decision: null }],
    });
    expect((await fails(companyA, OBJECT, { e: entry.id, g: '再次异议' })).extensions.code).toBe(
      'CREDIT_OBJECTION_NOT_ALLOWED',
    );
    // The company does not decide its own objection.
    expect((await fails(companyA, DECIDE, { e: entry.id, u: true, r: '自行撤销' })).extensions.code).toBe('NOT_FOUND');
    const upheld = (await ok(enforcementBureau, DECIDE, { e: entry.id, u: true, r: '经核实为检修停水' }))
      .decideCreditObjection;
    expect(upheld).toMatchObject({ status: 'WITHDRAWN', withdrawnOn: today, objections: [{ decision: 'UPHELD' }] });
    await probe.waitForCount(
      'the withdrawal on the feed',
      (m) =>
        m.headers.ce_type === 'hub.credit.record.withdrawn' && JSON.parse(String(m.message.value)).entryId === entry.id,
      1,
    );

    // Objected before its notice period ran out, an entry is not published until the objection is dismissed.
    const pending = await publishedFinding(addDays(today, -38));
    expect(pending.status).toBe('PUBLISHED'); // recorded then, past its period
    const fresh = await finding(addDays(today, -1));
    await ok(companyA, OBJECT, { e: fresh.id, g: '异议' });
    const dismissed = (await ok(enforcementBureau, DECIDE, { e: fresh.id, u: false, r: '证据充分' }))
      .decideCreditObjection;
    expect(dismissed).toMatchObject({ status: 'RECORDED', publishedOn: null });
    await onFeed(pending.id);
    notOnFeed(fresh.id);
  });

  it('enters an owner only from a court’s dishonest-debtor listing, with no personal data, after the notice period', async () => {
    const producer = rawProducer(t.brokers);
    const settings = {
      brokers: t.brokers,
      clientId: 'test-operator',
      topicPrefix: t.topicPrefix,
      sasl: testKafkaAdmin(),
    };
    await ensureTopics(createKafka(settings), settings, [REFERRALS_TOPIC.name]);
    await producer.connect();
    const listing = (listedOn: string): HubEvent<ReferralDebtorListedData> => ({
      id: randomUUID(),
      type: REFERRAL_DEBTOR_LISTED.type,
      source: '/property-governance-hub/litigation',
      time: new Date().toISOString(),
      data: {
        referralId: randomUUID(),
        courtId: 'linjiang-court',
        companyId: companyA.organisationId,
        householdId: randomUUID(),
        areaId,
        caseNumber: `（2026）吉0681执${Math.floor(Math.random() * 9000) + 1000}号`,
        listedOn,
      },
    });
    const late = listing(longAgo);
    const recent = listing(today);
    try {
      await producer.send({
        topic: `${t.topicPrefix}${REFERRALS_TOPIC.name}`,
        messages: [
          asKafkaMessage(late, late.data.referralId),
          asKafkaMessage(recent, recent.data.referralId),
          asKafkaMessage(late, late.data.referralId), // redelivered: one entry
        ],
      });
    } finally {
      await producer.disconnect();
    }
    const owners = await waitFor('both owner entries recorded', async () => {
      const entries = (await ok(enforcementBureau, ENTRIES, { f: { subjectKind: 'OWNER' } })).creditEntries;
      return entries.length === 2 ? entries : undefined;
    });
    // Listed 40 days ago and reported only now, the listing waits out its notice period from today: the owner's
    // street office may object first (before, it was published on arrival).
    const lateEntry = owners.find((e: { caseNumber: string }) => e.caseNumber === late.data.caseNumber);
    expect(lateEntry).toMatchObject({ status: 'RECORDED', noticeEndsOn: periodEnd(today, NOTICE_DAYS) });
    notOnFeed(lateEntry.id);
    // Had it been reported when it was listed, its period would have run: the sweep publishes it.
    await recordedOn(lateEntry.id, longAgo);
    const [published1] = await probe.waitForCount(
      'the earlier listing on the feed',
      (m) => JSON.parse(String(m.message.value)).owner?.caseNumber === late.data.caseNumber,
      1,
    );
    const data = expectValidEvent<CreditRecordPublishedData>(published1, CREDIT_RECORD_PUBLISHED.type);
    expect(data).toMatchObject({
      subjectKind: 'OWNER',
      kind: 'DISHONEST_JUDGMENT_DEBTOR',
      companyId: null,
      owner: { householdId: late.data.householdId, courtId: 'linjiang-court', caseNumber: late.data.caseNumber },
      occurredOn: longAgo,
      legalBasis: expect.stringContaining('art. 266'),
    });
    // No name, ID number, phone or address: the schema is closed, and the message carries none of the register's fields.
    expect(String(published1.message.value)).not.toMatch(/owner(Name|Reference)|idNumber|phone|address/i);
    const recentEntry = owners.find((e: { caseNumber: string }) => e.caseNumber === recent.data.caseNumber);
    expect(recentEntry).toMatchObject({ status: 'RECORDED', publishedOn: null });
    notOnFeed(recentEntry.id);

    // The companies never see owners' entries; the street office of the area sees them and objects for the owner.
    expect((await ok(companyA, ENTRIES, { f: { subjectKind: 'OWNER' } })).creditEntries).toEqual([]);
    const objected = (await ok(jianguo.office, OBJECT, { e: recentEntry.id, g: '已履行判决' })).objectToCreditEntry;
    expect(objected.status).toBe('OBJECTED');
    expect((await fails(otherStreet, OBJECT, { e: recentEntry.id, g: 'x' })).extensions.code).toBe('NOT_FOUND');

    // Every owner on the feed came from a court listing: arrears alone never put anyone there.
    const ownersOnFeed = published().filter((p) => p.data.subjectKind === 'OWNER');
    expect(ownersOnFeed.map((p) => p.data.owner?.caseNumber)).toEqual(ownersOnFeed.map(() => late.data.caseNumber));
  });
});
