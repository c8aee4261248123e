import { Client } from 'pg';
import { addDays, addMonths, addYears } from '../kernel/calendar';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { pdfText } from './support/pdf-text';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';
import { connectedClient } from './support/db-client';

// A contract whose late fee is monthly and whose clause the provider entered: the terms travel from the contracts
// subgraph (GraphQL input, storage, contracts.filings.v1) to arrears (the fee charged) and litigation (the case
// package), and the court's complaint states them. The clause is a test's, not a seed's.
const today = pinTestToday('2026-12-01');
const thisMonth = today.slice(0, 7);
const firstMonth = addMonths(thisMonth, -8);
const billed = [addMonths(thisMonth, -5), addMonths(thisMonth, -4)];
/** The month the amendment is billed in, accepted on its first day; the contract was filed and accepted before it. */
const later = addMonths(thisMonth, -3);
const acceptedOn = `${addMonths(thisMonth, -6)}-15`;
const CLAUSE =
  '业主逾期交纳物业服务费的，每逾期一个月，按欠费金额的百分之一支付违约金，违约金总额不超过欠费金额的百分之二十。';
const LATE_FEE = { monthlyRatePerTenThousand: 100, graceDays: 0, capPercentOfPrincipal: 20, clauseText: CLAUSE };

const company = identity('PROPERTY_COMPANY', '91110102MA0000LFMO');
const competitor = identity('PROPERTY_COMPANY', '91110102MA0000LFMP');
const xichengCourt = identity('COURT', 'bj-xicheng-court', ['110102']);
const haidianCourt = identity('COURT', 'bj-haidian-court', ['110108']);

const LATE_FEE_FIELDS = 'dailyRatePerTenThousand monthlyRatePerTenThousand graceDays capPercentOfPrincipal clauseText';
const DOCUMENTS = `query($id: ID!) { referral(id: $id) { id packages { version canonicalJson } documents { kind sha256 contentBase64 } } }`;

describe('litigation: monthly late-fee terms and the clause, from the contract to the court’s complaint', () => {
  let t: TestHub;
  let db: Client;
  let accountId: string;
  let chargeIds: string[];
  let contractId: string;
  let areaId: string;
  const { ok, fails } = gqlExpectations(() => t);
  /** The court's documents of a referral, once the owners' register knows it (until then they wait for it). */
  const courtDocuments = async (referralId: string) =>
    (
      await waitFor('the complaint, once the register knows the referral', async () => {
        const res = await t.gql(xichengCourt, DOCUMENTS, { id: referralId });
        const code = res.body.errors?.[0]?.extensions?.code;
        if (code && code !== 'DEFENDANT_IDENTITY_PENDING') throw new Error(`documents refused: ${code}`);
        return code ? undefined : res.body.data;
      })
    ).referral;

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation'] });
    db = await connectedClient(t.databaseUrl);
    const given = scenario(t);
    await given.courts();
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    const terms = hongjuTerms(company, firstMonth, {
      number: 'HJ6-LFM-01',
      endsOn: addDays(addYears(`${firstMonth}-01`, 3), -1),
      lateFee: LATE_FEE,
    });
    // Filed late and accepted in June; the amendment (below) is accepted on 1 September. Before, both were accepted on
    // 1 December, and September was billed at the amendment's rate only because the two versions of that day tied
    // (laterVersionSql): a month that began before either acceptance takes the contract's first version.
    pinTestToday(acceptedOn);
    ({ contractId } = await given.acceptedFiling(company, areaId, terms, { knownTo: ['arrears', 'litigation'] }));
    pinTestToday(today);
    await given.billedMonths(company, areaId, billed);
    // owner-1's flat, 1号楼 101: 113.50 m² in the demo's CSV (demoCompoundCsv), so a month at ¥1.00/m² is 11,350 fen.
    const { rows } = await db.query(
      `select a.id, json_agg(c.id order by c.due_on) as charge_ids from arrears.account a join arrears.charge c on c.account_id = a.id
         join arrears.billable_household h on h.household_id = a.household_id
        where a.area_id = $1 and a.company_id = $2 and h.owner_reference = 'owner-1' group by a.id`,
      [areaId, company.organisationId],
    );
    expect(rows).toHaveLength(1);
    [accountId, chargeIds] = [rows[0].id, rows[0].charge_ids];
  });

  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  it('keeps the monthly rate and the clause with the contract, and refuses two rates at once', async () => {
    const { contract } = await ok(
      company,
      `query($id: ID!) { contract(id: $id) { terms { lateFee { ${LATE_FEE_FIELDS} } } } }`,
      { id: contractId },
    );
    expect(contract.terms.lateFee).toEqual({ ...LATE_FEE, dailyRatePerTenThousand: null });
    // The filing feed carried them: litigation's snapshot of contracts.filings.v1 holds the terms as published.
    const { rows } = await db.query(
      `select terms->'lateFee' as late_fee from litigation.filing_snapshot where contract_id = $1`,
      [contractId],
    );
    expect(rows.map((r) => r.late_fee)).toEqual([LATE_FEE]);

    // Drafting keeps what is entered; filing refuses late-fee terms with two rates, with every problem at once.
    const { draftContract } = await ok(
      company,
      `mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }`,
      {
        a: areaId,
        t: hongjuTerms(company, thisMonth, {
          number: 'HJ6-LFM-02',
          lateFee: { ...LATE_FEE, dailyRatePerTenThousand: 5 },
        }),
      },
    );
    const refused = await fails(
      company,
      `mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id } }`,
      {
        c: draftContract.id,
        k: 'lfm-two-rates',
        d: [{ name: '物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'a'.repeat(64) }],
      },
    );
    expect(refused.extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.extensions.details?.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'INVALID_LATE_FEE_TERMS', field: 'lateFee' })]),
    );
  });

  it('charges the monthly rate per full month, and the package and the court’s complaint state it with the clause', async () => {
    const { arrearsAccount } = await ok(
      company,
      `query($id: ID!) { arrearsAccount(id: $id) { charges { month dueOn amountFen lateFeeFen } } }`,
      { id: accountId },
    );
    // By hand, as of 2026-12-01: each month falls due on its last day and, with 0 days' grace, the fee runs from
    // then; a full month ends on the corresponding day (Civil Code art. 202). July's charge (due 07-31) has 4 full
    // months (08-31, 09-30, 10-31, 11-30), August's (due 08-31) 3. 11,350 fen × 100/10,000 × 4 = 454 fen;
    // × 3 = 340.5, rounded half up to 341 fen. The cap, 20% of 11,350 = 2,270 fen, is not reached. Together 795 fen.
    expect(arrearsAccount.charges).toEqual([
      { month: '2026-07', dueOn: '2026-07-31', amountFen: 11_350, lateFeeFen: 454 },
      { month: '2026-08', dueOn: '2026-08-31', amountFen: 11_350, lateFeeFen: 341 },
    ]);
    const penaltyFen = 454 + 341;

    await ok(
      company,
      `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`,
      {
        a: accountId,
        x: { kind: 'LETTER', on: addDays(today, -20), deliveredOn: addDays(today, -20), chargeIds, note: '催缴函' },
      },
    );
    await waitFor('litigation to hold the demanded claim', async () => {
      const { rows } = await db.query(`select claim from litigation.claim_account where account_id = $1`, [accountId]);
      return rows[0]?.claim?.demands.length === 1;
    });
    const { referArrears } = await ok(
      company,
      `mutation($r: ReferralInput!) { referArrears(referral: $r) { id eligible packages { canonicalJson } } }`,
      {
        r: {
          courtId: 'bj-xicheng-court',
          accountIds: [accountId],
          evidence: [{ name: '物业服务合同.pdf', type: 'CONTRACT', sha256: 'c'.repeat(64) }],
          mediationWaivedOn: addDays(today, -5),
        },
      },
    );
    const [referral] = referArrears;
    expect(referral.eligible).toBe(true);
    const pkg = JSON.parse(referral.packages[0].canonicalJson);
    expect(pkg.lateFeeTerms).toEqual(LATE_FEE);
    expect(pkg.claims.penaltyTotalFen).toBe(penaltyFen);
    expect(pkg.penaltyLines.map((l: { computation: string }) => l.computation)).toEqual(
      billed.map(() => expect.stringContaining("100/10,000 a full month after 0 days' grace")),
    );

    // The owners' register learns of the referral from its event; until then the court's documents wait for it.
    const read = await courtDocuments(referral.id);
    const pdf = read.documents.find((d: { kind: string }) => d.kind === 'COMPLAINT_PDF');
    const text = await pdfText(Buffer.from(pdf.contentBase64, 'base64'));
    expect(text).toContain('按欠付物业费每月万分之100支付违约金');
    expect(text).toContain(`合同条款原文：“${CLAUSE}”`);
    expect(text).toContain('月万分之100×逾期整月数');
    expect(text).toContain('约定管辖和诉前保全');
    expect(read.documents.map((d: { kind: string }) => d.kind)).toEqual(
      expect.arrayContaining(['COMPLAINT_PDF', 'COMPLAINT_DOCX']),
    );

    // One file at a time: a client lists the documents, then asks for each file's bytes in a request of its own (a
    // request's whole files are bounded, so a referral with much evidence could not be read in one).
    const ONE = `query($id: ID!, $s: Key) { referral(id: $id) { documents(sha256: $s) { kind sha256 contentBase64 } } }`;
    expect((await ok(xichengCourt, ONE, { id: referral.id, s: pdf.sha256 })).referral.documents).toEqual([
      { kind: 'COMPLAINT_PDF', sha256: pdf.sha256, contentBase64: pdf.contentBase64 },
    ]);
    expect((await ok(xichengCourt, ONE, { id: referral.id, s: '0'.repeat(64) })).referral.documents).toEqual([]);
    // the referring company is not given the complaint by its digest either
    expect((await ok(company, ONE, { id: referral.id, s: pdf.sha256 })).referral.documents).toEqual([]);

    // Another court and a competitor see nothing of it.
    expect((await fails(haidianCourt, ONE, { id: referral.id, s: pdf.sha256 })).extensions.code).toBe('NOT_FOUND');
    expect((await fails(haidianCourt, DOCUMENTS, { id: referral.id })).extensions.code).toBe('NOT_FOUND');
    expect((await fails(competitor, DOCUMENTS, { id: referral.id })).extensions.code).toBe('NOT_FOUND');
  });
  it('states each standard an amendment brought for the months billed under it, and refers such an account', async () => {
    // A test amendment, not a seed's: from its acceptance the owner rate is ¥1.20 and the late fee 5/10,000 a day.
    const amendedFee = { dailyRatePerTenThousand: 5, graceDays: 30, capPercentOfPrincipal: null };
    const terms = hongjuTerms(company, firstMonth, {
      number: 'HJ6-LFM-01',
      endsOn: addDays(addYears(`${firstMonth}-01`, 3), -1),
      lateFee: amendedFee,
      feeSchedule: {
        classes: [
          { buildingClass: 'LOW_RISE', assessedRateFenPerM2Month: 178, ownerRateFenPerM2Month: 120, subsidies: [] },
        ],
      },
    });
    // Amended, filed and accepted on 1 September: the amendment is in force from that month.
    const amendedOn = pinTestToday(`${later}-01`);
    const { amendContract } = await ok(
      company,
      `mutation($c: ID!, $k: Key!, $on: LocalDate!, $t: ContractTermsInput!, $d: [FilingDocumentInput!]!) { amendContract(contractId: $c, idempotencyKey: $k, amendedOn: $on, terms: $t, documents: $d) { id } }`,
      {
        c: contractId,
        k: 'lfm-amendment',
        on: amendedOn,
        t: terms,
        d: [{ name: '补充协议.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'd'.repeat(64) }],
      },
    );
    await ok(GUANGWAI_OFFICE, `mutation($f: ID!) { acceptFiling(filingId: $f, version: 1) { id } }`, {
      f: amendContract.id,
    });
    pinTestToday(today);
    for (const schema of ['arrears', 'litigation'])
      await waitFor(`${schema} to hold the amendment`, async () => {
        const { rows } = await db.query(
          `select 1 from ${schema}.filing_snapshot where filing_id = $1 and status = 'ACCEPTED'`,
          [amendContract.id],
        );
        return rows.length === 1;
      });
    await scenario(t).billedMonths(company, areaId, [later]);
    const { rows } = await db.query(
      `select a.id, json_agg(c.id order by c.due_on) as charge_ids, json_agg(c.filing_id order by c.due_on) as filings
         from arrears.account a join arrears.charge c on c.account_id = a.id
        where a.area_id = $1 and a.company_id = $2 and a.id <> $3 group by a.id, a.household_id order by a.household_id limit 1`,
      [areaId, company.organisationId, accountId],
    );
    const [other] = rows;
    // The first two months under the contract as first filed, the third under the amendment.
    expect(new Set(other.filings.slice(0, 2)).size).toBe(1);
    expect(other.filings[2]).toBe(amendContract.id);
    await ok(
      company,
      `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`,
      {
        a: other.id,
        x: {
          kind: 'LETTER',
          on: addDays(today, -20),
          deliveredOn: addDays(today, -20),
          chargeIds: other.charge_ids,
          note: '催缴函',
        },
      },
    );
    await waitFor('litigation to hold the demanded claim', async () => {
      const claims = await db.query(`select claim from litigation.claim_account where account_id = $1`, [other.id]);
      return claims.rows[0]?.claim?.demands.length === 1 && claims.rows[0].claim.charges.length === 3;
    });
    // Before, the package took the latest month's rate for all three and was refused as inconsistent
    // (RATE_MISMATCH), and with it every account of the request.
    const { referArrears } = await ok(
      company,
      `mutation($r: ReferralInput!) { referArrears(referral: $r) { id eligible packages { canonicalJson } } }`,
      {
        r: {
          courtId: 'bj-xicheng-court',
          accountIds: [other.id],
          evidence: [{ name: '物业服务合同.pdf', type: 'CONTRACT', sha256: 'c'.repeat(64) }],
          mediationWaivedOn: addDays(today, -5),
        },
      },
    );
    const [referral] = referArrears;
    expect(referral.eligible).toBe(true);
    const pkg = JSON.parse(referral.packages[0].canonicalJson);
    expect(
      pkg.feeStandards.map(
        (s: { fromMonth: string; toMonth: string; rateFenPerM2Month: number; lateFeeTerms: unknown }) => [
          s.fromMonth,
          s.toMonth,
          s.rateFenPerM2Month,
          s.lateFeeTerms,
        ],
      ),
    ).toEqual([
      [billed[0], billed[1], 100, LATE_FEE],
      [later, later, 120, amendedFee],
    ]);
    const read = await courtDocuments(referral.id);
    const pdf = read.documents.find((d: { kind: string }) => d.kind === 'COMPLAINT_PDF');
    const text = (await pdfText(Buffer.from(pdf.contentBase64, 'base64'))).replace(/\s+/g, '');
    expect(text).toContain('1.00元/平方米/月');
    expect(text).toContain('1.20元/平方米/月');
    expect(text).toContain('按欠付物业费每月万分之100支付违约金');
    expect(text).toContain('按欠付物业费每日万分之5支付违约金');
  });
});
