import { rejection } from '../../../test/support/rejection';
import { DomainError } from '../../../kernel/errors';
import {
  MAX_PAYMENTS_PER_IMPORT,
  PaymentInput,
  assertSameRequest,
  checkDistinctKeys,
  checkImportSize,
  paidInto,
  paymentLineError,
  preparePayment,
  receiptNumber,
  receiptYear,
  reversePayment,
} from './payment';

const payment: PaymentInput = {
  accountId: 'a',
  amountFen: 9_482,
  paidOn: '2024-03-01',
  method: 'WECHAT_PAY',
  purpose: 'SERVICE_FEE',
  idempotencyKey: ' k1 ',
};

describe('payments', () => {
  it('numbers receipts by year and sequence', () => {
    expect(receiptNumber('2026-11-30', 42)).toBe('R2026-00000042');
    expect(receiptNumber('2027-01-01', 123_456_789)).toBe('R2027-123456789');
    // Numbered among the receipts of the China day's year: the last day of a year and the first of the next.
    expect([receiptYear('2026-12-31'), receiptYear('2027-01-01')]).toEqual([2026, 2027]);
  });

  it('trims the idempotency key and gives the same request the same digest, another request another', () => {
    const first = preparePayment(payment, '2024-03-01');
    expect(first.key).toBe('k1');
    expect(
      preparePayment({ ...payment, idempotencyKey: 'k1', levyId: null, designatedChargeIds: [] }, '2024-03-01').digest,
    ).toBe(first.digest);
    const other = preparePayment({ ...payment, amountFen: 9_483 }, '2024-03-01');
    expect(other.digest).not.toBe(first.digest);
    expect(rejection(() => assertSameRequest(other, first.digest)).code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(() => assertSameRequest(first, first.digest)).not.toThrow();
  });

  it('designates at most 500 charges (26,000 were compared with each other, and each refused by name)', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `c-${i}`);
    expect(preparePayment({ ...payment, designatedChargeIds: ids(500) }, '2024-03-01').key).toBe('k1');
    const error = rejection(() => preparePayment({ ...payment, designatedChargeIds: ids(26_000) }, '2024-03-01'));
    expect([error.code, error.details?.fields]).toEqual([
      'BAD_USER_INPUT',
      { designatedChargeIds: 'designate at most 500 charges' },
    ]);
  });

  it('names every bad field of a payment at once', () => {
    const error = rejection(() =>
      preparePayment(
        { ...payment, amountFen: 0, paidOn: '2024-03-02', method: 'CHEQUE', purpose: 'LEVY', idempotencyKey: ' ' },
        '2024-03-01',
      ),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.details?.fields as object).sort()).toEqual([
      'amountFen',
      'idempotencyKey',
      'levyId',
      'method',
      'paidOn',
    ]);
  });

  it('takes imports of 1 to 1,000 lines with distinct keys, naming the bad line of a batch', () => {
    expect(rejection(() => checkImportSize(0)).code).toBe('BAD_USER_INPUT');
    expect(rejection(() => checkImportSize(MAX_PAYMENTS_PER_IMPORT + 1)).code).toBe('BAD_USER_INPUT');
    const line = preparePayment(payment, '2024-03-01');
    expect(rejection(() => checkDistinctKeys([line, line])).details?.problems).toEqual([
      { code: 'DUPLICATE_IDEMPOTENCY_KEY', idempotencyKey: 'k1' },
    ]);
    const error = new DomainError('NOT_FOUND', 'Arrears account a was not found', { id: 'a' });
    expect(paymentLineError(2, 3, error)).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Payment 3: Arrears account a was not found',
      details: { id: 'a', index: 2 },
    });
    expect(paymentLineError(0, 1, error)).toBe(error);
  });

  it("puts fees into the company's account and a levy into its own", () => {
    expect(paidInto(null)).toBe('PROPERTY_SERVICE_FEES');
    expect(paidInto('润枫欣尚业主委员会专项账户')).toBe('润枫欣尚业主委员会专项账户');
  });
});

describe('reversing a payment', () => {
  // A payment of ¥300.00: ¥120.00 to January, ¥100.00 to February, ¥80.00 held as credit, of which ¥50.00 later paid March.
  const recorded = {
    paymentId: 'p1',
    accountId: 'a1',
    receiptNumber: 'R2026-00000001',
    amountFen: 30_000,
    creditFen: 8_000,
    reversedOn: null,
  };
  const allocated = [
    { chargeId: 'jan', fen: 12_000 },
    { chargeId: 'feb', fen: 10_000 },
  ];
  const credited = [{ chargeId: 'mar', fen: 5_000 }];

  it('takes back what it paid of each charge, through its credit too, and the credit still held', () => {
    expect(reversePayment(recorded, allocated, credited, ' 银行退票 ')).toEqual({
      charges: [
        { chargeId: 'jan', fen: 12_000 },
        { chargeId: 'feb', fen: 10_000 },
        { chargeId: 'mar', fen: 5_000 },
      ],
      heldCreditFen: 3_000,
      reason: '银行退票',
    });
  });

  it('reverses a payment once, and only with a reason', () => {
    const again = rejection(() => reversePayment({ ...recorded, reversedOn: '2026-12-01' }, allocated, credited, 'x'));
    expect([again.code, again.details]).toEqual([
      'PAYMENT_ALREADY_REVERSED',
      { paymentId: 'p1', reversedOn: '2026-12-01' },
    ]);
    for (const reason of ['  ', 'x'.repeat(501)])
      expect(rejection(() => reversePayment(recorded, allocated, credited, reason)).code).toBe('BAD_USER_INPUT');
  });
});
