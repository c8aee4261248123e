import { isIsoDate } from '../../kernel/calendar';
import { CsvRecord, parseCsv } from '../../kernel/csv';
import { parseYuan } from '../../kernel/money';
import type { PaymentInput, PaymentMethod } from './gql/graphql';

/**
 * A bank's or payment platform's statement as CSV, read into the API's `importPayments` lines. The hub records a
 * batch all or nothing and at most MAX_PAYMENTS lines; the console checks every line first and sends nothing while
 * one is bad, listing them all (the hub itself names only the first bad payment it meets).
 */
export const MAX_PAYMENTS = 1000;
export const PAYMENT_COLUMNS = ['account_id', 'amount_yuan', 'paid_on', 'method'] as const;
export const OPTIONAL_PAYMENT_COLUMNS = ['payer_reference', 'purpose', 'levy_id', 'idempotency_key'] as const;

/** The methods by their API code or their Chinese name. */
const METHODS: Record<string, PaymentMethod> = {
  CASH: 'CASH',
  现金: 'CASH',
  BANK_TRANSFER: 'BANK_TRANSFER',
  银行转账: 'BANK_TRANSFER',
  WECHAT_PAY: 'WECHAT_PAY',
  微信支付: 'WECHAT_PAY',
  ALIPAY: 'ALIPAY',
  支付宝: 'ALIPAY',
  CARD: 'CARD',
  银行卡: 'CARD',
  OTHER: 'OTHER',
  其他: 'OTHER',
};

/** The API's field of a payment → the file's column, so that the hub's refusal names the column the clerk wrote. */
export const COLUMN_OF_FIELD: Record<string, string> = {
  accountId: 'account_id',
  amountFen: 'amount_yuan',
  paidOn: 'paid_on',
  method: 'method',
  purpose: 'purpose',
  levyId: 'levy_id',
  payerReference: 'payer_reference',
  idempotencyKey: 'idempotency_key',
};

export interface BadLine {
  line: number;
  field: string;
  problem: string;
}

/**
 * The file's records (kernel/csv.ts, the reader the hub's own imports use), with the line each starts on; a line of
 * empty fields is no record.
 */
export function csvRecords(text: string): CsvRecord[] {
  return parseCsv(text).filter((r) => r.fields.some((f) => f !== ''));
}

/** Commas only as thousands separators: 1,409.50 and 12,345,678 yes; 12,5 (a decimal comma) or 1,40 no. */
const THOUSANDS = /^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?$/;

/**
 * 1,409.5 or 1409.50 yuan → whole fen (kernel/money.ts parseYuan, thousands separators allowed); else undefined.
 * Before, every comma was dropped: a decimal comma's 12,5 became ¥125.00 instead of being refused.
 */
export function fenOfYuan(text: string): number | undefined {
  if (text.includes(',') && !THOUSANDS.test(text.trim())) return undefined;
  return parseYuan(text.replace(/,/g, ''));
}

/** What the console's key for a line without one is made of: the payment itself, and its occurrence in the file. */
const keySource = (p: Omit<PaymentInput, 'idempotencyKey'>, occurrence: number) =>
  [p.accountId, p.amountFen, p.paidOn, p.method, p.purpose, p.levyId ?? '', p.payerReference ?? '', occurrence].join(
    '|',
  );

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ParsedPayments {
  payments: PaymentInput[];
  /** The file's line of each payment, for the hub's refusal of payment `index`. */
  lines: number[];
  bad: BadLine[];
}

/**
 * Reads the statement: a header naming at least the required columns, then one payment a line. A line without an
 * `idempotency_key` gets one made from the payment and its occurrence among equal lines, so the same file imported
 * again returns the same receipts, and mending one line does not change the others' keys.
 */
export async function parsePaymentsCsv(text: string): Promise<ParsedPayments> {
  let records: CsvRecord[];
  try {
    records = csvRecords(text);
  } catch (error) {
    // A quote never closed: before, the error escaped the import, which then stayed at "reading" with nothing said.
    const line = (error as { details?: { line?: unknown } }).details?.line;
    return {
      payments: [],
      lines: [],
      bad: [
        { line: typeof line === 'number' ? line : 1, field: '', problem: '引号未闭合：从此行开始的带引号字段没有结束' },
      ],
    };
  }
  const [header, ...rows] = records;
  const bad: BadLine[] = [];
  if (!header) return { payments: [], lines: [], bad: [{ line: 1, field: '', problem: '文件为空' }] };
  const names = header.fields.map((f) => f.trim());
  const known: readonly string[] = [...PAYMENT_COLUMNS, ...OPTIONAL_PAYMENT_COLUMNS];
  for (const n of names) if (!known.includes(n)) bad.push({ line: header.line, field: n, problem: '未知的列' });
  for (const n of PAYMENT_COLUMNS)
    if (!names.includes(n)) bad.push({ line: header.line, field: n, problem: '缺少此列' });
  if (rows.length === 0) bad.push({ line: header.line, field: '', problem: '没有收款行' });
  if (rows.length > MAX_PAYMENTS)
    bad.push({
      line: header.line,
      field: '',
      problem: `每个文件最多 ${MAX_PAYMENTS} 笔收款，本文件 ${rows.length} 笔`,
    });
  if (bad.length > 0) return { payments: [], lines: [], bad };

  const payments: PaymentInput[] = [];
  const lines: number[] = [];
  const seen = new Map<string, number>();
  const ownKeys = new Map<string, number>();
  for (const { line, fields } of rows) {
    const at = (column: string) => (fields[names.indexOf(column)] ?? '').trim();
    const problem = (field: string, text: string) => bad.push({ line, field, problem: text });
    if (fields.length !== names.length) problem('', `应有 ${names.length} 列，实有 ${fields.length} 列`);
    const accountId = at('account_id');
    if (accountId === '' || accountId.length > 64 || /\s/.test(accountId)) problem('account_id', '请填写账户编号');
    const amountFen = fenOfYuan(at('amount_yuan'));
    if (amountFen === undefined || amountFen <= 0 || amountFen > 100_000_000)
      problem('amount_yuan', '金额（元），大于 0、不超过 1,000,000，最多两位小数');
    const paidOn = at('paid_on');
    if (!isIsoDate(paidOn)) problem('paid_on', '日期，如 2026-12-01');
    // An own key only: METHODS['constructor'] found Object's and sent a payment without a method.
    const method = Object.hasOwn(METHODS, at('method')) ? METHODS[at('method')] : undefined;
    if (!method) problem('method', `以下之一：${Object.keys(METHODS).join('、')}`);
    const purposeText = at('purpose') || 'SERVICE_FEE';
    const purpose = purposeText === 'LEVY' || purposeText === '专项收费' ? 'LEVY' : 'SERVICE_FEE';
    if (!['SERVICE_FEE', '物业费', 'LEVY', '专项收费'].includes(purposeText))
      problem('purpose', 'SERVICE_FEE（物业费）或 LEVY（专项收费）');
    const levyId = at('levy_id') || null;
    if (purpose === 'LEVY' && !levyId) problem('levy_id', '专项收费须填写专项编号');
    if (purpose === 'SERVICE_FEE' && levyId) problem('levy_id', '物业费不填专项编号');
    const payerReference = at('payer_reference') || null;
    if (payerReference && payerReference.length > 128) problem('payer_reference', '最多 128 个字符');
    const ownKey = at('idempotency_key');
    if (ownKey.length > 128) problem('idempotency_key', '最多 128 个字符');
    if (ownKey && ownKeys.has(ownKey)) problem('idempotency_key', `与第 ${ownKeys.get(ownKey)} 行重复`);
    if (ownKey && !ownKeys.has(ownKey)) ownKeys.set(ownKey, line);
    if (bad.some((b) => b.line === line)) continue;
    const payment = {
      accountId,
      amountFen: amountFen!,
      paidOn,
      method: method!,
      purpose,
      levyId,
      payerReference,
    } as const;
    const source = keySource(payment, 0);
    const occurrence = seen.get(source) ?? 0;
    seen.set(source, occurrence + 1);
    const idempotencyKey = ownKey || `csv:${(await sha256Hex(keySource(payment, occurrence))).slice(0, 40)}`;
    payments.push({ ...payment, idempotencyKey });
    lines.push(line);
  }
  return bad.length > 0 ? { payments: [], lines: [], bad } : { payments, lines, bad };
}
