import { randomUUID } from 'node:crypto';
import { addMonths } from '../kernel/calendar';
import { todayInChina } from '../kernel/clock';
import { TestHub, identity, startTestHub } from './support/hub-fixture';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';

// Ten calls under one idempotency key at once, through the gateway, on the real PostgreSQL: one is applied, the
// others get its result (or IDEMPOTENCY_KEY_REUSED when their content differs); none gets INTERNAL_SERVER_ERROR.
const company = identity('PROPERTY_COMPANY', '91110102MA0000RACE');
const otherCompany = identity('PROPERTY_COMPANY', '91110102MA0000RACF');
const thisMonth = todayInChina().slice(0, 7);
const firstMonth = addMonths(thisMonth, -3);

const DRAFT = `mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }`;
const SUBMIT = `mutation($c: ID!, $k: String!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id status currentVersion } }`;
const PAY = `mutation($p: PaymentInput!) { recordPayment(payment: $p) { paymentId receiptNumber amountFen allocations { chargeId fen } } }`;
const IMPORT = `mutation($p: [PaymentInput!]!) { importPayments(payments: $p) { paymentId receiptNumber } }`;

type Answer = { body: { data?: Record<string, unknown> | null; errors?: { extensions: { code: string } }[] } };
const TEN = Array.from({ length: 10 }, (_, i) => i);
const codeOf = (res: Answer) => res.body.errors?.[0]?.extensions.code;
const document = (name: string) => [{ name, type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'b'.repeat(64) }];

describe('idempotency keys under races: ten parallel calls, one effect, one answer', () => {
  let t: TestHub;
  let areaId: string;
  let accountIds: string[];
  const { ok } = gqlExpectations(() => t);
  const all = (who: typeof company, query: string, variables: (i: number) => Record<string, unknown>) =>
    Promise.all(TEN.map((i) => t.gql(who, query, variables(i)) as Promise<Answer>));

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    ({ areaId } = await scenario(t).compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('submitFiling: ten racing submissions under one key make one filing; those with other documents are IDEMPOTENCY_KEY_REUSED', async () => {
    const { draftContract } = await ok(company, DRAFT, { a: areaId, t: hongjuTerms(company, firstMonth, { number: 'HJ6-RACE-01' }) });
    const key = randomUUID();
    // Even calls send one document, odd calls another: whichever claims the key first decides which half succeeds.
    const answers = await all(company, SUBMIT, (i) => ({ c: draftContract.id, k: key, d: document(i % 2 === 0 ? '合同.pdf' : '合同（修订）.pdf') }));
    expect(answers.map(codeOf).filter((c) => c !== undefined && c !== 'IDEMPOTENCY_KEY_REUSED')).toEqual([]);
    const filed = answers.filter((a) => !a.body.errors);
    const ids = new Set(filed.map((a) => (a.body.data!.submitFiling as { id: string }).id));
    expect(ids.size).toBe(1);
    const winners = new Set(TEN.filter((i) => !answers[i].body.errors).map((i) => i % 2));
    expect(winners.size).toBe(1);
    expect(filed).toHaveLength(5);
    const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from contracts.filing_version where company_id = $1 and idempotency_key = $2`, [company.organisationId, key]);
    expect(n).toBe(1);

    // A later retry of the winning request gets the same filing.
    const winner = [...winners][0];
    const retry = await ok(company, SUBMIT, { c: draftContract.id, k: key, d: document(winner === 0 ? '合同.pdf' : '合同（修订）.pdf') });
    expect(retry.submitFiling.id).toBe([...ids][0]);

    await ok(GUANGWAI_OFFICE, `mutation($f: ID!) { acceptFiling(filingId: $f, version: 1) { id } }`, { f: [...ids][0] });
    await waitFor('arrears to hold the accepted filing', async () =>
      (await t.sql<{ n: number }>(`select count(*)::int as n from arrears.filing_snapshot where filing_id = $1 and status = 'ACCEPTED'`, [[...ids][0]]))[0].n === 1,
    );
    await scenario(t).billedMonths(company, areaId, [firstMonth, addMonths(firstMonth, 1)]);
    accountIds = (await t.sql<{ id: string }>(`select id from arrears.account where company_id = $1 order by household_id`, [company.organisationId])).map((r) => r.id);
    expect(accountIds.length).toBeGreaterThan(20);
  });

  it('recordPayment: ten identical retries racing get one receipt; the payment is recorded once', async () => {
    const payment = { accountId: accountIds[0], amountFen: 1_000, paidOn: todayInChina(), method: 'WECHAT_PAY', idempotencyKey: randomUUID() };
    const answers = await all(company, PAY, () => ({ p: payment }));
    expect(answers.map(codeOf)).toEqual(TEN.map(() => undefined));
    const receipts = answers.map((a) => a.body.data!.recordPayment as { paymentId: string; receiptNumber: string; amountFen: number });
    expect(new Set(receipts.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(receipts[0].amountFen).toBe(1_000);
    const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from arrears.payment where idempotency_key = $1`, [payment.idempotencyKey]);
    expect(n).toBe(1);
  });

  it('recordPayment: ten racing calls under one key with two amounts: one amount gets the receipt, the other IDEMPOTENCY_KEY_REUSED', async () => {
    const key = randomUUID();
    const answers = await all(company, PAY, (i) => ({ p: { accountId: accountIds[1], amountFen: i % 2 === 0 ? 2_000 : 3_000, paidOn: todayInChina(), method: 'CASH', idempotencyKey: key } }));
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c !== undefined && c !== 'IDEMPOTENCY_KEY_REUSED')).toEqual([]);
    const paid = TEN.filter((i) => codes[i] === undefined);
    expect(paid).toHaveLength(5);
    expect(new Set(paid.map((i) => i % 2)).size).toBe(1);
    expect(new Set(paid.map((i) => (answers[i].body.data!.recordPayment as { receiptNumber: string }).receiptNumber)).size).toBe(1);
    const rows = await t.sql<{ amount_fen: number }>(`select amount_fen from arrears.payment where idempotency_key = $1`, [key]);
    expect(rows.map((r) => r.amount_fen)).toEqual([paid[0] % 2 === 0 ? 2_000 : 3_000]);
  });

  it('importPayments: ten racing imports of one statement record each line once; keys are per company', async () => {
    const lines = accountIds.slice(2, 6).map((accountId, i) => ({ accountId, amountFen: 500 + i, paidOn: todayInChina(), method: 'BANK_TRANSFER', idempotencyKey: `stmt-line-${i}` }));
    // Half the imports send the lines in another order: claims are taken in key order, so they cannot deadlock.
    const answers = await all(company, IMPORT, (i) => ({ p: i % 2 === 0 ? lines : [...lines].reverse() }));
    expect(answers.map(codeOf)).toEqual(TEN.map(() => undefined));
    const byKey = (a: Answer, i: number) => {
      const receipts = a.body.data!.importPayments as { receiptNumber: string }[];
      return (i % 2 === 0 ? receipts : [...receipts].reverse()).map((r) => r.receiptNumber);
    };
    expect(new Set(answers.map((a, i) => JSON.stringify(byKey(a, i)))).size).toBe(1);
    const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from arrears.payment where idempotency_key like 'stmt-line-%'`);
    expect(n).toBe(4);
    // Another company's key space is its own: the same key there is another payment (here refused: not its account).
    const foreign = (await t.gql(otherCompany, PAY, { p: { ...lines[0] } })) as Answer;
    expect(codeOf(foreign)).toBe('NOT_FOUND');
  });

  it('receipt numbers have no gaps, however many requests lost a race or were rolled back', async () => {
    // An import whose last line is refused rolls back after numbering its first lines.
    const refused = (await t.gql(company, IMPORT, {
      p: [
        { accountId: accountIds[7], amountFen: 100, paidOn: todayInChina(), method: 'CASH', idempotencyKey: randomUUID() },
        { accountId: accountIds[8], amountFen: 100, paidOn: todayInChina(), method: 'CASH', idempotencyKey: randomUUID(), designatedChargeIds: [randomUUID()] },
      ],
    })) as Answer;
    expect(codeOf(refused)).toBeDefined();
    expect(codeOf(refused)).not.toBe('INTERNAL_SERVER_ERROR');
    await ok(company, PAY, { p: { accountId: accountIds[9], amountFen: 100, paidOn: todayInChina(), method: 'CASH', idempotencyKey: randomUUID() } });
    const numbers = (await t.sql<{ receipt_number: string }>(`select receipt_number from arrears.payment`)).map((r) => Number(r.receipt_number.split('-')[1])).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers.length).toBe(1 + 1 + 4 + 1);
  });
});
