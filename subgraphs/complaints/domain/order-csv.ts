import { textPattern } from '../../../kernel/input-bounds';
import { HotlineOrderData } from '../../../catalog';
import { CsvRecord } from '../../../kernel/csv';
import { OrderTimes, orderTimes } from './order';

const ONE_LINE = new RegExp(textPattern(false));

/** The columns of a backfill of hotline orders, in this order, with a header line. */
export const ORDER_CSV_COLUMNS = [
  'order_number',
  'received_at',
  'caller_name',
  'caller_phone',
  'address',
  'street_code',
  'category_code',
  'item_code',
  'text',
  'respond_by',
  'resolve_by',
] as const;

/** Lines of orders one backfill may hold (some 32 MiB: the CsvText bound; split a larger export by period). */
export const MAX_ORDER_CSV_LINES = 200_000;

/**
 * Bad lines a refusal lists; reading stops at the one after, since the file is refused anyway (a file of 200,000
 * one-character lines held 90 MB of problems, of which the refusal showed the first 1,000).
 */
export const REPORTED_ORDER_CSV_LINES = 1000;

export interface CsvLineProblem {
  line: number;
  /** Column → what is wrong; never the value. */
  fields: Record<string, string>;
}

const CODE = /^[A-Za-z0-9._-]{1,32}$/;
/** The column of each of an order's instants. */
const TIME_COLUMNS = { receivedAt: 'received_at', respondBy: 'respond_by', resolveBy: 'resolve_by' } as const;

/**
 * Reads the lines of a backfill into orders and every bad line's problems by column (all or nothing is the
 * application's: it imports only when no line has a problem), up to the line after the first
 * REPORTED_ORDER_CSV_LINES bad ones (`unread`: the lines after it were not read).
 */
export function readOrderCsv(
  records: readonly CsvRecord[],
  senderOrganisationId: string,
  /** The hub's clock: no order is received after it. */
  now: Date,
  /** Called after each line is read (a command's progress bar). */
  onLine: () => void = () => undefined,
): { orders: { line: number; data: HotlineOrderData }[]; problems: CsvLineProblem[]; unread: boolean } {
  const problems: CsvLineProblem[] = [];
  const orders: { line: number; data: HotlineOrderData }[] = [];
  const [header, ...lines] = records;
  if (!header || header.fields.map((f) => f.trim()).join(',') !== ORDER_CSV_COLUMNS.join(',')) {
    return {
      orders,
      problems: [{ line: header?.line ?? 1, fields: { header: `the header must be ${ORDER_CSV_COLUMNS.join(',')}` } }],
      unread: false,
    };
  }
  const seen = new Set<string>();
  for (const record of lines) {
    if (problems.length > REPORTED_ORDER_CSV_LINES) return { orders, problems, unread: true };
    const v = {} as Record<(typeof ORDER_CSV_COLUMNS)[number], string>;
    for (let i = 0; i < ORDER_CSV_COLUMNS.length; i++) v[ORDER_CSV_COLUMNS[i]] = (record.fields[i] ?? '').trim();
    const fields: Record<string, string> = {};
    if (record.fields.length !== ORDER_CSV_COLUMNS.length)
      fields.columns = `${ORDER_CSV_COLUMNS.length} columns expected`;
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(v.order_number))
      fields.order_number = '1 to 64 letters, digits, dot, underscore or hyphen';
    // A number is its street's own (the hotline re-routes an order to another street under the same number).
    else if (seen.has(`${v.street_code}\u0000${v.order_number}`)) fields.order_number = 'appears twice in the file';
    seen.add(`${v.street_code}\u0000${v.order_number}`);
    const times = orderTimes({ receivedAt: v.received_at, respondBy: v.respond_by, resolveBy: v.resolve_by }, now);
    for (const [field, problem] of Object.entries(times.problems ?? {}))
      fields[TIME_COLUMNS[field as keyof OrderTimes]] = problem;
    if (v.caller_name.length > 100) fields.caller_name = 'at most 100 characters';
    if (v.caller_phone.length > 32) fields.caller_phone = 'at most 32 characters';
    if (v.address.length < 1 || v.address.length > 200) fields.address = '1 to 200 characters';
    // One line each, as the hotline's event has them (a quoted field may hold a line break the file's scalar takes).
    for (const column of ['caller_name', 'caller_phone', 'address'] as const)
      if (!fields[column] && !ONE_LINE.test(v[column])) fields[column] = 'one line: no tab or line break';
    if (!/^[0-9]{9}$/.test(v.street_code)) fields.street_code = 'a 9-digit street code';
    if (!CODE.test(v.category_code)) fields.category_code = 'a taxonomy code';
    if (!CODE.test(v.item_code)) fields.item_code = 'a taxonomy code';
    if (v.text.length > 2000) fields.text = 'at most 2,000 characters';
    onLine();
    if (Object.keys(fields).length > 0 || !times.times) {
      problems.push({ line: record.line, fields });
      continue;
    }
    orders.push({
      line: record.line,
      data: {
        orderNumber: v.order_number,
        senderOrganisationId,
        receivedAt: times.times.receivedAt,
        callerName: v.caller_name || null,
        callerPhone: v.caller_phone || null,
        addressText: v.address,
        streetCode: v.street_code,
        categoryCode: v.category_code,
        itemCode: v.item_code,
        text: v.text,
        respondBy: times.times.respondBy,
        resolveBy: times.times.resolveBy,
      },
    });
  }
  return { orders, problems, unread: false };
}
