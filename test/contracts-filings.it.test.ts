import { randomUUID } from 'node:crypto';
import { addDays, daysBetween } from '../kernel/calendar';
import { canonicalJson, sha256Hex } from '../kernel/canonical-json';
import { periodEnd } from '../kernel/working-days';
import {
  CITY_FILING_REVIEWS_TOPIC,
  FILING_REVIEW_DECIDED,
  FILING_REVIEW_REFUSALS_TOPIC,
  FilingReviewDecidedData,
} from '../catalog';
import { HubEvent } from '../platform/events/cloudevent';
import { DEMO_CONTRACT, DEMO_STREETS } from '../hub/demo/demo-data';
import { startFilingsSubscriber } from '../examples/filings-subscriber';
import { asKafkaMessage } from './support/events';
import { TestHub, identity, startTestHub, testKafkaAdmin, pinTestToday } from './support/hub-fixture';
import { ProbedMessage, probeTopics, rawProducer, testKafkaClient } from './support/kafka-probe';
import { partyTopics } from './support/party-topics';
import { TERMINATE_ON_30_APRIL_2027, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';
import { servedToSql, servesOnSql } from '../platform/read-models/filing-snapshot';
import { expectValidEvent } from './support/event-schema';
import { connectedClient } from './support/db-client';
import { whileHeld } from './support/row-locks';
import { registerTotals } from './support/register-totals';

// 红居南街6号院 (广安门外, Xicheng) is unmanaged in the demo data: no contract, two low-rise buildings, 72 households.
const HONGJU = '红居南街6号院';
// About 84,000 m², with seed 003's filed contract; 阳光丽景 has no contract.
const XUEYUAN = '学院南路32号院';
const YANGGUANG = '阳光丽景';
// 广安门北街20号院 (广安门内, Xicheng): five low-rise walk-ups and a tower, no contract in the demo data.
const GUANGANMEN = '广安门北街20号院';
const guangwai = DEMO_STREETS[0].office;
const desheng = identity('STREET_OFFICE', 'street-office-desheng', ['110102011']);
const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);
const haidianBureau = identity('CITY_BUREAU', 'bureau-haidian', ['110108']);
const companyA = identity('PROPERTY_COMPANY', '91110102MA0000000A');
const companyB = identity('PROPERTY_COMPANY', '91110102MA0000000B');
const court = identity('COURT', 'bj-xicheng-court');
const admin = identity('ADMIN', 'hub-operator');

// Periods counted from "today" (filing deadlines, grace days, demand periods) would run past the holiday data the hub
// holds (2026-12-24) from mid-December 2026: the scenario is pinned to a day it is dated against.
const today = pinTestToday('2026-12-01');
const sha = (c: string) => c.repeat(64);
const contractText = [{ name: '物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 482_133, sha256: sha('a') }];

const terms = (overrides: Record<string, unknown> = {}) => ({
  kind: 'REGULAR',
  number: 'HJ6-2026-01',
  title: '红居南街6号院物业服务合同',
  ownersSide: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '红居南街6号院物业管理委员会' },
  selectionMethod: 'TENDER',
  signedOn: addDays(today, -20),
  startsOn: addDays(today, -10),
  endsOn: addDays(today, 3 * 365),
  serviceItems: [
    { item: '公共区域保洁', standard: '楼道每日清扫，垃圾日产日清' },
    { item: '秩序维护', standard: '门岗24小时值守' },
  ],
  feeSchedule: {
    classes: [
      {
        buildingClass: 'LOW_RISE',
        assessedRateFenPerM2Month: 178,
        ownerRateFenPerM2Month: 100,
        subsidies: [{ payer: '广安门外街道办事处', rateFenPerM2Month: 78, startMonth: today.slice(0, 7), months: 36 }],
      },
    ],
  },
  lateFee: { dailyRatePerTenThousand: 3, graceDays: 30 },
  parties: [
    { role: 'PROVIDER', name: '北京红居物业服务有限公司', registration: companyA.organisationId, signatory: '张经理' },
    { role: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '红居南街6号院物业管理委员会', signatory: '李主任' },
  ],
  ...overrides,
});

/** A developer's preliminary contract (Civil Code art. 939) from `startsOn` to `endsOn`. */
const preliminaryTerms = (number: string, startsOn: string, endsOn: string) => ({
  kind: 'PRELIMINARY',
  number,
  ownersSide: { kind: 'DEVELOPER', name: '某开发商' },
  startsOn,
  endsOn,
  parties: [terms().parties[0], { role: 'DEVELOPER', name: '某开发商', signatory: '周总' }],
});

const FILING_FIELDS = `id contractId status kind currentVersion recordNumber submittedOn deadline late daysLate lateConsequence acceptedOn amendsFilingId supersededByFilingId terminatedOn handoverOn`;
const DRAFT = `mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id status } }`;
const SUBMIT = `mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { ${FILING_FIELDS} } }`;
const RESUBMIT = `mutation($f: ID!, $k: Key!, $t: ContractTermsInput!, $d: [FilingDocumentInput!]!) { resubmitFiling(filingId: $f, idempotencyKey: $k, terms: $t, documents: $d) { ${FILING_FIELDS} } }`;
const ACCEPT = `mutation($f: ID!, $v: Int!) { acceptFiling(filingId: $f, version: $v) { ${FILING_FIELDS} } }`;
const RETURN = `mutation($f: ID!, $v: Int!, $r: [ReturnReasonInput!]!) { returnFiling(filingId: $f, version: $v, reasons: $r) { ${FILING_FIELDS} } }`;
const AMEND = `mutation($c: ID!, $k: Key!, $on: LocalDate!, $t: ContractTermsInput!, $d: [FilingDocumentInput!]!) { amendContract(contractId: $c, idempotencyKey: $k, amendedOn: $on, terms: $t, documents: $d) { ${FILING_FIELDS} } }`;
const FILING = `query($id: ID!) { filing(id: $id) { ${FILING_FIELDS} terms { number feeSchedule { classes { ownerRateFenPerM2Month } } } versions { version termsSha256 outcome reviewVia returnReasons { field reason } documents { name sha256 } feeFlags { code } } history { sequence action status actorRole via } } }`;
const CONTRACT = `query($id: ID!) { contract(id: $id) { id status number terms { number feeSchedule { classes { ownerRateFenPerM2Month } } } filings { id status kind } } }`;
const QUEUE = `query($f: FilingReviewQueueFilter) { filingReviewQueue(filter: $f) { totalCount items { id status late } counts { status count late } } }`;

describe('contracts: filings from draft to termination, through the gateway and the feed', () => {
  let t: TestHub;
  const areaIds: Record<string, string> = {};
  let probe: Awaited<ReturnType<typeof probeTopics>>;
  const filingsOf = (filingId: string) => (m: ProbedMessage) => m.headers.ce_subject === filingId;

  beforeAll(async () => {
    // Arrears and litigation keep the accepted filings from the feed (the first test checks both).
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation'] });
    const given = scenario(t);
    // The contracts subgraph learns areas (and their floor areas) from the areas feed.
    for (const name of [HONGJU, XUEYUAN, YANGGUANG, GUANGANMEN])
      areaIds[name] = (await given.compound(name, { knownTo: ['contracts'] })).areaId;
    await given.demoContract(DEMO_CONTRACT);
    probe = await probeTopics(t.brokers, [`${t.topicPrefix}contracts.filings.v1`]);
  });

  afterAll(async () => {
    await probe?.stop();
    await t?.stop();
  });

  const draft = async (who = companyA, overrides: Record<string, unknown> = {}, area = HONGJU) => {
    // The provider is the company drafting (PROVIDER_NOT_FILING_COMPANY): its registration, whoever's terms these are.
    const drafted = terms(overrides);
    drafted.parties = (drafted.parties as { role: string }[]).map((p) =>
      p.role === 'PROVIDER' ? { ...p, registration: who.organisationId } : p,
    ) as typeof drafted.parties;
    const res = await t.gql(who, DRAFT, { a: areaIds[area], t: drafted });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.draftContract.id as string;
  };

  it('files a contract once however often the submission is retried, returns it, and accepts the corrected version', async () => {
    const contractId = await draft();
    const key = randomUUID();
    const first = await t.gql(companyA, SUBMIT, { c: contractId, k: key, d: contractText });
    expect(first.body.errors).toBeUndefined();
    const filing = first.body.data.submitFiling;
    // Signed 20 days ago: the 15-day deadline (Beijing art. 63, moved past rest days by Civil Code art. 203) has
    // passed. Accepted, flagged, with art. 91.
    const deadline = periodEnd(addDays(today, -20), 15);
    expect(filing).toMatchObject({
      status: 'SUBMITTED',
      kind: 'INITIAL',
      currentVersion: 1,
      deadline,
      late: true,
      daysLate: daysBetween(deadline, today),
      recordNumber: null,
    });
    expect(filing.lateConsequence).toContain('art. 91');

    const retry = await t.gql(companyA, SUBMIT, { c: contractId, k: key, d: contractText });
    expect(retry.body.data.submitFiling.id).toBe(filing.id);
    // The same request retried after midnight (the date left to the hub): before, the day's date was part of the
    // request's digest, and the retry was refused with IDEMPOTENCY_KEY_REUSED.
    pinTestToday(addDays(today, 1));
    try {
      const nextDay = await t.gql(companyA, SUBMIT, { c: contractId, k: key, d: contractText });
      expect(nextDay.body.errors).toBeUndefined();
      expect(nextDay.body.data.submitFiling).toMatchObject({ id: filing.id, daysLate: daysBetween(deadline, today) });
    } finally {
      pinTestToday(today);
    }
    const reused = await t.gql(companyA, SUBMIT, {
      c: contractId,
      k: key,
      d: [{ ...contractText[0], sha256: sha('b') }],
    });
    expect(reused.body.errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const again = await t.gql(companyA, SUBMIT, { c: contractId, k: randomUUID(), d: contractText });
    expect(again.body.errors[0].extensions.code).toBe('CONTRACT_ALREADY_FILED');

    // The street office of 广外 sees it in its queue; the counts include the late one.
    const queue = await t.gql(guangwai, QUEUE, { f: { areaId: areaIds[HONGJU] } });
    expect(queue.body.data.filingReviewQueue).toMatchObject({
      totalCount: 1,
      items: [{ id: filing.id, status: 'SUBMITTED', late: true }],
      counts: [{ status: 'SUBMITTED', count: 1, late: 1 }],
    });

    const noReason = await t.gql(guangwai, RETURN, { f: filing.id, v: 1, r: [] });
    expect(noReason.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // At most 100 reasons; 100 of 2,000 Chinese characters (a 0.6 MB request) would make a filing.returned event
    // over the 512 KiB an event may carry: both refused, nothing written, the filing still SUBMITTED.
    const outboxRows = () => t.sql<{ n: number }>('select count(*)::int as n from contracts.outbox');
    const rowsBefore = await outboxRows();
    const many = (n: number, reason: string) =>
      Array.from({ length: n }, (_, i) => ({ field: `terms.clause[${i}]`, reason }));
    const tooMany = await t.gql(guangwai, RETURN, { f: filing.id, v: 1, r: many(101, '不一致') });
    expect(tooMany.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { reasons: 'at most 100 reasons' } },
    });
    const tooLarge = await t.gql(guangwai, RETURN, { f: filing.id, v: 1, r: many(100, '理'.repeat(2000)) });
    expect(tooLarge.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { eventType: 'hub.contracts.filing.returned', maxBytes: 512 * 1024 },
    });
    expect(await outboxRows()).toEqual(rowsBefore);
    const reasons = [{ field: 'feeSchedule.classes[0]', reason: '请附测算报告' }];
    const returned = await t.gql(guangwai, RETURN, { f: filing.id, v: 1, r: reasons });
    expect(returned.body.data.returnFiling).toMatchObject({ status: 'RETURNED', currentVersion: 1 });
    const stale = await t.gql(xichengBureau, ACCEPT, { f: filing.id, v: 1 });
    expect(stale.body.errors[0].extensions.code).toBe('STALE_REVIEW');

    const corrected = [
      ...contractText,
      { name: '收费标准测算报告.pdf', type: 'FEE_ASSESSMENT', sizeBytes: 90_112, sha256: sha('c') },
    ];
    // Resubmitted with a signing day moved later (today − 12, on time from there): the days late found at the first
    // submission stand (before, the filing became on time and its acceptance recorded no LATE_FILING).
    const resubmitted = await t.gql(companyA, RESUBMIT, {
      f: filing.id,
      k: randomUUID(),
      t: terms({ signedOn: addDays(today, -12) }),
      d: corrected,
    });
    expect(resubmitted.body.data.resubmitFiling).toMatchObject({
      id: filing.id,
      status: 'SUBMITTED',
      currentVersion: 2,
      late: true,
      daysLate: daysBetween(deadline, today),
    });

    // The trail keeps the changed signing day, and that the lateness found before was kept.
    const notes = await t.sql<{ note: unknown }>(
      `select note from contracts.filing_transition where filing_id = $1 and action = 'RESUBMIT'`,
      [filing.id],
    );
    expect(notes).toEqual([
      { note: { signedOn: { from: addDays(today, -20), to: addDays(today, -12) }, latenessKept: true } },
    ]);
    const accepted = await t.gql(xichengBureau, ACCEPT, { f: filing.id, v: 2 });
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data.acceptFiling).toMatchObject({ status: 'ACCEPTED', acceptedOn: today });
    expect(accepted.body.data.acceptFiling.recordNumber).toMatch(new RegExp(`^110102-${today.slice(0, 4)}-\\d{4}$`));
    const twice = await t.gql(guangwai, ACCEPT, { f: filing.id, v: 2 });
    expect(twice.body.data.acceptFiling.recordNumber).toBe(accepted.body.data.acceptFiling.recordNumber);

    // Issue 17 §3: the late filing (Beijing attaches art. 91 to it) goes on the company's record, seen by the company
    // and its district's bureau, not by another company. The returned version does not: no article makes a return for
    // correction a credit matter (before, a RETURNED_FILING entry cited art. 63, which only says where to file).
    const CREDIT = `{ creditEntries { kind legalBasis source companyId } }`;
    const entriesOf = async (who: typeof companyA) =>
      ((await t.gql(who, CREDIT)).body.data.creditEntries as { kind: string; legalBasis: string; source: string }[])
        .filter((e) => e.source.includes(filing.id))
        .sort((x, y) => x.kind.localeCompare(y.kind));
    const record = await entriesOf(companyA);
    expect(record.map((e) => e.kind)).toEqual(['LATE_FILING']);
    // The duty (art. 63 para. 3) and art. 91's consequence in its words: an order to file within a time limit and a
    // warning, the fine only where it is not made by then (before, "a warning (警告), then a fine of ¥5,000 to ¥10,000").
    expect(record[0].legalBasis).toMatch(
      /^Beijing Property Management Regulation art\. 63 para\. 3: 物业服务合同签订或者变更之日起十五日内/,
    );
    expect(record[0].legalBasis).toContain('art. 91: 违反本条例第六十三条规定');
    expect(record[0].legalBasis).toContain('责令限期改正，给予警告；逾期不改的，处五千元以上一万元以下的罚款');
    expect(record[0].source).toContain(`${daysBetween(deadline, today)} days late`);
    expect((await entriesOf(xichengBureau)).map((e) => e.kind)).toEqual(['LATE_FILING']);
    expect(await entriesOf(companyB)).toEqual([]);

    const history = (await t.gql(companyA, FILING, { id: filing.id })).body.data.filing;
    expect(history.versions.map((v: { version: number; outcome: string }) => [v.version, v.outcome])).toEqual([
      [1, 'RETURN'],
      [2, 'ACCEPT'],
    ]);
    expect(history.versions[0].returnReasons).toEqual(reasons);
    expect(history.versions[1].documents.map((d: { sha256: string }) => d.sha256)).toEqual([sha('a'), sha('c')]);
    expect(history.history.map((h: { action: string; actorRole: string }) => [h.action, h.actorRole])).toEqual([
      ['SUBMIT', 'PROPERTY_COMPANY'],
      ['RETURN', 'STREET_OFFICE'],
      ['RESUBMIT', 'PROPERTY_COMPANY'],
      ['ACCEPT', 'CITY_BUREAU'],
    ]);

    // Each transition is on contracts.filings.v1, keyed by the filing, valid against its published schema.
    const events = await probe.waitForCount('four filing events', filingsOf(filing.id), 4);
    expect(events.map((e) => [e.headers.ce_type, JSON.parse(String(e.message.value)).sequence])).toEqual([
      ['hub.contracts.filing.submitted', 1],
      ['hub.contracts.filing.returned', 2],
      ['hub.contracts.filing.submitted', 3],
      ['hub.contracts.filing.accepted', 4],
    ]);
    for (const e of events) {
      expect(String(e.message.key)).toBe(filing.id);
      const data = expectValidEvent(e);
      expect(JSON.stringify(data)).not.toContain('张经理'); // signatories stay in the hub
    }
    const acceptedEvent = JSON.parse(String(events[3].message.value));
    expect(acceptedEvent).toMatchObject({
      status: 'ACCEPTED',
      version: 2,
      recordNumber: accepted.body.data.acceptFiling.recordNumber,
      terms: { feeSchedule: { classes: [{ ownerRateFenPerM2Month: 100 }] } },
    });
    // The digest is of the terms as published: a subscriber recomputes it from the event. Before, it was the full
    // terms' (the API's), which covered the signatories the event leaves out: never checkable, and a name guessable.
    expect(acceptedEvent.termsSha256).toBe(sha256Hex(canonicalJson(acceptedEvent.terms)));
    expect(acceptedEvent.termsSha256).not.toBe(history.versions[1].termsSha256);

    // Arrears (fee schedules in force) and litigation (proof of filing) keep the accepted filing from the feed.
    const db = await connectedClient(t.databaseUrl);
    try {
      for (const schema of ['arrears', 'litigation']) {
        const row = await waitFor(`${schema} to hold the accepted filing`, async () => {
          const { rows } = await db.query(
            `select status, sequence, record_number, terms from ${schema}.filing_snapshot where filing_id = $1`,
            [filing.id],
          );
          return rows[0]?.status === 'ACCEPTED' ? rows[0] : undefined;
        });
        expect(row).toMatchObject({
          sequence: 4,
          record_number: acceptedEvent.recordNumber,
          terms: { feeSchedule: { classes: [{ ownerRateFenPerM2Month: 100, assessedRateFenPerM2Month: 178 }] } },
        });
      }
    } finally {
      await db.end();
    }
  });

  it('keeps other companies, other reviewers and courts out of a filing', async () => {
    const contractId = await draft(companyA, {
      number: 'HJ6-ACCESS',
      startsOn: addDays(today, 4 * 365),
      endsOn: addDays(today, 5 * 365),
    });
    const filing = (await t.gql(companyA, SUBMIT, { c: contractId, k: randomUUID(), d: contractText })).body.data
      .submitFiling;

    for (const outsider of [companyB, court, desheng, haidianBureau]) {
      const read = await t.gql(outsider, FILING, { id: filing.id });
      expect([outsider.organisationId, read.body.errors?.[0].extensions.code]).toEqual([
        outsider.organisationId,
        'NOT_FOUND',
      ]);
      expect((await t.gql(outsider, CONTRACT, { id: contractId })).body.errors[0].extensions.code).toBe('NOT_FOUND');
    }
    for (const outsider of [desheng, haidianBureau, court]) {
      expect((await t.gql(outsider, ACCEPT, { f: filing.id, v: 1 })).body.errors[0].extensions.code).toBe('NOT_FOUND');
      const queue = await t.gql(outsider, QUEUE, { f: { areaId: areaIds[HONGJU] } });
      expect(queue.body.data.filingReviewQueue.totalCount).toBe(0);
    }
    // The admin reads the filing for support but decides it no more than a bureau of another district: Beijing art. 63
    // para. 3 files it with the street office or township and the district housing authority (before, an ADMIN token
    // accepted and returned it, and the record number and certificate then named authorities that never decided it).
    expect((await t.gql(admin, FILING, { id: filing.id })).body.data.filing.status).toBe('SUBMITTED');
    const reasons = [{ field: 'parties', reason: '缺少业主委员会盖章' }];
    for (const decision of [
      t.gql(admin, ACCEPT, { f: filing.id, v: 1 }),
      t.gql(admin, RETURN, { f: filing.id, v: 1, r: reasons }),
    ])
      expect((await decision).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(admin, QUEUE, { f: { areaId: areaIds[HONGJU] } })).body.data.filingReviewQueue.totalCount).toBe(
      0,
    );
    expect(
      (await t.gql(haidianBureau, RETURN, { f: filing.id, v: 1, r: reasons })).body.errors[0].extensions.code,
    ).toBe('NOT_FOUND');
    expect((await t.gql(companyA, FILING, { id: filing.id })).body.data.filing.status).toBe('SUBMITTED');
    const foreignCompanyResubmit = await t.gql(companyB, RESUBMIT, {
      f: filing.id,
      k: randomUUID(),
      t: terms(),
      d: contractText,
    });
    expect(foreignCompanyResubmit.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const companyAccepts = await t.gql(companyA, ACCEPT, { f: filing.id, v: 1 });
    expect(companyAccepts.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const list = await t.gql(companyB, `{ contracts { totalCount } }`);
    expect(list.body.data.contracts.totalCount).toBe(0);
    const mine = await t.gql(companyA, `{ contracts { totalCount items { companyId } } }`);
    expect(
      mine.body.data.contracts.items.every((c: { companyId: string }) => c.companyId === companyA.organisationId),
    ).toBe(true);
    const foreignDraftEdit = await t.gql(
      companyB,
      `mutation($c: ID!, $t: ContractTermsInput!) { updateContractDraft(contractId: $c, terms: $t) { id } }`,
      { c: contractId, t: terms() },
    );
    expect(foreignDraftEdit.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const foreignAmendment = await t.gql(companyB, AMEND, {
      c: contractId,
      k: randomUUID(),
      on: today,
      t: terms(),
      d: contractText,
    });
    expect(foreignAmendment.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const badDates = await t.gql(guangwai, QUEUE, { f: { submittedFrom: '2026-02-30' } });
    expect(badDates.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { submittedFrom: expect.any(String) } },
    });
    const forged = await t.gql(
      companyB,
      `mutation($c: ID!) { terminateContract(contractId: $c, terminatedOn: "${today}", handoverOn: "${today}", reason: "x") { id } }`,
      { c: contractId },
    );
    expect(forged.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('refuses a second regular contract over the same months, and an agreement-based choice over 30,000 m², writing nothing', async () => {
    const standing = await draft(companyA, {
      number: 'HJ6-STANDING',
      startsOn: addDays(today, 10 * 365),
      endsOn: addDays(today, 11 * 365),
    });
    await t.gql(companyA, SUBMIT, { c: standing, k: randomUUID(), d: contractText }); // under review: signed, so it binds
    const overlapping = await draft(companyB, {
      number: 'HJ6-B',
      startsOn: addDays(today, 10 * 365 + 100),
      endsOn: addDays(today, 12 * 365),
    });
    const res = await t.gql(companyB, SUBMIT, { c: overlapping, k: randomUUID(), d: contractText });
    expect(res.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        problems: [
          // Another provider's contract counted, not named (before, companyB was given its id: helper-200).
          expect.objectContaining({
            code: 'OVERLAPS_REGULAR_CONTRACT',
            details: { conflictingContractIds: [], otherProvidersContracts: 1 },
          }),
        ],
      },
    });

    // 学院南路32号院 has about 84,000 m². Beijing holds no agreement threshold (none confirmed; 临江市's is not
    // borrowed), so only the district authority's approval of the agreement is checked.
    const preliminary = await draft(
      companyB,
      {
        kind: 'PRELIMINARY',
        number: 'XY32-P',
        ownersSide: { kind: 'DEVELOPER', name: '某开发商' },
        selectionMethod: 'AGREEMENT',
        startsOn: addDays(today, -10),
        endsOn: addDays(today, 300),
        feeSchedule: {
          classes: [
            { buildingClass: 'LOW_RISE', assessedRateFenPerM2Month: 178, ownerRateFenPerM2Month: 178, subsidies: [] },
          ],
        },
        parties: [terms().parties[0], { role: 'DEVELOPER', name: '某开发商', signatory: '周总' }],
      },
      XUEYUAN,
    );
    const over = await t.gql(companyB, SUBMIT, { c: preliminary, k: randomUUID(), d: contractText });
    // (It would also begin under the area's regular contract, the demo's: Civil Code art. 940.)
    expect(over.body.errors[0].extensions.details.problems.map((p: { code: string }) => p.code)).toEqual([
      'AGREEMENT_NEEDS_APPROVAL',
      'PRELIMINARY_DURING_REGULAR_CONTRACT',
    ]);
    const contract = await t.gql(companyB, CONTRACT, { id: preliminary });
    expect(contract.body.data.contract).toMatchObject({ status: 'DRAFT', filings: [] });
  });

  it("keeps a preliminary contract from running beside the owners' regular one (Civil Code art. 940)", async () => {
    // Before, a preliminary contract beginning under the owners' contract was filed, and one whose filing was still
    // under review when the regular contract was accepted stayed ACCEPTED beside it once accepted.
    const year = (n: number) => addDays(today, n * 365);
    const regular = await draft(companyA, { number: 'HJ6-940-R', startsOn: year(20), endsOn: year(23) });
    const regularFiling = (await t.gql(companyA, SUBMIT, { c: regular, k: randomUUID(), d: contractText })).body.data
      .submitFiling;
    const during = await draft(companyA, preliminaryTerms('HJ6-940-P2', year(21), year(22)));
    const refused = await t.gql(companyA, SUBMIT, { c: during, k: randomUUID(), d: contractText });
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        problems: [
          expect.objectContaining({
            code: 'PRELIMINARY_DURING_REGULAR_CONTRACT',
            details: { conflictingContractIds: [regular] },
          }),
        ],
      },
    });
    expect((await t.gql(companyA, CONTRACT, { id: during })).body.data.contract).toMatchObject({ status: 'DRAFT' });

    // A preliminary contract in force with an amendment under review when the regular one is accepted: both end.
    const amended = await draft(companyA, preliminaryTerms('HJ6-940-P0', year(19), addDays(year(20), 50)));
    const amendedFiling = (await t.gql(companyA, SUBMIT, { c: amended, k: randomUUID(), d: contractText })).body.data
      .submitFiling;
    expect((await t.gql(xichengBureau, ACCEPT, { f: amendedFiling.id, v: 1 })).body.data.acceptFiling.status).toBe(
      'ACCEPTED',
    );
    // A second preliminary contract sharing a day with it is refused: both would bill the owners for those days.
    const second = await draft(companyA, preliminaryTerms('HJ6-940-P3', addDays(year(19), 10), addDays(year(19), 100)));
    const overlapping = await t.gql(companyA, SUBMIT, { c: second, k: randomUUID(), d: contractText });
    expect(overlapping.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        problems: [
          expect.objectContaining({
            code: 'OVERLAPS_PRELIMINARY_CONTRACT',
            details: { conflictingContractIds: [amended] },
          }),
        ],
      },
    });
    const openAmendment = await t.gql(companyA, AMEND, {
      c: amended,
      k: randomUUID(),
      on: today,
      t: terms(preliminaryTerms('HJ6-940-P0', year(19), addDays(year(20), 80))),
      d: contractText,
    });
    expect(openAmendment.body.errors).toBeUndefined();
    expect((await t.gql(xichengBureau, ACCEPT, { f: regularFiling.id, v: 1 })).body.data.acceptFiling.status).toBe(
      'ACCEPTED',
    );
    // Before, the amendment stayed SUBMITTED on a superseded contract: it could only be returned, at a credit cost.
    const endedFilings = (await t.gql(companyA, CONTRACT, { id: amended })).body.data.contract;
    expect(endedFilings).toMatchObject({ status: 'SUPERSEDED' });
    expect(endedFilings.filings.map((f: { kind: string; status: string }) => [f.kind, f.status]).sort()).toEqual([
      ['AMENDMENT', 'SUPERSEDED'],
      ['INITIAL', 'SUPERSEDED'],
    ]);
    // The ended one served to the day before the regular one began: another preliminary contract over those days is
    // refused (both would bill them), though the ended one is SUPERSEDED.
    const overServed = await draft(
      companyA,
      preliminaryTerms('HJ6-940-P4', addDays(year(19), -30), addDays(year(19), 10)),
    );
    const refusedOverServed = await t.gql(companyA, SUBMIT, { c: overServed, k: randomUUID(), d: contractText });
    expect(refusedOverServed.body.errors[0].extensions.details.problems).toEqual([
      expect.objectContaining({
        code: 'OVERLAPS_PRELIMINARY_CONTRACT',
        details: { conflictingContractIds: [amended] },
      }),
    ]);

    // A preliminary contract filed late, once the owners' regular contract it runs into had been accepted (a later
    // one here: the ended preliminary contract holds the days before the first).
    const later = await draft(companyA, { number: 'HJ6-940-R2', startsOn: year(25), endsOn: year(27) });
    const laterFiling = (await t.gql(companyA, SUBMIT, { c: later, k: randomUUID(), d: contractText })).body.data
      .submitFiling;
    expect((await t.gql(xichengBureau, ACCEPT, { f: laterFiling.id, v: 1 })).body.data.acceptFiling.status).toBe(
      'ACCEPTED',
    );
    const before = await draft(companyA, preliminaryTerms('HJ6-940-P1', year(24), addDays(year(25), 100)));
    const beforeFiling = (await t.gql(companyA, SUBMIT, { c: before, k: randomUUID(), d: contractText })).body.data
      .submitFiling;
    const accepted = (await t.gql(xichengBureau, ACCEPT, { f: beforeFiling.id, v: 1 })).body;
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptFiling).toMatchObject({
      status: 'SUPERSEDED',
      recordNumber: expect.any(String),
      supersededByFilingId: laterFiling.id,
    });
    expect((await t.gql(companyA, CONTRACT, { id: before })).body.data.contract).toMatchObject({
      status: 'SUPERSEDED',
    });
    const history = (await t.gql(companyA, FILING, { id: beforeFiling.id })).body.data.filing.history;
    expect(history.map((h: { action: string }) => h.action).slice(-2)).toEqual(['ACCEPT', 'SUPERSEDE']);

    // The regular contract terminated before the preliminary one under review is accepted: it took effect all the
    // same and ended it (before, only accepted ones were looked at, and the preliminary contract stayed ACCEPTED for
    // its whole term, while arrears billed it only to the day before the regular contract began).
    const pending = await draft(companyA, preliminaryTerms('HJ6-940-P5', year(28), addDays(year(29), 200)));
    const pendingFiling = (await t.gql(companyA, SUBMIT, { c: pending, k: randomUUID(), d: contractText })).body.data
      .submitFiling;
    const ended = await draft(companyA, { number: 'HJ6-940-R3', startsOn: addDays(year(28), 100), endsOn: year(31) });
    const endedFiling = (await t.gql(companyA, SUBMIT, { c: ended, k: randomUUID(), d: contractText })).body.data
      .submitFiling;
    expect((await t.gql(xichengBureau, ACCEPT, { f: endedFiling.id, v: 1 })).body.data.acceptFiling.status).toBe(
      'ACCEPTED',
    );
    const terminatedOn = addDays(year(28), 150);
    const terminated = await t.gql(
      companyA,
      `mutation($c: ID!) { terminateContract(contractId: $c, terminatedOn: "${terminatedOn}", handoverOn: "${terminatedOn}", reason: "业主大会解聘") { status } }`,
      { c: ended },
    );
    expect(terminated.body.data.terminateContract).toEqual({ status: 'TERMINATED' });
    const late = (await t.gql(xichengBureau, ACCEPT, { f: pendingFiling.id, v: 1 })).body;
    expect(late.errors).toBeUndefined();
    expect(late.data.acceptFiling).toMatchObject({ status: 'SUPERSEDED', supersededByFilingId: endedFiling.id });
    expect((await t.gql(companyA, CONTRACT, { id: pending })).body.data.contract).toMatchObject({
      status: 'SUPERSEDED',
    });
  });

  it("shows a preliminary provider in force until the owners' regular contract takes effect, and a terminated one to its termination day (Civil Code arts. 940, 946, 948)", async () => {
    const VERIFY = `query($r: Key!, $d: Key!) { verifyFilingCertificate(recordNumber: $r, digest: $d) { result since provider } }`;
    const PUBLIC = `query($n: Name!) { publicServiceStandards(compoundName: $n) { asOf providerName filingRecordNumber serviceEndsOn unfixedTerm } }`;
    const CERTIFICATE = `query($f: ID!) { filingCertificate(filingId: $f) { recordNumber contentSha256 } }`;
    const fees = {
      classes: ['LOW_RISE', 'HIGH_RISE'].map((buildingClass) => ({
        buildingClass,
        assessedRateFenPerM2Month: 150,
        ownerRateFenPerM2Month: 150,
        subsidies: [],
      })),
    };
    const developersProvider = '北京广安前期物业有限公司';
    const ownersProvider = '北京红居物业服务有限公司';
    const accepted = async (company: typeof companyA, contractTerms: Record<string, unknown>) => {
      const contractId = await draft(
        company,
        { signedOn: addDays(today, -3), feeSchedule: fees, ...contractTerms },
        GUANGANMEN,
      );
      const submitted = await t.gql(company, SUBMIT, { c: contractId, k: randomUUID(), d: contractText });
      expect(submitted.body.errors).toBeUndefined();
      const filingId = submitted.body.data.submitFiling.id;
      const review = await t.gql(xichengBureau, ACCEPT, { f: filingId, v: 1 });
      expect(review.body.errors).toBeUndefined();
      const certificate = (await t.gql(company, CERTIFICATE, { f: filingId })).body.data.filingCertificate;
      return { contractId, certificate };
    };
    // The developer's provider serves from 29 November 2026 for up to two years; the owners' contract, filed and
    // accepted today (1 December 2026), takes effect on 30 January 2027.
    const preliminary = await accepted(companyB, {
      ...preliminaryTerms('GAM20-P', addDays(today, -2), '2027-12-31'),
      title: '广安门北街20号院前期物业服务合同',
      parties: [
        { role: 'PROVIDER', name: developersProvider, registration: companyB.organisationId, signatory: '王经理' },
        { role: 'DEVELOPER', name: '某开发商', signatory: '周总' },
      ],
    });
    const regular = await accepted(companyA, {
      number: 'GAM20-R',
      title: '广安门北街20号院物业服务合同',
      ownersSide: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '广安门北街20号院物业管理委员会' },
      startsOn: '2027-01-30',
      endsOn: '2030-01-29',
      parties: [
        { role: 'PROVIDER', name: ownersProvider, registration: companyA.organisationId, signatory: '张经理' },
        { role: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '广安门北街20号院物业管理委员会', signatory: '李主任' },
      ],
    });
    // The end is recorded when the regular contract is accepted; it takes effect on that contract's start.
    expect((await t.gql(companyB, CONTRACT, { id: preliminary.contractId })).body.data.contract.status).toBe(
      'SUPERSEDED',
    );
    const verify = async (c: { recordNumber: string; contentSha256: string }) =>
      (await t.gql(undefined, VERIFY, { r: c.recordNumber, d: c.contentSha256 })).body.data.verifyFilingCertificate;
    const publicity = async () =>
      (await t.gql(undefined, PUBLIC, { n: GUANGANMEN })).body.data.publicServiceStandards[0];
    const asOf = async (day: string) => {
      pinTestToday(day);
      return {
        preliminary: await verify(preliminary.certificate),
        regular: await verify(regular.certificate),
        publicity: await publicity(),
      };
    };
    // serviceEndsOn is the last day served as recorded (Beijing art. 70 如实公示、及时更新), not the term's end.
    const servedBy = (day: string, provider: string | null, recordNumber: string | null, endsOn: string | null) => ({
      asOf: day,
      providerName: provider,
      filingRecordNumber: recordNumber,
      serviceEndsOn: endsOn,
      unfixedTerm: false,
    });
    try {
      // Before, the preliminary certificate verified SUPERSEDED (since 2027-01-30) from the acceptance, and the
      // publicity named no provider for the two months the preliminary one still served.
      for (const day of [today, '2027-01-29'])
        expect(await asOf(day)).toEqual({
          preliminary: { result: 'VALID', since: null, provider: developersProvider },
          regular: { result: 'VALID', since: null, provider: ownersProvider },
          // its term runs to 31 December 2027; it serves to 29 January, the day before the owners' contract
          publicity: servedBy(day, developersProvider, preliminary.certificate.recordNumber, '2027-01-29'),
        });
      expect(await asOf('2027-01-30')).toEqual({
        preliminary: { result: 'SUPERSEDED', since: '2027-01-30', provider: developersProvider },
        regular: { result: 'VALID', since: null, provider: ownersProvider },
        publicity: servedBy('2027-01-30', ownersProvider, regular.certificate.recordNumber, '2030-01-29'),
      });

      // The owners dismiss their provider with 60 days' notice (arts. 946, 948): recorded on 1 March, it serves to
      // 30 April. Before, it verified TERMINATED and left the publicity on the day the notice was recorded.
      pinTestToday('2027-03-01');
      const terminated = await t.gql(companyA, TERMINATE_ON_30_APRIL_2027, { c: regular.contractId });
      expect(terminated.body.data.terminateContract).toEqual({ status: 'TERMINATED', terminatedOn: '2027-04-30' });
      for (const day of ['2027-03-01', '2027-04-30']) {
        const seen = await asOf(day);
        expect([day, seen.regular, seen.publicity]).toEqual([
          day,
          { result: 'VALID', since: null, provider: ownersProvider },
          // to 30 April 2027 as terminated, not its term's 29 January 2030
          servedBy(day, ownersProvider, regular.certificate.recordNumber, '2027-04-30'),
        ]);
      }
      const after = await asOf('2027-05-01');
      expect([after.regular, after.publicity]).toEqual([
        { result: 'TERMINATED', since: '2027-04-30', provider: ownersProvider },
        servedBy('2027-05-01', null, null, null),
      ]);
    } finally {
      pinTestToday(today);
    }
  });

  it('drafts a contract once however often the draft is retried under its key', async () => {
    // Before, draftContract took no key: a retry after a lost answer made a second draft with its own filing deadline.
    const KEYED = `mutation($a: ID!, $t: ContractTermsInput!, $k: Key) { draftContract(areaId: $a, terms: $t, idempotencyKey: $k) { id status } }`;
    const draftTerms = terms({
      number: `HJ6-KEY-${randomUUID().slice(0, 8)}`,
      startsOn: addDays(today, 30 * 365),
      endsOn: addDays(today, 31 * 365),
    });
    const key = `draft-${randomUUID()}`;
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => t.gql(companyA, KEYED, { a: areaIds[HONGJU], t: draftTerms, k: key })),
    );
    for (const a of answers) expect(a.body.errors).toBeUndefined();
    const ids = answers.map((a) => a.body.data.draftContract.id);
    expect(new Set(ids).size).toBe(1);
    const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from contracts.contract where number = $1`, [
      draftTerms.number,
    ]);
    expect(n).toBe(1);
    const other = await t.gql(companyA, KEYED, {
      a: areaIds[HONGJU],
      t: { ...draftTerms, title: '另一份合同' },
      k: key,
    });
    expect(other.body.errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('ends the 15-day filing period on the next working day (Civil Code art. 203): seed 003 signed 2021-12-10, filed Monday 2021-12-27', async () => {
    const paperFiling = async (number: string, submittedOn: string) => {
      const contractId = await draft(companyA, {
        number,
        signedOn: '2021-12-10',
        startsOn: number.endsWith('1') ? '2022-01-01' : '2023-01-01',
        endsOn: number.endsWith('1') ? '2022-12-31' : '2023-12-31',
        feeSchedule: {
          classes: [
            { buildingClass: 'LOW_RISE', assessedRateFenPerM2Month: 178, ownerRateFenPerM2Month: 178, subsidies: [] },
          ],
        },
      });
      const res = await t.gql(
        admin,
        `mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!, $on: LocalDate, $co: Key) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d, submittedOn: $on, companyId: $co) { ${FILING_FIELDS} } }`,
        {
          c: contractId,
          k: randomUUID(),
          d: contractText,
          on: submittedOn,
          co: companyA.organisationId,
        },
      );
      expect(res.body.errors).toBeUndefined();
      return res.body.data.submitFiling;
    };
    // Day 15 is Saturday 2021-12-25: the period ends on Monday the 27th, so a filing that day is on time.
    expect(await paperFiling('HJ6-203-1', '2021-12-27')).toMatchObject({
      submittedOn: '2021-12-27',
      deadline: '2021-12-27',
      late: false,
      daysLate: 0,
    });
    expect(await paperFiling('HJ6-203-2', '2021-12-28')).toMatchObject({
      submittedOn: '2021-12-28',
      deadline: '2021-12-27',
      late: true,
      daysLate: 1,
    });
  });

  it("serves a superseded preliminary contract its own term once the owners' contract that ended it is amended to start after it (helper-252 F3)", async () => {
    // 润枫欣尚 (Changping) has no contract in this file. The developer's provider serves from 29 November 2026 to
    // 31 December 2027; the owners' contract from 30 January 2027, accepted today (1 December 2026), supersedes it
    // (Civil Code art. 940) from that day. Amended (the amendment accepted) to start on 1 February 2028, after the
    // preliminary term, it no longer ends it: the preliminary provider serves its own term (Beijing art. 19 para. 3,
    // "…业主与新物业服务人签订的物业服务合同生效之前，前期物业服务人继续提供服务"), SUPERSEDED all the same. Before, the publicity
    // named no provider on 1 June 2027 and arrears billed no one for those months.
    const RUNFENG = '润枫欣尚';
    const changpingBureau = identity('CITY_BUREAU', 'bureau-changping', ['110114']);
    areaIds[RUNFENG] = (await scenario(t).compound(RUNFENG, { knownTo: ['contracts'] })).areaId;
    const PUBLIC = `query($n: Name!) { publicServiceStandards(compoundName: $n) { asOf providerName serviceEndsOn } }`;
    const fees = {
      classes: [
        { buildingClass: 'HIGH_RISE', assessedRateFenPerM2Month: 250, ownerRateFenPerM2Month: 250, subsidies: [] },
      ],
    };
    const accepted = async (company: typeof companyA, contractTerms: Record<string, unknown>) => {
      const contractId = await draft(
        company,
        { signedOn: addDays(today, -3), feeSchedule: fees, ...contractTerms },
        RUNFENG,
      );
      const submitted = await t.gql(company, SUBMIT, { c: contractId, k: randomUUID(), d: contractText });
      expect(submitted.body.errors).toBeUndefined();
      const review = await t.gql(changpingBureau, ACCEPT, { f: submitted.body.data.submitFiling.id, v: 1 });
      expect(review.body.errors).toBeUndefined();
      return contractId;
    };
    const developersProvider = '北京润枫前期物业有限公司';
    const ownersProvider = '北京润枫物业服务有限公司';
    const preliminary = await accepted(companyB, {
      ...preliminaryTerms('RF-P', addDays(today, -2), '2027-12-31'),
      parties: [
        { role: 'PROVIDER', name: developersProvider, registration: companyB.organisationId, signatory: '王经理' },
        { role: 'DEVELOPER', name: '某开发商', signatory: '周总' },
      ],
    });
    const ownersTerms = (startsOn: string, endsOn: string) => ({
      number: 'RF-R',
      title: '润枫欣尚物业服务合同',
      ownersSide: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '润枫欣尚小区物业管理委员会' },
      signedOn: addDays(today, -3),
      feeSchedule: fees,
      startsOn,
      endsOn,
      parties: [
        { role: 'PROVIDER', name: ownersProvider, registration: companyA.organisationId, signatory: '张经理' },
        { role: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '润枫欣尚小区物业管理委员会', signatory: '李主任' },
      ],
    });
    const regular = await accepted(companyA, ownersTerms('2027-01-30', '2030-01-29'));
    expect((await t.gql(companyB, CONTRACT, { id: preliminary })).body.data.contract.status).toBe('SUPERSEDED');
    const publicity = async (day: string) => {
      pinTestToday(day);
      try {
        return (await t.gql(undefined, PUBLIC, { n: RUNFENG })).body.data.publicServiceStandards[0];
      } finally {
        pinTestToday(today);
      }
    };
    expect(await publicity('2027-01-29')).toEqual({
      asOf: '2027-01-29',
      providerName: developersProvider,
      serviceEndsOn: '2027-01-29',
    });

    // Amended and accepted the next day (a version accepted the day its predecessor was is not told apart by the
    // snapshots' accepted_on).
    pinTestToday(addDays(today, 1));
    const amendment = await t.gql(companyA, AMEND, {
      c: regular,
      k: randomUUID(),
      on: today,
      t: terms(ownersTerms('2028-02-01', '2031-01-31')),
      d: contractText,
    });
    expect(amendment.body.errors).toBeUndefined();
    const amended = await t.gql(changpingBureau, ACCEPT, { f: amendment.body.data.amendContract.id, v: 1 });
    pinTestToday(today);
    expect(amended.body.errors).toBeUndefined();
    // SUPERSEDED still (no transition leads back), serving by its dates.
    expect((await t.gql(companyB, CONTRACT, { id: preliminary })).body.data.contract.status).toBe('SUPERSEDED');
    expect(await publicity('2027-06-01')).toEqual({
      asOf: '2027-06-01',
      providerName: developersProvider,
      serviceEndsOn: '2027-12-31',
    });
    expect(await publicity('2028-01-15')).toEqual({ asOf: '2028-01-15', providerName: null, serviceEndsOn: null });
    expect(await publicity('2028-02-01')).toEqual({
      asOf: '2028-02-01',
      providerName: ownersProvider,
      serviceEndsOn: '2031-01-31',
    });

    // Arrears bills June 2027 to the preliminary provider, to its term's last day, as the publicity shows.
    const billed = async () => {
      const rows = await t.sql<{ company_id: string; served_to: string }>(
        `select f.company_id, (${servedToSql('arrears')})::text as served_to from arrears.filing_snapshot f
          where f.area_id = $1 and ${servesOnSql('arrears', { from: 'start' }).replace('?', '$2')}`,
        [areaIds[RUNFENG], '2027-06-01'],
      );
      return rows.map((r) => ({ company: r.company_id, servedTo: r.served_to }));
    };
    await waitFor('arrears to hold the amendment', async () => (await billed()).length > 0);
    expect(await billed()).toEqual([{ company: companyB.organisationId, servedTo: '2027-12-31' }]);
  });

  it('applies an amendment only once accepted, superseding the filing it amends, then terminates with the handover date', async () => {
    const contractId = await draft(companyA, {
      number: 'HJ6-AMEND',
      startsOn: addDays(today, 6 * 365),
      endsOn: addDays(today, 7 * 365),
    });
    const initial = (await t.gql(companyA, SUBMIT, { c: contractId, k: randomUUID(), d: contractText })).body.data
      .submitFiling;
    await t.gql(guangwai, ACCEPT, { f: initial.id, v: 1 });

    const amendedTerms = terms({
      number: 'HJ6-AMEND',
      startsOn: addDays(today, 6 * 365),
      endsOn: addDays(today, 7 * 365),
      feeSchedule: {
        classes: [
          { buildingClass: 'LOW_RISE', assessedRateFenPerM2Month: 178, ownerRateFenPerM2Month: 178, subsidies: [] },
        ],
      },
    });
    const amendment = await t.gql(companyA, AMEND, {
      c: contractId,
      k: randomUUID(),
      on: today,
      t: amendedTerms,
      d: contractText,
    });
    expect(amendment.body.data.amendContract).toMatchObject({
      kind: 'AMENDMENT',
      status: 'SUBMITTED',
      amendsFilingId: initial.id,
      deadline: periodEnd(today, 15),
      late: false,
    });
    const pending = await t.gql(companyA, CONTRACT, { id: contractId });
    expect(pending.body.data.contract).toMatchObject({
      status: 'ACCEPTED',
      terms: { feeSchedule: { classes: [{ ownerRateFenPerM2Month: 100 }] } },
    });
    const second = await t.gql(companyA, AMEND, {
      c: contractId,
      k: randomUUID(),
      on: today,
      t: amendedTerms,
      d: contractText,
    });
    expect(second.body.errors[0].extensions.code).toBe('AMENDMENT_PENDING');

    // Returned and resubmitted, an amendment still cannot change the kind of contract (before, a resubmission could
    // turn the terms of a preliminary contract "regular" and escape its two-year limit).
    const amendmentId = amendment.body.data.amendContract.id;
    await t.gql(guangwai, RETURN, { f: amendmentId, v: 1, r: [{ field: 'number', reason: '编号有误' }] });
    const otherKind = await t.gql(companyA, RESUBMIT, {
      f: amendmentId,
      k: randomUUID(),
      t: { ...amendedTerms, kind: 'PRELIMINARY' },
      d: contractText,
    });
    expect(otherKind.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { 'terms.kind': 'REGULAR' } },
    });
    const again = await t.gql(companyA, RESUBMIT, {
      f: amendmentId,
      k: randomUUID(),
      t: amendedTerms,
      d: contractText,
    });
    expect(again.body.data.resubmitFiling).toMatchObject({ status: 'SUBMITTED', currentVersion: 2 });

    await t.gql(guangwai, ACCEPT, { f: amendmentId, v: 2 });
    const after = (await t.gql(companyA, CONTRACT, { id: contractId })).body.data.contract;
    expect(after.terms.feeSchedule.classes[0].ownerRateFenPerM2Month).toBe(178);
    expect(after.filings.map((f: { kind: string; status: string }) => [f.kind, f.status])).toEqual([
      ['INITIAL', 'SUPERSEDED'],
      ['AMENDMENT', 'ACCEPTED'],
    ]);

    const badDates = await t.gql(
      companyA,
      `mutation($c: ID!) { terminateContract(contractId: $c, terminatedOn: "${today}", handoverOn: "${addDays(today, -1)}", reason: "业主大会解聘") { id } }`,
      { c: contractId },
    );
    expect(badDates.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { handoverOn: expect.any(String) } },
    });
    // Not after the term (which ends in 7 years): before, that day was published as the service's end, and litigation
    // counted the months past the term as served under a filed contract.
    const pastTerm = addDays(today, 9 * 365);
    const tooLate = await t.gql(
      companyA,
      `mutation($c: ID!) { terminateContract(contractId: $c, terminatedOn: "${pastTerm}", handoverOn: "${pastTerm}", reason: "业主大会解聘") { id } }`,
      { c: contractId },
    );
    expect(tooLate.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { terminatedOn: expect.any(String) } },
    });
    const ends = addDays(today, 6 * 365 + 30);
    const terminated = await t.gql(
      companyA,
      `mutation($c: ID!) { terminateContract(contractId: $c, terminatedOn: "${ends}", handoverOn: "${addDays(ends, 15)}", reason: "业主大会解聘") { status terminatedOn handoverOn filings { status terminatedOn handoverOn } } }`,
      { c: contractId },
    );
    expect(terminated.body.data.terminateContract).toMatchObject({
      status: 'TERMINATED',
      terminatedOn: ends,
      handoverOn: addDays(ends, 15),
    });
    const terminatedEvent = await probe.waitForCount(
      'the termination event',
      (m) =>
        m.headers.ce_type === 'hub.contracts.filing.terminated' &&
        m.headers.ce_subject === amendment.body.data.amendContract.id,
      1,
    );
    expect(JSON.parse(String(terminatedEvent[0].message.value))).toMatchObject({
      status: 'TERMINATED',
      handoverOn: addDays(ends, 15),
      terminationReason: '业主大会解聘',
    });
  });

  it("refuses to accept an amendment whose new term runs into another company's contract filed meanwhile", async () => {
    // The amendment's term reaches the contract only once accepted, so B's filing for the years it adds was checked
    // against A's term as it stood; before, both were accepted: two regular contracts of the area over the same days.
    const start = addDays(today, 15 * 365);
    const contractA = await draft(companyA, { number: 'HJ6-EXTEND', startsOn: start, endsOn: addDays(start, 364) });
    const initial = (await t.gql(companyA, SUBMIT, { c: contractA, k: randomUUID(), d: contractText })).body.data
      .submitFiling;
    await t.gql(guangwai, ACCEPT, { f: initial.id, v: 1 });
    const extended = terms({ number: 'HJ6-EXTEND', startsOn: start, endsOn: addDays(start, 3 * 365) });
    const amendment = await t.gql(companyA, AMEND, {
      c: contractA,
      k: randomUUID(),
      on: today,
      t: extended,
      d: contractText,
    });
    expect(amendment.body.errors).toBeUndefined();
    const contractB = await draft(companyB, {
      number: 'HJ6-NEXT',
      startsOn: addDays(start, 365),
      endsOn: addDays(start, 3 * 365),
    });
    const filedB = await t.gql(companyB, SUBMIT, { c: contractB, k: randomUUID(), d: contractText });
    expect(filedB.body.errors).toBeUndefined();
    const refused = await t.gql(guangwai, ACCEPT, { f: amendment.body.data.amendContract.id, v: 1 });
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: ['OVERLAPS_REGULAR_CONTRACT'], conflictingContractIds: [contractB] },
    });
    expect((await t.gql(companyA, CONTRACT, { id: contractA })).body.data.contract.status).toBe('ACCEPTED');
  });

  it('answers a termination and a review that meet on one contract, never TEMPORARILY_UNAVAILABLE', async () => {
    // A review locks the filing, then the contract; a termination locks the contract, then writes its filings. Met,
    // PostgreSQL rolled one back as a deadlock victim, and its caller was told to retry (TEMPORARILY_UNAVAILABLE).
    const contractId = await draft(companyA, {
      number: 'HJ6-DEADLOCK',
      startsOn: addDays(today, 12 * 365),
      endsOn: addDays(today, 13 * 365),
    });
    const filing = (await t.gql(companyA, SUBMIT, { c: contractId, k: randomUUID(), d: contractText })).body.data
      .submitFiling;
    const holder = await connectedClient(t.databaseUrl);
    const waiting = async (n: number) =>
      (
        await t.sql<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query not like '%pg_stat_activity%'`,
        )
      )[0].n >= n;
    let answers: Promise<{ body: { errors?: { extensions: { code: string } }[] } }>[] = [];
    try {
      // The contract held, the termination queues for it first, then the review (which has locked the filing).
      await holder.query('begin');
      await holder.query('select 1 from contracts.contract where id = $1 for update', [contractId]);
      const terminate = t.gql(
        companyA,
        `mutation($c: ID!) { terminateContract(contractId: $c, terminatedOn: "${addDays(today, 12 * 365 + 10)}", handoverOn: "${addDays(today, 12 * 365 + 10)}", reason: "业主大会解聘") { status } }`,
        { c: contractId },
      );
      await waitFor('the termination to wait for the contract', () => waiting(1));
      const review = t.gql(guangwai, ACCEPT, { f: filing.id, v: 1 });
      await waitFor('the review to wait for the contract', () => waiting(2));
      answers = [terminate, review];
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    const [terminated, reviewed] = await Promise.all(answers);
    const codes = [terminated, reviewed].flatMap((a) => (a.body.errors ?? []).map((e) => e.extensions.code));
    expect(codes.filter((c) => c === 'TEMPORARILY_UNAVAILABLE' || c === 'INTERNAL_SERVER_ERROR')).toEqual([]);
    // Whichever ran second saw what the first committed: the termination stands, the review either came first (the
    // filing accepted, then terminated) or was refused for a filing already terminated.
    expect(terminated.body.errors).toBeUndefined();
    const after = (await t.gql(companyA, CONTRACT, { id: contractId })).body.data.contract;
    expect(after.filings.map((f: { status: string }) => f.status)).toEqual(['TERMINATED']);
  });

  it("applies a bureau system's decision from city.filing-reviews.v1 once, and dead-letters stale and unauthorised ones", async () => {
    const contractId = await draft(companyA, {
      number: 'HJ6-KAFKA',
      startsOn: addDays(today, 8 * 365),
      endsOn: addDays(today, 9 * 365),
    });
    const filing = (await t.gql(companyA, SUBMIT, { c: contractId, k: randomUUID(), d: contractText })).body.data
      .submitFiling;
    const register = `mutation($o: Key!, $j: [Key!]!) { registerReviewSystem(organisationId: $o, name: "西城区住建委备案系统", role: "CITY_BUREAU", jurisdictions: $j) { organisationId } }`;
    expect(
      (await t.gql(xichengBureau, register, { o: 'xicheng-filing-system', j: ['110102'] })).body.errors[0].extensions
        .code,
    ).toBe('FORBIDDEN');
    await t.gql(admin, register, { o: 'xicheng-filing-system', j: ['110102'] });
    await t.gql(admin, register, { o: 'haidian-filing-system', j: ['110108'] });

    const dlq = await probeTopics(t.brokers, [`${t.topicPrefix}contracts.dead-letter.v1`]);
    const producer = rawProducer(t.brokers);
    await producer.connect();
    try {
      const decision = (data: Partial<FilingReviewDecidedData>): HubEvent<FilingReviewDecidedData> => ({
        id: randomUUID(),
        type: FILING_REVIEW_DECIDED.type,
        source: '/beijing/xicheng/housing-bureau',
        time: new Date().toISOString(),
        data: {
          filingId: filing.id,
          version: 1,
          decision: 'ACCEPT',
          returnReasons: [],
          reviewerOrganisationId: 'xicheng-filing-system',
          reviewerName: '西城区住建委',
          decidedAt: new Date().toISOString(),
          ...data,
        },
      });
      // Each review system writes its own topic; the sender is the system the topic belongs to.
      const [xicheng, haidian, unknown] = await partyTopics(t, CITY_FILING_REVIEWS_TOPIC, [
        'xicheng-filing-system',
        'haidian-filing-system',
        'unknown-system',
      ]);
      const send = (events: HubEvent<FilingReviewDecidedData>[], topic = xicheng) =>
        producer.send({ topic, messages: events.map((e) => asKafkaMessage(e, filing.id)) });
      // Each system's own reply topic, made when it is registered as a feed subscriber (registerFeedSubscriber).
      const replies = await partyTopics(t, FILING_REVIEW_REFUSALS_TOPIC, [
        'xicheng-filing-system',
        'haidian-filing-system',
        'unknown-system',
      ]);
      const told = await probeTopics(t.brokers, replies);
      const accept = decision({});
      const mismatch = decision({ reviewerOrganisationId: 'haidian-filing-system' });
      const late = decision({ decision: 'RETURN', returnReasons: [{ field: 'documents', reason: '缺少附件' }] });
      await send([decision({ reviewerOrganisationId: 'unknown-system' })], unknown);
      await send([decision({ reviewerOrganisationId: 'haidian-filing-system' })], haidian);
      await send([
        mismatch, // named on Xicheng's topic: not its sender
        accept,
        accept, // redelivered
        decision({}), // the same decision under a new event id
        late, // after the acceptance: stale
      ]);
      const dead = await dlq.waitForCount('four dead letters', () => true, 4);
      expect(dead.map((m) => m.headers.dlq_reason_code).sort()).toEqual([
        'SENDER_MISMATCH',
        'STALE_REVIEW',
        'UNAUTHORISED_REVIEWER',
        'UNAUTHORISED_REVIEWER',
      ]);
      // Each system is told on its own reply topic which of its decisions were refused, and why (before, only the
      // dead-letter topic said, which no bureau reads); nothing about the ones applied or dropped as duplicates.
      const notices = await told.waitForCount('four refusal notices', () => true, 4);
      for (const n of notices) expectValidEvent(n, 'hub.contracts.filing-review.refused');
      const noticeOf = (m: ProbedMessage) => {
        const data = JSON.parse(String(m.message.value));
        return [m.topic.slice(t.topicPrefix.length), data.reasonCode, data.refusedEventId];
      };
      const byTopicAndCode = (a: string[], b: string[]) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`);
      expect(notices.map(noticeOf).sort(byTopicAndCode)).toEqual([
        ['city.filing-review-refusals.v1.haidian-filing-system', 'UNAUTHORISED_REVIEWER', expect.any(String)],
        ['city.filing-review-refusals.v1.unknown-system', 'UNAUTHORISED_REVIEWER', expect.any(String)],
        ['city.filing-review-refusals.v1.xicheng-filing-system', 'SENDER_MISMATCH', mismatch.id],
        ['city.filing-review-refusals.v1.xicheng-filing-system', 'STALE_REVIEW', late.id],
      ]);
      await told.stop();
      const applied = (await t.gql(xichengBureau, FILING, { id: filing.id })).body.data.filing;
      expect(applied).toMatchObject({ status: 'ACCEPTED', versions: [{ outcome: 'ACCEPT', reviewVia: 'KAFKA' }] });
      expect(applied.history.map((h: { action: string; via: string }) => [h.action, h.via])).toEqual([
        ['SUBMIT', 'API'],
        ['ACCEPT', 'KAFKA'],
      ]);
    } finally {
      await producer.disconnect();
      await dlq.stop();
    }
  });

  it("answers the publicity query without a token with seed 003's art. 943 contents, only running subsidies, and nothing else without one", async () => {
    const PUBLIC = `query($n: Name!) { publicServiceStandards(compoundName: $n) { compoundName asOf providerName personInCharge filingRecordNumber serviceStartsOn serviceEndsOn serviceStandards { item standard } fees { buildingClass ownerRateYuan assessedRateYuan subsidisedBy subsidies { payer rateYuan startMonth endMonth } } } }`;
    const res = await t.gql(undefined, PUBLIC, { n: '学院南路' });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const [standards] = res.body.data.publicServiceStandards;
    expect(standards).toMatchObject({
      compoundName: '学院南路32号院',
      asOf: today,
      providerName: '天岳恒物业',
      personInCharge: '物业公司负责人',
      serviceStartsOn: '2022-01-01',
    });
    expect(standards.filingRecordNumber).toMatch(/^110108-\d{4}-\d{4}$/);
    // Seed 003's joint subsidy ran 36 months from 2022-01, to 2024-12: shown only while it runs.
    const payer = '北太平庄街道办事处与首开集团';
    const running = today.slice(0, 7) <= '2024-12';
    const subsidies = running ? [{ payer, rateYuan: '0.78', startMonth: '2022-01', endMonth: '2024-12' }] : [];
    expect(standards.fees).toEqual([
      {
        buildingClass: 'LOW_RISE',
        ownerRateYuan: '1.00',
        assessedRateYuan: '1.78',
        subsidisedBy: running ? [payer] : [],
        subsidies,
      },
      {
        buildingClass: 'HIGH_RISE',
        ownerRateYuan: '1.67',
        assessedRateYuan: '2.45',
        subsidisedBy: running ? [payer] : [],
        subsidies,
      },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/signatory|物管会主任|91110108/);
    const none = await t.gql(undefined, PUBLIC, { n: '阳光丽景' });
    expect(none.body.data.publicServiceStandards).toEqual([
      expect.objectContaining({ compoundName: '阳光丽景', providerName: null, fees: [] }),
    ]);

    for (const query of [
      `{ contracts { totalCount } }`,
      `{ publicServiceStandards(compoundName: "学院南路") { compoundName } contracts { totalCount } }`,
      `{ ... on Query { contracts { totalCount } } }`,
      `mutation { registerReviewSystem(organisationId: "x", name: "x", role: "CITY_BUREAU", jurisdictions: ["11"]) { name } }`,
    ]) {
      const refused = await t.gql(undefined, query);
      expect([query, refused.status, refused.body.errors[0].extensions.code]).toEqual([query, 401, 'UNAUTHENTICATED']);
    }
  });

  it("keeps a bureau's own table of filings with the reference subscriber, past a message it cannot store, from topics a pattern finds later, unchanged by a replay", async () => {
    const feed = `${t.topicPrefix}contracts.filings.v1`;
    // A message no retry can store, ahead of the filing's on the topic's one partition: before, the subscriber retried
    // it for good and read nothing after it.
    const producer = rawProducer(t.brokers);
    await producer.connect();
    await producer.send({
      topic: feed,
      acks: -1,
      messages: [
        { key: 'poison', value: 'not json', headers: { ce_type: 'hub.contracts.filing.accepted', ce_id: 'x' } },
        // NUL, which PostgreSQL's text and jsonb refuse, in the body (so in the parser's message) and a header.
        {
          key: 'poison',
          value: 'not\u0000json',
          headers: { ce_type: 'hub.contracts.filing.accepted', ce_id: 'y', ce_note: 'a\u0000b' },
        },
      ],
    });
    const contractId = await draft(companyA, {
      number: 'HJ6-SUBSCRIBER',
      startsOn: addDays(today, 13 * 365),
      endsOn: addDays(today, 14 * 365),
    });
    const filing = (await t.gql(companyA, SUBMIT, { c: contractId, k: randomUUID(), d: contractText })).body.data
      .submitFiling;
    const accepted = (await t.gql(guangwai, ACCEPT, { f: filing.id, v: 1 })).body.data.acceptFiling;
    // The feed and its district topics, as a city-wide bureau reads them.
    const pattern = new RegExp(`^${feed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\.\\d{6})?$`);
    const options = {
      brokers: t.brokers,
      sasl: testKafkaAdmin(),
      topics: [pattern],
      topicRefreshMs: 300,
      databaseUrl: t.databaseUrl,
      schema: 'bureau_xicheng',
      log: () => undefined,
    };
    const db = await connectedClient(t.databaseUrl);
    const row = () =>
      db
        .query(
          'select status, sequence, record_number, contract_number, received_at from bureau_xicheng.filings where filing_id = $1',
          [filing.id],
        )
        .then((r) => r.rows[0]);
    let subscriber = await startFilingsSubscriber({ ...options, groupId: `bureau-${randomUUID()}` });
    const admin = testKafkaClient(t.brokers, 'test-replay-check').admin();
    await admin.connect();
    try {
      const stored = await waitFor('the accepted filing in the bureau table', async () => {
        const r = await row();
        return r?.status === 'ACCEPTED' ? r : undefined;
      });
      expect(stored).toMatchObject({
        sequence: 2,
        record_number: accepted.recordNumber,
        contract_number: 'HJ6-SUBSCRIBER',
      });
      // The district's copy of the acceptance may be stored before the main feed reaches the poison: waited for.
      const rejected = await waitFor('the message it cannot store kept aside', async () => {
        const { rows } = await db.query(
          `select topic, reason, headers->>'ce_id' as id, headers->>'ce_note' as note, octet_length(value) as bytes
             from bureau_xicheng.rejected_messages order by "offset"`,
        );
        return rows.length > 1 ? rows : undefined;
      });
      expect(rejected).toEqual([
        { topic: feed, reason: expect.stringMatching(/JSON/), id: 'x', note: null, bytes: 8 },
        { topic: feed, reason: expect.not.stringContaining('\u0000'), id: 'y', note: 'ab', bytes: 8 },
      ]);
      // A district's topic created after the start is found by the pattern and read from its beginning.
      const [acceptedEvent] = await probe.waitForCount(
        'the acceptance on the feed',
        (m) => m.headers.ce_type === 'hub.contracts.filing.accepted' && filingsOf(filing.id)(m),
        1,
      );
      const later = { ...JSON.parse(String(acceptedEvent.message.value)), sequence: 3, status: 'TERMINATED' };
      const district = `${feed}.110199`;
      await admin.createTopics({ topics: [{ topic: district, numPartitions: 1 }], waitForLeaders: true });
      await producer.send({
        topic: district,
        acks: -1,
        messages: [
          {
            key: filing.id,
            value: JSON.stringify(later),
            headers: { ...acceptedEvent.headers, ce_type: 'hub.contracts.filing.terminated', ce_id: randomUUID() },
          },
        ],
      });
      const latest = await waitFor('the filing from the later topic', async () => {
        const r = await row();
        return r?.status === 'TERMINATED' ? r : undefined;
      });
      expect(latest).toMatchObject({ sequence: 3 });
      await subscriber.stop();
      // A new group replays every topic from the beginning: older snapshots must not overwrite the row.
      const replayGroup = `bureau-${randomUUID()}`;
      subscriber = await startFilingsSubscriber({ ...options, groupId: replayGroup });
      for (const topic of [feed, district]) {
        const ends = await admin.fetchTopicOffsets(topic);
        await waitFor(`the replay to commit the end of every partition of ${topic}`, async () => {
          const [committed] = await admin.fetchOffsets({ groupId: replayGroup, topics: [topic] });
          return ends.every(
            (end) =>
              end.high === '0' || committed.partitions.find((p) => p.partition === end.partition)?.offset === end.high,
          );
        });
      }
      expect(await row()).toEqual(latest);
    } finally {
      await subscriber.stop();
      await admin.disconnect();
      await producer.disconnect();
      await db.end();
    }
  });

  it("checks the owners' joint decision a regular contract names as hiring its provider (Civil Code arts. 278, 939)", async () => {
    const year = (n: number) => addDays(today, n * 365);
    const RECORD = `mutation($i: RecordJointDecisionInput!) { recordJointDecision(input: $i) { id valid } }`;
    const decide = async (office: typeof desheng, area: string, matter: string, heldOn: string, pass = true) => {
      const { owners, area: m2 } = await registerTotals(t, areaIds[area]);
      const [took, share] = pass ? [owners, m2] : [0, '0.00'];
      const res = await t.gql(office, RECORD, {
        i: {
          areaId: areaIds[area],
          matter,
          heldOn,
          tally: {
            totalOwners: owners,
            totalArea: m2,
            participatingOwners: took,
            participatingArea: share,
            consentingOwners: took,
            consentingArea: share,
          },
        },
      });
      expect(res.body.data.recordJointDecision.valid).toBe(pass);
      return res.body.data.recordJointDecision.id as string;
    };
    const hired = await decide(desheng, YANGGUANG, 'HIRE_OR_DISMISS_PROVIDER', '2026-11-01');
    const failed = await decide(desheng, YANGGUANG, 'HIRE_OR_DISMISS_PROVIDER', '2026-10-01', false);
    const covenant = await decide(desheng, YANGGUANG, 'MANAGEMENT_COVENANT', '2026-10-02');
    const late = await decide(desheng, YANGGUANG, 'HIRE_OR_DISMISS_PROVIDER', '2026-11-25');
    const elsewhere = await decide(guangwai, HONGJU, 'HIRE_OR_DISMISS_PROVIDER', '2026-11-02');
    // The owners decided on the provider again on 5 November: either decision may be named (the hub's record of one
    // does not say whether it hired or dismissed, nor whom: helper-201's review of a rule that refused the earlier).
    const rehired = await decide(desheng, YANGGUANG, 'HIRE_OR_DISMISS_PROVIDER', '2026-11-05');
    const decisions = [hired, failed, covenant, late, elsewhere, rehired];
    await waitFor('contracts to keep the six decisions', async () => {
      const [{ n }] = await t.sql<{ n: number }>(
        'select count(*)::int as n from contracts.joint_decision_view where decision_id = any($1::uuid[])',
        [decisions],
      );
      return n === decisions.length;
    });

    // 阳光丽景's buildings are high-rise; years 6 to 8, clear of the other tests' contracts there. Signed 2026-11-11.
    const regular = (hiringDecisionId: string, overrides: Record<string, unknown> = {}) => ({
      number: `YG-HIRE-${hiringDecisionId.slice(0, 8)}`,
      startsOn: year(6),
      endsOn: year(8),
      feeSchedule: {
        classes: [{ buildingClass: 'HIGH_RISE', assessedRateFenPerM2Month: 250, ownerRateFenPerM2Month: 250 }],
      },
      hiringDecisionId,
      ...overrides,
    });
    const refusal = async (termsOf: Record<string, unknown>) => {
      const contractId = await draft(companyA, termsOf, YANGGUANG);
      const res = await t.gql(companyA, SUBMIT, { c: contractId, k: randomUUID(), d: contractText });
      const contract = await t.gql(companyA, CONTRACT, { id: contractId });
      expect(contract.body.data.contract).toMatchObject({ status: 'DRAFT', filings: [] });
      return res.body.errors[0].extensions.details.problems as { code: string; field: string }[];
    };
    for (const [decisionId, code] of [
      [failed, 'HIRING_DECISION_INVALID'],
      [covenant, 'NOT_A_HIRING_DECISION'],
      [late, 'HIRING_DECISION_AFTER_SIGNING'],
      [elsewhere, 'HIRING_DECISION_NOT_RECORDED'],
      [randomUUID(), 'HIRING_DECISION_NOT_RECORDED'],
    ])
      expect(await refusal(regular(decisionId))).toEqual([
        expect.objectContaining({ code, field: 'hiringDecisionId' }),
      ]);
    // A company may not read the area's decisions: a refusal names no figure, day or reason of one (helper-200's
    // review: before, its verdict, day and reasons were in the details).
    expect(JSON.stringify(await refusal(regular(failed, { number: 'YG-HIRE-FAILED' })))).not.toContain('2026-10-01');
    // Another area's decision shows nothing of it; a preliminary contract's provider is the developer's choice.
    expect(JSON.stringify(await refusal(regular(elsewhere, { number: 'YG-HIRE-ELSEWHERE' })))).not.toContain(
      '2026-11-02',
    );
    const preliminary = { ...regular(rehired), ...preliminaryTerms('YG-HIRE-P', year(6), year(7)) };
    expect((await refusal(preliminary)).map((p) => p.code)).toEqual(['HIRING_DECISION_FOR_PRELIMINARY_CONTRACT']);
    const malformed = await t.gql(companyA, DRAFT, { a: areaIds[YANGGUANG], t: terms(regular('decision-7')) });
    expect(malformed.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { hiringDecisionId: expect.stringContaining('UUID') } },
    });

    // The area's latest decision on the provider, valid, held before the signing: filed, and published with the terms.
    const contractId = await draft(companyA, regular(rehired.toUpperCase()), YANGGUANG);
    const filed = await t.gql(companyA, SUBMIT, { c: contractId, k: randomUUID(), d: contractText });
    expect(filed.body.errors).toBeUndefined();
    const filing = await t.gql(companyA, `query($id: ID!) { filing(id: $id) { terms { hiringDecisionId } } }`, {
      id: filed.body.data.submitFiling.id,
    });
    expect(filing.body.data.filing.terms.hiringDecisionId).toBe(rehired);
    const [event] = await probe.waitForCount('the filing event', filingsOf(filed.body.data.submitFiling.id), 1);
    expect(expectValidEvent(event).terms).toMatchObject({ hiringDecisionId: rehired });
  });

  it('supersedes a preliminary contract’s amendment filed at the moment the regular contract is accepted (art. 940)', async () => {
    const year = (n: number) => addDays(today, n * 365);
    const submit = async (contractId: string) => {
      const res = await t.gql(companyA, SUBMIT, { c: contractId, k: randomUUID(), d: contractText });
      expect(res.body.errors).toBeUndefined();
      return res.body.data.submitFiling;
    };
    // 阳光丽景's buildings are high-rise.
    const highRise = {
      feeSchedule: {
        classes: [{ buildingClass: 'HIGH_RISE', assessedRateFenPerM2Month: 250, ownerRateFenPerM2Month: 250 }],
      },
    };
    const preliminaryOf = (endsOn: string) => ({ ...preliminaryTerms('YG-940-P', year(1), endsOn), ...highRise });
    const preliminary = await draft(companyA, preliminaryOf(addDays(year(2), 50)), YANGGUANG);
    const accepted = await t.gql(xichengBureau, ACCEPT, { f: (await submit(preliminary)).id, v: 1 });
    expect(accepted.body.data.acceptFiling.status).toBe('ACCEPTED');
    const regular = await draft(
      companyA,
      { number: 'YG-940-R', startsOn: year(2), endsOn: year(5), ...highRise },
      YANGGUANG,
    );
    const regularFiling = await submit(regular);
    // The preliminary contract held: its amendment queues for it first, then the regular contract's acceptance.
    const [amending, accepting] = await whileHeld(t.databaseUrl, { table: 'contracts.contract', id: preliminary }, [
      () =>
        t.gql(companyA, AMEND, {
          c: preliminary,
          k: randomUUID(),
          on: today,
          t: terms(preliminaryOf(addDays(year(2), 80))),
          d: contractText,
        }),
      () => t.gql(xichengBureau, ACCEPT, { f: regularFiling.id, v: 1 }),
    ]);
    expect(amending.body.errors).toBeUndefined();
    expect(accepting.body.data.acceptFiling.status).toBe('ACCEPTED');
    // Before, the acceptance had read the contract's filings before the amendment committed: it stayed SUBMITTED.
    const ended = (await t.gql(companyA, CONTRACT, { id: preliminary })).body.data.contract;
    expect(ended.status).toBe('SUPERSEDED');
    expect(ended.filings.map((f: { kind: string; status: string }) => [f.kind, f.status]).sort()).toEqual([
      ['AMENDMENT', 'SUPERSEDED'],
      ['INITIAL', 'SUPERSEDED'],
    ]);
  });
});
