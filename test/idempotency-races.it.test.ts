import { randomUUID } from 'node:crypto';
import { COURT_CASE_EVENTS_TOPIC, COURT_CASE_EVENT_REPORTED } from '../catalog';
import { addDays, addMonths } from '../kernel/calendar';
import { todayInChina } from '../kernel/clock';
import { demoCompoundCsv } from '../hub/demo/demo-data';
import { asKafkaMessage } from './support/events';
import { TestHub, identity, startTestHub, pinTestToday } from './support/hub-fixture';
import { probeTopics, rawProducer } from './support/kafka-probe';
import { partyTopics } from './support/party-topics';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';

// Ten calls under one idempotency key at once, through the gateway, on the real PostgreSQL: one is applied, the
// others get its result (or IDEMPOTENCY_KEY_REUSED when their content differs); none gets INTERNAL_SERVER_ERROR.
const company = identity('PROPERTY_COMPANY', '91110102MA0000RACE');
const otherCompany = identity('PROPERTY_COMPANY', '91110102MA0000RACF');
const xichengCourt = identity('COURT', 'bj-xicheng-court');
// A referral needs the reasonable period after a demand dated from "today" to have elapsed, which past mid-December
// 2026 runs beyond the holiday data the hub holds: the scenario is pinned to a day it is dated against.
const today = pinTestToday('2026-12-01');
const thisMonth = today.slice(0, 7);
const firstMonth = addMonths(thisMonth, -3);

const DRAFT = `mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }`;
const SUBMIT = `mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id status currentVersion } }`;
const AMEND = `mutation($c: ID!, $k: Key!, $on: LocalDate!, $t: ContractTermsInput!, $d: [FilingDocumentInput!]!) { amendContract(contractId: $c, idempotencyKey: $k, amendedOn: $on, terms: $t, documents: $d) { id kind status } }`;
const RESUBMIT = `mutation($f: ID!, $k: Key!, $t: ContractTermsInput!, $d: [FilingDocumentInput!]!) { resubmitFiling(filingId: $f, idempotencyKey: $k, terms: $t, documents: $d) { id status currentVersion } }`;
const PAY = `mutation($p: PaymentInput!) { recordPayment(payment: $p) { paymentId receiptNumber amountFen allocations { chargeId fen } } }`;
const IMPORT = `mutation($p: [PaymentInput!]!) { importPayments(payments: $p) { paymentId receiptNumber } }`;
const LEVY = `mutation($l: LevyInput!) { createLevy(levy: $l) { id households billedFen } }`;
const COMPOUND = `mutation($i: RegisterCompoundInput!) { registerCompound(input: $i) { id } }`;
const IMPORT_CSV = `mutation($c: ID!, $csv: CsvText!, $k: Key) { importCompoundCsv(compoundId: $c, csv: $csv, idempotencyKey: $k) { buildingsCreated householdsCreated } }`;
const ACTION = `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`;
const REFER = `mutation($r: ReferralInput!) { referArrears(referral: $r) { id accountId eligible status } }`;
const REPORT = `mutation($r: CourtReportInput!, $e: Key) { reportCourtEvent(report: $r, eventId: $e) { id status caseNumber } }`;
const EVIDENCE = [{ name: '物业服务合同.pdf', type: 'CONTRACT', sha256: 'c'.repeat(64) }];

type Answer = { body: { data?: Record<string, unknown> | null; errors?: { extensions: { code: string } }[] } };
const TEN = Array.from({ length: 10 }, (_, i) => i);
const codeOf = (res: Answer) => res.body.errors?.[0]?.extensions.code;
const document = (name: string) => [{ name, type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'b'.repeat(64) }];

describe('idempotency keys under races: ten parallel calls, one effect, one answer', () => {
  let t: TestHub;
  let areaId: string;
  let contractId: string;
  let accountIds: string[];
  let probe: Awaited<ReturnType<typeof probeTopics>>;
  const { ok } = gqlExpectations(() => t);
  const all = (who: typeof company, query: string, variables: (i: number) => Record<string, unknown>) =>
    Promise.all(TEN.map((i) => t.gql(who, query, variables(i)) as Promise<Answer>));

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation'] });
    await scenario(t).courts();
    ({ areaId } = await scenario(t).compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    probe = await probeTopics(t.brokers, [`${t.topicPrefix}litigation.dead-letter.v1`]);
    // What the payment, levy, referral and amendment tests work on, each test on its own accounts: the company's
    // contract from firstMonth, accepted and known to arrears and litigation, and two months billed under it.
    ({ contractId } = await scenario(t).acceptedFiling(
      company,
      areaId,
      hongjuTerms(company, firstMonth, { number: 'HJ6-RACE-01' }),
      { knownTo: ['arrears', 'litigation'] },
    ));
    await scenario(t).billedMonths(company, areaId, [firstMonth, addMonths(firstMonth, 1)]);
    accountIds = (
      await t.sql<{ id: string }>(`select id from arrears.account where company_id = $1 order by household_id`, [
        company.organisationId,
      ])
    ).map((r) => r.id);
    expect(accountIds.length).toBeGreaterThan(24);
  });

  afterAll(async () => {
    await probe?.stop();
    await t?.stop();
  });

  it('submitFiling and resubmitFiling: ten racing submissions under one key make one filing (one version); other documents are IDEMPOTENCY_KEY_REUSED', async () => {
    // A contract of its own, for the three years before the shared one (beforeAll), so the two share no day.
    const earlierMonth = addMonths(firstMonth, -36);
    const { draftContract } = await ok(company, DRAFT, {
      a: areaId,
      t: hongjuTerms(company, earlierMonth, { number: 'HJ6-RACE-00' }),
    });
    const key = randomUUID();
    // Even calls send one document, odd calls another: whichever claims the key first decides which half succeeds.
    const answers = await all(company, SUBMIT, (i) => ({
      c: draftContract.id,
      k: key,
      d: document(i % 2 === 0 ? '合同.pdf' : '合同（修订）.pdf'),
    }));
    expect(answers.map(codeOf).filter((c) => c !== undefined && c !== 'IDEMPOTENCY_KEY_REUSED')).toEqual([]);
    const filed = answers.filter((a) => !a.body.errors);
    const ids = new Set(filed.map((a) => (a.body.data!.submitFiling as { id: string }).id));
    expect(ids.size).toBe(1);
    const winners = new Set(TEN.filter((i) => !answers[i].body.errors).map((i) => i % 2));
    expect(winners.size).toBe(1);
    expect(filed).toHaveLength(5);
    const [{ n }] = await t.sql<{ n: number }>(
      `select count(*)::int as n from contracts.filing_version where company_id = $1 and idempotency_key = $2`,
      [company.organisationId, key],
    );
    expect(n).toBe(1);

    // A later retry of the winning request gets the same filing.
    const winner = [...winners][0];
    const retry = await ok(company, SUBMIT, {
      c: draftContract.id,
      k: key,
      d: document(winner === 0 ? '合同.pdf' : '合同（修订）.pdf'),
    });
    expect(retry.submitFiling.id).toBe([...ids][0]);

    // Returned, then resubmitted by ten racing retries under one key: one version 2 (resubmit and amend share submit's path).
    const filingId = [...ids][0];
    await ok(
      GUANGWAI_OFFICE,
      `mutation($f: ID!, $r: [ReturnReasonInput!]!) { returnFiling(filingId: $f, version: 1, reasons: $r) { id } }`,
      {
        f: filingId,
        r: [{ field: 'documents', reason: '请补充盖章页' }],
      },
    );
    const resubmitKey = randomUUID();
    const terms = hongjuTerms(company, earlierMonth, { number: 'HJ6-RACE-00' });
    const resubmitted = await all(company, RESUBMIT, () => ({
      f: filingId,
      k: resubmitKey,
      t: terms,
      d: document('合同（盖章）.pdf'),
    }));
    expect(resubmitted.map(codeOf)).toEqual(TEN.map(() => undefined));
    expect(new Set(resubmitted.map((a) => JSON.stringify(a.body.data!.resubmitFiling)))).toEqual(
      new Set([JSON.stringify({ id: filingId, status: 'SUBMITTED', currentVersion: 2 })]),
    );
    const [{ versions }] = await t.sql<{ versions: number }>(
      `select count(*)::int as versions from contracts.filing_version where filing_id = $1`,
      [filingId],
    );
    expect(versions).toBe(2);
  });

  it('recordPayment: ten identical retries racing get one receipt; the payment is recorded once', async () => {
    const payment = {
      accountId: accountIds[0],
      amountFen: 1_000,
      paidOn: todayInChina(),
      method: 'WECHAT_PAY',
      idempotencyKey: randomUUID(),
    };
    const answers = await all(company, PAY, () => ({ p: payment }));
    expect(answers.map(codeOf)).toEqual(TEN.map(() => undefined));
    const receipts = answers.map(
      (a) => a.body.data!.recordPayment as { paymentId: string; receiptNumber: string; amountFen: number },
    );
    expect(new Set(receipts.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(receipts[0].amountFen).toBe(1_000);
    const [{ n }] = await t.sql<{ n: number }>(
      `select count(*)::int as n from arrears.payment where idempotency_key = $1`,
      [payment.idempotencyKey],
    );
    expect(n).toBe(1);
  });

  it('recordPayment: ten racing calls under one key with two amounts: one amount gets the receipt, the other IDEMPOTENCY_KEY_REUSED', async () => {
    const key = randomUUID();
    const answers = await all(company, PAY, (i) => ({
      p: {
        accountId: accountIds[1],
        amountFen: i % 2 === 0 ? 2_000 : 3_000,
        paidOn: todayInChina(),
        method: 'CASH',
        idempotencyKey: key,
      },
    }));
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c !== undefined && c !== 'IDEMPOTENCY_KEY_REUSED')).toEqual([]);
    const paid = TEN.filter((i) => codes[i] === undefined);
    expect(paid).toHaveLength(5);
    expect(new Set(paid.map((i) => i % 2)).size).toBe(1);
    expect(
      new Set(paid.map((i) => (answers[i].body.data!.recordPayment as { receiptNumber: string }).receiptNumber)).size,
    ).toBe(1);
    const rows = await t.sql<{ amount_fen: number }>(
      `select amount_fen from arrears.payment where idempotency_key = $1`,
      [key],
    );
    expect(rows.map((r) => r.amount_fen)).toEqual([paid[0] % 2 === 0 ? 2_000 : 3_000]);
  });

  it('importPayments: ten racing imports of one statement record each line once; keys are per company', async () => {
    const lines = accountIds.slice(2, 6).map((accountId, i) => ({
      accountId,
      amountFen: 500 + i,
      paidOn: todayInChina(),
      method: 'BANK_TRANSFER',
      idempotencyKey: `stmt-line-${i}`,
    }));
    // Half the imports send the lines in another order: claims are taken in key order, so they cannot deadlock.
    const answers = await all(company, IMPORT, (i) => ({ p: i % 2 === 0 ? lines : [...lines].reverse() }));
    expect(answers.map(codeOf)).toEqual(TEN.map(() => undefined));
    const byKey = (a: Answer, i: number) => {
      const receipts = a.body.data!.importPayments as { receiptNumber: string }[];
      return (i % 2 === 0 ? receipts : [...receipts].reverse()).map((r) => r.receiptNumber);
    };
    expect(new Set(answers.map((a, i) => JSON.stringify(byKey(a, i)))).size).toBe(1);
    const [{ n }] = await t.sql<{ n: number }>(
      `select count(*)::int as n from arrears.payment where idempotency_key like 'stmt-line-%'`,
    );
    expect(n).toBe(4);
    // Another company's key space is its own: the same key there is another payment (here refused: not its account).
    const foreign = (await t.gql(otherCompany, PAY, { p: { ...lines[0] } })) as Answer;
    expect(codeOf(foreign)).toBe('NOT_FOUND');
  });

  it('receipt numbers have no gaps, however many requests lost a race or were rolled back', async () => {
    const sequences = async () =>
      (
        await t.sql<{ receipt_number: string; idempotency_key: string }>(
          `select receipt_number, idempotency_key from arrears.payment where company_id = $1`,
          [company.organisationId],
        )
      )
        .map((r) => ({ n: Number(r.receipt_number.split('-')[1]), key: r.idempotency_key }))
        .sort((a, b) => a.n - b.n);
    // The company's receipts so far (none when this test runs alone): this test's are numbered on from the last.
    const last = (await sequences()).length;
    /** The idempotency keys of the payments this test expects recorded. */
    const recorded: string[] = [];
    // An import whose last line is refused rolls back after numbering its first lines.
    const refused = (await t.gql(company, IMPORT, {
      p: [
        {
          accountId: accountIds[7],
          amountFen: 100,
          paidOn: todayInChina(),
          method: 'CASH',
          idempotencyKey: randomUUID(),
        },
        {
          accountId: accountIds[8],
          amountFen: 100,
          paidOn: todayInChina(),
          method: 'CASH',
          idempotencyKey: randomUUID(),
          designatedChargeIds: [randomUUID()],
        },
      ],
    })) as Answer;
    // Refused for the charge it designates that the account does not have (allocation's UNKNOWN_CHARGE).
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    const single = randomUUID();
    recorded.push(single);
    await ok(company, PAY, {
      p: {
        accountId: accountIds[9],
        amountFen: 100,
        paidOn: todayInChina(),
        method: 'CASH',
        idempotencyKey: single,
      },
    });
    // Statements paying two accounts in either order while single payments hit the same accounts: no deadlock.
    const line = (accountId: string) => {
      const idempotencyKey = randomUUID();
      recorded.push(idempotencyKey);
      return { accountId, amountFen: 100, paidOn: todayInChina(), method: 'CASH', idempotencyKey };
    };
    const [a, b] = [accountIds[10], accountIds[11]];
    const mixed = await Promise.all(
      TEN.map(
        (i) =>
          (i % 2 === 0
            ? t.gql(company, IMPORT, { p: i % 4 === 0 ? [line(a), line(b)] : [line(b), line(a)] })
            : t.gql(company, PAY, { p: line(i % 3 === 0 ? a : b) })) as Promise<Answer>,
      ),
    );
    expect(mixed.map(codeOf)).toEqual(TEN.map(() => undefined));
    // Every receipt of the company's, this test's and any earlier test's, numbered 1, 2, 3, … without a gap; this
    // test's own, the single payment and the 5 imports × 2 lines and 5 payments racing, are the 16 after `last`.
    const receipts = await sequences();
    expect(receipts.map((r) => r.n)).toEqual(receipts.map((_, i) => i + 1));
    expect(recorded).toHaveLength(1 + 5 * 2 + 5);
    expect(
      receipts
        .slice(last)
        .map((r) => r.key)
        .sort(),
    ).toEqual([...recorded].sort());
  });

  it('createLevy: ten racing calls under one key bill one levy; other content under the key is IDEMPOTENCY_KEY_REUSED', async () => {
    const [{ building_id: buildingId }] = await t.sql<{ building_id: string }>(
      `select building_id from arrears.billable_household where area_id = $1 limit 1`,
      [areaId],
    );
    const levy = (title: string) => ({
      areaId,
      title,
      purpose: '屋面防水',
      accountName: '物管会专项账户',
      rateFenPerM2: 500,
      activationThresholdPercent: 50,
      decidedOn: addDays(today, -2),
      dueOn: addDays(today, 30),
      buildingIds: [buildingId],
      idempotencyKey: 'levy-roof-2026',
      voluntary: true,
    });
    const answers = await all(company, LEVY, (i) => ({ l: levy(i % 2 === 0 ? '屋面防水集资' : '屋面维修集资') }));
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c !== undefined && c !== 'IDEMPOTENCY_KEY_REUSED')).toEqual([]);
    const created = TEN.filter((i) => codes[i] === undefined);
    expect(created).toHaveLength(5);
    expect(new Set(created.map((i) => i % 2)).size).toBe(1);
    expect(new Set(created.map((i) => (answers[i].body.data!.createLevy as { id: string }).id)).size).toBe(1);
    const levies = await t.sql<{ id: string; title: string }>(
      `select id, title from arrears.levy where company_id = $1`,
      [company.organisationId],
    );
    expect(levies.map((l) => l.title)).toEqual([created[0] % 2 === 0 ? '屋面防水集资' : '屋面维修集资']);
    const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from arrears.charge where levy_id = $1`, [
      levies[0].id,
    ]);
    expect(n).toBe((answers[created[0]].body.data!.createLevy as { households: number }).households);
    // The same levy owed under an owners' joint decision instead of voluntary is another request under the key (it
    // was answered with the voluntary levy, whose charges are never owed).
    const first = levy(levies[0].title);
    const owed = await t.gql(company, LEVY, { l: { ...first, voluntary: null, jointDecisionId: randomUUID() } });
    expect(codeOf(owed)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(codeOf(await t.gql(company, LEVY, { l: first }))).toBeUndefined();
  });

  it('importCompoundCsv: ten racing imports under one key import once; without a key one imports and the rest get the lines already registered', async () => {
    const street = GUANGWAI_OFFICE;
    const small = (name: string) => ({
      name,
      kind: 'COMMERCIAL' as const,
      governanceModel: 'CONTRACT_BASED' as const,
      propertyRightsUnits: 1,
      maintenanceFund: 'ESTABLISHED' as const,
      buildings: [{ label: '1号楼', buildingClass: 'HIGH_RISE' as const, floors: 18, elevators: 2, households: 12 }],
    });
    const register = async (name: string) =>
      (
        await ok(street, COMPOUND, {
          i: {
            name,
            districtCode: '110102',
            streetCode: '110102020',
            kind: 'COMMERCIAL',
            governanceModel: 'CONTRACT_BASED',
            propertyRightsUnits: 1,
            maintenanceFund: 'ESTABLISHED',
          },
        })
      ).registerCompound.id as string;

    const keyed = await register('竞速测试一院');
    const csv = demoCompoundCsv(small('竞速测试一院'));
    const answers = await all(street, IMPORT_CSV, () => ({ c: keyed, csv, k: 'import-race-0001' }));
    expect(answers.map(codeOf)).toEqual(TEN.map(() => undefined));
    expect(new Set(answers.map((a) => JSON.stringify(a.body.data!.importCompoundCsv)))).toEqual(
      new Set([JSON.stringify({ buildingsCreated: 1, householdsCreated: 12 })]),
    );
    const households = async (compoundId: string) =>
      (
        await t.sql<{ n: number }>(
          `select count(*)::int as n from areas.household h join areas.building b on b.id = h.building_id where b.compound_id = $1`,
          [compoundId],
        )
      )[0].n;
    expect(await households(keyed)).toBe(12);
    const other = (await t.gql(street, IMPORT_CSV, {
      c: keyed,
      csv: csv.split('\n').slice(0, -2).join('\n'),
      k: 'import-race-0001',
    })) as Answer;
    expect(codeOf(other)).toBe('IDEMPOTENCY_KEY_REUSED');

    const unkeyed = await register('竞速测试二院');
    const plain = await all(street, IMPORT_CSV, () => ({ c: unkeyed, csv: demoCompoundCsv(small('竞速测试二院')) }));
    const plainCodes = plain.map(codeOf);
    expect(plainCodes.filter((c) => c === undefined)).toHaveLength(1);
    expect(plainCodes.filter((c) => c !== undefined && c !== 'BAD_USER_INPUT')).toEqual([]);
    expect(await households(unkeyed)).toBe(12);
  });

  describe('referrals and court reports', () => {
    /** Referrals of their own for the court-report tests (beforeAll): one the court dockets, one it does not. */
    let docketedReferral: string;
    let otherReferral: string;
    const referable = async (accountId: string) => {
      const [{ ids }] = await t.sql<{ ids: string[] }>(
        `select json_agg(id order by due_on) as ids from arrears.charge where account_id = $1 and not voluntary`,
        [accountId],
      );
      await ok(company, ACTION, {
        a: accountId,
        x: {
          kind: 'LETTER',
          on: addDays(today, -20),
          deliveredOn: addDays(today, -20),
          chargeIds: ids,
          note: '催缴函',
        },
      });
      await waitFor(`litigation to hold the claim of ${accountId}`, async () => {
        const [row] = await t.sql<{ claim: { demands: unknown[] } }>(
          `select claim from litigation.claim_account where account_id = $1`,
          [accountId],
        );
        return row?.claim.demands.length === 1;
      });
    };
    const referral = (accountIds: string[], idempotencyKey?: string) => ({
      r: { courtId: 'bj-xicheng-court', accountIds, evidence: EVIDENCE, mediationWaivedOn: today, idempotencyKey },
    });

    beforeAll(async () => {
      [docketedReferral, otherReferral] = await Promise.all(
        [accountIds[23], accountIds[24]].map(async (accountId) => {
          await referable(accountId);
          return ((await ok(company, REFER, referral([accountId]))).referArrears as { id: string }[])[0].id;
        }),
      );
    });

    it('referArrears: ten racing referrals under one key make one; without a key one is referred and the rest are ALREADY_REFERRED', async () => {
      await referable(accountIds[20]);
      await referable(accountIds[21]);
      const answers = await all(company, REFER, () => referral([accountIds[20]], 'referral-race-0001'));
      expect(answers.map(codeOf)).toEqual(TEN.map(() => undefined));
      const ids = new Set(answers.map((a) => (a.body.data!.referArrears as { id: string; eligible: boolean }[])[0].id));
      expect(ids.size).toBe(1);
      expect(answers[0].body.data!.referArrears).toMatchObject([{ accountId: accountIds[20], eligible: true }]);
      expect(codeOf((await t.gql(company, REFER, referral([accountIds[21]], 'referral-race-0001'))) as Answer)).toBe(
        'IDEMPOTENCY_KEY_REUSED',
      );

      const plain = await all(company, REFER, () => referral([accountIds[21]]));
      const codes = plain.map(codeOf);
      expect(codes.filter((c) => c === undefined)).toHaveLength(1);
      expect(codes.filter((c) => c !== undefined && c !== 'ALREADY_REFERRED')).toEqual([]);
      expect(plain[codes.indexOf(undefined)].body.data!.referArrears).toMatchObject([{ accountId: accountIds[21] }]);
      const rows = await t.sql<{ account_id: string; n: number }>(
        `select account_id, count(*)::int as n from litigation.referral where account_id = any($1::uuid[]) group by account_id order by account_id`,
        [[accountIds[20], accountIds[21]]],
      );
      expect(rows.map((r) => r.n)).toEqual([1, 1]);
    });

    it('reportCourtEvent: an event id re-sent with other content is EVENT_ID_REUSED, an identical re-send a silent duplicate, also when ten race', async () => {
      const docketed = (caseNumber: string) => ({
        r: {
          referralId: docketedReferral,
          kind: 'DOCKETED',
          occurredAt: `${today}T09:00:00+08:00`,
          caseNumber,
          procedure: 'SMALL_CLAIMS',
        },
        e: 'xc-race-docketed',
      });
      const answers = await all(xichengCourt, REPORT, (i) =>
        docketed(i % 2 === 0 ? '(2026)京0102民初9901号' : '(2026)京0102民初9902号'),
      );
      const codes = answers.map(codeOf);
      expect(codes.filter((c) => c !== undefined && c !== 'EVENT_ID_REUSED')).toEqual([]);
      const applied = TEN.filter((i) => codes[i] === undefined);
      expect(applied).toHaveLength(5);
      expect(new Set(applied.map((i) => i % 2)).size).toBe(1);
      const caseNumber = applied[0] % 2 === 0 ? '(2026)京0102民初9901号' : '(2026)京0102民初9902号';
      for (const i of applied)
        expect(answers[i].body.data!.reportCourtEvent).toMatchObject({ status: 'DOCKETED', caseNumber });
      // Identical again: silent; other content (another referral, another step) under the id: refused.
      expect((await ok(xichengCourt, REPORT, docketed(caseNumber))).reportCourtEvent.caseNumber).toBe(caseNumber);
      const elsewhere = (await t.gql(xichengCourt, REPORT, {
        ...docketed(caseNumber),
        r: { ...docketed(caseNumber).r, referralId: otherReferral },
      })) as Answer;
      expect(codeOf(elsewhere)).toBe('EVENT_ID_REUSED');
      const [{ n }] = await t.sql<{ n: number }>(
        `select count(*)::int as n from litigation.court_event where id = 'xc-race-docketed'`,
      );
      expect(n).toBe(1);
    });

    it('court.case-events.v1: an event id re-sent with other content is dead-lettered as EVENT_ID_REUSED; an identical re-send is silent', async () => {
      // The Xicheng court's own topic: the sender is the court the topic belongs to.
      const [xichengTopic] = await partyTopics(t, COURT_CASE_EVENTS_TOPIC, ['bj-xicheng-court']);
      const producer = rawProducer(t.brokers);
      await producer.connect();
      const send = (data: Record<string, unknown>, id: string) =>
        producer.send({
          topic: xichengTopic,
          messages: [
            asKafkaMessage(
              {
                id,
                type: COURT_CASE_EVENT_REPORTED.type,
                source: 'court:bj-xicheng',
                time: new Date().toISOString(),
                data,
              },
              otherReferral,
            ),
          ],
        });
      const docketed = {
        referralId: otherReferral,
        courtId: 'bj-xicheng-court',
        kind: 'DOCKETED',
        occurredAt: `${today}T10:00:00+08:00`,
        caseNumber: '(2026)京0102民初9903号',
        procedure: 'SMALL_CLAIMS',
      };
      try {
        await send(docketed, 'xc-kafka-docketed');
        await send({ ...docketed, caseNumber: '(2026)京0102民初9904号' }, 'xc-kafka-docketed');
        await send(docketed, 'xc-kafka-docketed');
        // A report naming another court last, on Xicheng's topic (SENDER_MISMATCH): on the same partition it comes
        // after the three above, so once it is dead-lettered, the identical re-send has been handled, and silently.
        await send({ ...docketed, courtId: 'bj-haidian-court' }, randomUUID());
        const dead = await probe.waitForCount(
          'the refused reports',
          (m) => m.topic.endsWith('litigation.dead-letter.v1'),
          2,
        );
        expect(dead.map((m) => m.headers.dlq_reason_code)).toEqual(['EVENT_ID_REUSED', 'SENDER_MISMATCH']);
      } finally {
        await producer.disconnect();
      }
      const events = await t.sql<{ id: string; details: { caseNumber: string } }>(
        `select id, details from litigation.court_event where referral_id = $1`,
        [otherReferral],
      );
      expect(events).toEqual([
        { id: 'xc-kafka-docketed', details: expect.objectContaining({ caseNumber: '(2026)京0102民初9903号' }) },
      ]);
    });

    it("keeps each court's report ids its own: another court's report under the same id is applied, by API and on Kafka", async () => {
      // Before, report ids were one key space for every court (the court_event key, and the inbox by id alone): a
      // Haidian report under an id Xicheng had used was refused as EVENT_ID_REUSED, or dead-lettered on Kafka.
      await referable(accountIds[22]);
      // Two courts hearing Xicheng's cases (Civil Procedure Law art. 24 is about territory; the ids are per court).
      await ok(
        identity('ADMIN', 'hub-operator'),
        `mutation { setCourtTerritory(courtId: "bj-haidian-court", districtCodes: ["110102", "110108"]) { courtId } }`,
      );
      const [haidianReferral] = (
        await ok(company, REFER, { r: { ...referral([accountIds[22]]).r, courtId: 'bj-haidian-court' } })
      ).referArrears as { id: string }[];
      const haidianCourt = identity('COURT', 'bj-haidian-court');
      const report = { referralId: haidianReferral.id, occurredAt: `${today}T09:30:00+08:00` };
      const byApi = await t.gql(haidianCourt, REPORT, {
        r: { ...report, kind: 'DOCKETED', caseNumber: '(2026)京0108民初9901号', procedure: 'SMALL_CLAIMS' },
        e: 'xc-race-docketed',
      });
      expect(byApi.body.errors).toBeUndefined();
      const [haidianTopic] = await partyTopics(t, COURT_CASE_EVENTS_TOPIC, ['bj-haidian-court']);
      const producer = rawProducer(t.brokers);
      await producer.connect();
      try {
        await producer.send({
          topic: haidianTopic,
          messages: [
            asKafkaMessage(
              {
                id: 'xc-kafka-docketed',
                type: COURT_CASE_EVENT_REPORTED.type,
                source: 'court:bj-haidian',
                time: new Date().toISOString(),
                data: {
                  ...report,
                  courtId: 'bj-haidian-court',
                  kind: 'HEARING_SCHEDULED',
                  occurredAt: `${today}T10:30:00+08:00`,
                  hearingOn: addDays(today, 10),
                },
              },
              haidianReferral.id,
            ),
          ],
        });
      } finally {
        await producer.disconnect();
      }
      const events = await waitFor('both Haidian reports', async () => {
        const rows = await t.sql<{ court_id: string; id: string }>(
          `select court_id, id from litigation.court_event where referral_id = $1 order by id`,
          [haidianReferral.id],
        );
        return rows.length === 2 ? rows : undefined;
      });
      expect(events).toEqual([
        { court_id: 'bj-haidian-court', id: 'xc-kafka-docketed' },
        { court_id: 'bj-haidian-court', id: 'xc-race-docketed' },
      ]);
    });
  });

  // Last: a pending amendment must not change what the tests above bill and refer.
  it('amendContract: ten racing amendments under one key file one amendment; other documents under the key are IDEMPOTENCY_KEY_REUSED', async () => {
    const key = randomUUID();
    const terms = hongjuTerms(company, firstMonth, { number: 'HJ6-RACE-01' });
    const answers = await all(company, AMEND, (i) => ({
      c: contractId,
      k: key,
      on: today,
      t: terms,
      d: document(i % 2 === 0 ? '补充协议.pdf' : '补充协议（修订）.pdf'),
    }));
    expect(answers.map(codeOf).filter((c) => c !== undefined && c !== 'IDEMPOTENCY_KEY_REUSED')).toEqual([]);
    const filed = answers.filter((a) => !a.body.errors);
    expect(filed).toHaveLength(5);
    expect(new Set(filed.map((a) => JSON.stringify(a.body.data!.amendContract))).size).toBe(1);
    expect(filed[0].body.data!.amendContract).toMatchObject({ kind: 'AMENDMENT', status: 'SUBMITTED' });
    expect(new Set(TEN.filter((i) => !answers[i].body.errors).map((i) => i % 2)).size).toBe(1);
    const [{ n }] = await t.sql<{ n: number }>(
      `select count(*)::int as n from contracts.filing where contract_id = $1 and kind = 'AMENDMENT'`,
      [contractId],
    );
    expect(n).toBe(1);
  });
});
