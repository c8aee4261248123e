import { IsoDate, compareDates, isIsoDate } from '../../../kernel/calendar';
import { canonicalJson, sha256Hex } from '../../../kernel/canonical-json';
import { DomainError, InvalidInputError } from '../../../kernel/errors';
import { MAX_REVERSAL_REASON, type ChargeKind } from '../../../catalog';
import { arrearsError } from './errors';
import type { AppliedAmount } from './allocation';
import type { Fen } from '../../../kernel/money';
import { MAX_NAMED_IDS } from './charge';

/**
 * A payment as the company records it: an amount paid on a day by some method, for the monthly fees or for one
 * levy, optionally designating the charges it is for (allocation.ts applies it). The idempotency key makes a retry
 * return the first receipt; a bank's daily statement arrives as a batch of these (at most MAX_PAYMENTS_PER_IMPORT).
 */
export const PAYMENT_METHODS = ['CASH', 'BANK_TRANSFER', 'WECHAT_PAY', 'ALIPAY', 'CARD', 'OTHER'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type PaymentPurpose = ChargeKind;

export const MAX_PAYMENTS_PER_IMPORT = 1000;

export interface PaymentInput {
  accountId: string;
  amountFen: number;
  paidOn: string;
  method: string;
  purpose: PaymentPurpose;
  levyId?: string | null;
  designatedChargeIds?: string[] | null;
  payerReference?: string | null;
  idempotencyKey: string;
}

/** A payment checked, with its idempotency key trimmed and the digest a retry under that key must match. */
export interface PreparedPayment {
  input: PaymentInput;
  key: string;
  digest: string;
}

function checkPaymentInput(input: PaymentInput, today: IsoDate): void {
  const fields: Record<string, string> = {};
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0)
    fields.amountFen = 'a payment must be whole fen, more than 0';
  if (!isIsoDate(input.paidOn)) fields.paidOn = 'a YYYY-MM-DD calendar date';
  else if (compareDates(input.paidOn, today) > 0) fields.paidOn = `not after today (${today})`;
  if (!(PAYMENT_METHODS as readonly string[]).includes(input.method))
    fields.method = `one of ${PAYMENT_METHODS.join(', ')}`;
  if ((input.designatedChargeIds?.length ?? 0) > MAX_NAMED_IDS)
    fields.designatedChargeIds = `designate at most ${MAX_NAMED_IDS} charges`;
  if (input.purpose === 'LEVY' && !input.levyId) fields.levyId = 'name the levy paid';
  if (input.purpose === 'SERVICE_FEE' && input.levyId) fields.levyId = 'a service-fee payment names no levy';
  if (
    typeof input.idempotencyKey !== 'string' ||
    input.idempotencyKey.trim() === '' ||
    input.idempotencyKey.length > 200
  ) {
    fields.idempotencyKey = '1–200 characters, the same on every retry of this payment';
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The payment is invalid', { fields });
}

/** Checks the payment (BAD_USER_INPUT naming every bad field) and fixes its idempotency key and digest. */
export function preparePayment(input: PaymentInput, today: IsoDate): PreparedPayment {
  checkPaymentInput(input, today);
  const key = input.idempotencyKey.trim();
  const digest = sha256Hex(
    canonicalJson({
      ...input,
      idempotencyKey: key,
      designatedChargeIds: input.designatedChargeIds ?? [],
      levyId: input.levyId ?? null,
      payerReference: input.payerReference ?? null,
    }),
  );
  return { input, key, digest };
}

/** An import holds 1 to MAX_PAYMENTS_PER_IMPORT lines. */
export function checkImportSize(lines: number): void {
  if (lines === 0 || lines > MAX_PAYMENTS_PER_IMPORT) {
    throw new InvalidInputError(`An import holds 1–${MAX_PAYMENTS_PER_IMPORT} payments`, {
      fields: { payments: `1–${MAX_PAYMENTS_PER_IMPORT} payments` },
    });
  }
}

/** No idempotency key twice in one import: the second line would silently return the first one's receipt. */
export function checkDistinctKeys(prepared: readonly PreparedPayment[]): void {
  const keys = prepared.map((p) => p.key);
  const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (repeated.length > 0)
    throw new InvalidInputError('An import names an idempotency key twice', {
      problems: repeated.map((idempotencyKey) => ({ code: 'DUPLICATE_IDEMPOTENCY_KEY', idempotencyKey })),
    });
}

/** IDEMPOTENCY_KEY_REUSED when a key recorded earlier came with another request than this one. */
export function assertSameRequest(prepared: PreparedPayment, recordedDigest: string): void {
  if (recordedDigest !== prepared.digest) {
    throw arrearsError(
      'IDEMPOTENCY_KEY_REUSED',
      `Idempotency key ${prepared.key} was already used for a different payment`,
      { idempotencyKey: prepared.key },
    );
  }
}

/** The year whose receipts a payment recorded on `today` (China's calendar day) is numbered among. */
export const receiptYear = (today: IsoDate): number => Number(today.slice(0, 4));

/**
 * The receipt number of a company's `sequence`th receipt of the year of the day it is recorded: R2026-00000042. Each
 * company numbers its own receipts, starting again each year; a number is unique within its company.
 */
export function receiptNumber(today: IsoDate, sequence: number): string {
  return `R${receiptYear(today)}-${String(sequence).padStart(8, '0')}`;
}

/** The error of one line of an import, naming the line (index from 0) unless the import is a single payment. */
export function paymentLineError(index: number, lines: number, error: unknown): unknown {
  return lines > 1 && error instanceof DomainError
    ? new DomainError(error.code, `Payment ${index + 1}: ${error.message}`, { ...error.details, index })
    : error;
}

/** Where a payment went: the company's fee account, or the levy's separate account (seed 002: the committee's). */
export const paidInto = (levyAccountName: string | null): string => levyAccountName ?? 'PROPERTY_SERVICE_FEES';

/** What the payer is given: the receipt number, where the money went and which charges it paid. */
export interface Receipt {
  paymentId: string;
  receiptNumber: string;
  accountId: string;
  purpose: PaymentPurpose;
  levyId: string | null;
  /** The company's fee account, or the levy's separate account (seed 002: the committee's). */
  paidInto: string;
  amountFen: number;
  creditFen: number;
  paidOn: IsoDate;
  method: string;
  allocations: { chargeId: string; month: string; fen: number }[];
  recordedAt: Date;
  /** The day it was reversed, recorded in error (reversePayment); null while it stands. */
  reversedOn: IsoDate | null;
}

/** A receipt as a request to record payments answers it: `replayed` when an earlier request had recorded it. */
export interface IssuedReceipt extends Receipt {
  replayed: boolean;
}

/** A payment as recorded, with what reversing it needs to know. */
export interface RecordedPayment {
  paymentId: string;
  accountId: string;
  receiptNumber: string;
  amountFen: Fen;
  /** What no charge took when it was recorded: held by the account, and set against later charges since. */
  creditFen: Fen;
  reversedOn: IsoDate | null;
}

/** What reversing a payment takes back: from each charge, what it paid of it, and the credit the account still holds of it. */
export interface PaymentReversal {
  charges: AppliedAmount[];
  heldCreditFen: Fen;
  reason: string;
}

/**
 * Reverses a payment recorded in error (a bank transfer returned, money of another account, a typo in the amount):
 * each charge it paid, at once or later through its credit (`credited`), owes that amount again, and the part of its
 * credit still held is taken from the account. PAYMENT_ALREADY_REVERSED when it was; BAD_USER_INPUT without a reason.
 * The receipt stays in the ledger, marked reversed: a company's receipts of a year keep their numbers without gaps.
 */
export function reversePayment(
  payment: RecordedPayment,
  allocated: readonly AppliedAmount[],
  credited: readonly AppliedAmount[],
  reason: string,
): PaymentReversal {
  if (payment.reversedOn !== null)
    throw arrearsError(
      'PAYMENT_ALREADY_REVERSED',
      `Payment ${payment.receiptNumber} was reversed on ${payment.reversedOn}`,
      {
        paymentId: payment.paymentId,
        reversedOn: payment.reversedOn,
      },
    );
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed === '' || trimmed.length > MAX_REVERSAL_REASON)
    throw new InvalidInputError('Say why the payment is reversed', {
      fields: { reason: `1–${MAX_REVERSAL_REASON} characters: why the payment is reversed` },
    });
  const byCharge = new Map<string, Fen>();
  for (const a of [...allocated, ...credited]) byCharge.set(a.chargeId, (byCharge.get(a.chargeId) ?? 0) + a.fen);
  const creditSpent = credited.reduce((sum, a) => sum + a.fen, 0);
  const heldCreditFen = payment.creditFen - creditSpent;
  const allocatedFen = allocated.reduce((sum, a) => sum + a.fen, 0);
  if (heldCreditFen < 0 || allocatedFen + payment.creditFen !== payment.amountFen)
    throw new Error(`payment ${payment.paymentId}: its allocations and credit do not add up to its amount`);
  return {
    charges: [...byCharge].map(([chargeId, fen]) => ({ chargeId, fen })),
    heldCreditFen,
    reason: trimmed,
  };
}
