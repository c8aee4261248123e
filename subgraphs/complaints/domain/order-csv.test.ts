import { parseCsv } from '../../../kernel/csv';
import { ORDER_CSV_COLUMNS, REPORTED_ORDER_CSV_LINES, readOrderCsv } from './order-csv';

const header = ORDER_CSV_COLUMNS.join(',');
const NOW = new Date('2024-03-10T12:00:00+08:00');
const good =
  'H-1,2024-03-01T09:00:00+08:00,王小明,13812345678,广安门北街20号院,110102017,T1,T1.1,漏水,2024-03-01T11:00:00+08:00,2024-03-08T09:00:00+08:00';

describe('the hotline order CSV', () => {
  it('reads good lines as orders', () => {
    const { orders, problems } = readOrderCsv(parseCsv(`${header}\n${good}\n`), 'so-017', NOW);
    expect(problems).toEqual([]);
    expect(orders[0]).toEqual({
      line: 2,
      data: expect.objectContaining({
        orderNumber: 'H-1',
        receivedAt: '2024-03-01T01:00:00.000Z',
        streetCode: '110102017',
        senderOrganisationId: 'so-017',
      }),
    });
  });

  it('reports every bad line by column, never with its value', () => {
    const bad = 'H 2,yesterday,,,,1101,T1,T1.1,x,2024-03-01T11:00:00Z,2024-03-08T09:00:00Z';
    const { orders, problems } = readOrderCsv(parseCsv(`${header}\n${good}\n${bad}\n${good}\n`), 'so', NOW);
    expect(orders).toHaveLength(1);
    expect(problems.map((p) => [p.line, Object.keys(p.fields).sort()])).toEqual([
      [3, ['address', 'order_number', 'received_at', 'street_code']],
      [4, ['order_number']],
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/yesterday|1101/);
  });

  it('keeps a name, a number and an address to one line, as the hotline event has them', () => {
    // A helper's audit: a quoted field's tab or line break was taken, text the event's schema refuses.
    const lines = [
      'H-2,2024-03-01T09:00:00+08:00,"王\n小明",13812345678,广安门北街20号院,110102017,T1,T1.1,漏水,2024-03-01T11:00:00+08:00,2024-03-08T09:00:00+08:00',
      'H-3,2024-03-01T09:00:00+08:00,王小明,"138\t1234",广安门北街20号院,110102017,T1,T1.1,漏水,2024-03-01T11:00:00+08:00,2024-03-08T09:00:00+08:00',
      'H-4,2024-03-01T09:00:00+08:00,王小明,13812345678,"广安门北街\r\n20号院",110102017,T1,T1.1,"漏水\n楼上",2024-03-01T11:00:00+08:00,2024-03-08T09:00:00+08:00',
    ];
    const { orders, problems } = readOrderCsv(parseCsv(`${header}\n${lines.join('\n')}\n`), 'so', NOW);
    expect(orders).toEqual([]);
    const oneLine = 'one line: no tab or line break';
    expect(problems.map((p) => p.fields)).toEqual([
      { caller_name: oneLine },
      { caller_phone: oneLine },
      { address: oneLine },
    ]);
  });

  it("takes one order number in two streets as each street's own order, and refuses it twice in one street", () => {
    // Numbers are unique per street (the hotline re-routes an order to another street under its number): before, the
    // second street's line was refused as "appears twice in the file".
    const other = good.replace('110102017', '110102018');
    const { orders, problems } = readOrderCsv(parseCsv(`${header}\n${good}\n${other}\n${good}\n`), 'so', NOW);
    expect(orders.map((o) => o.data.streetCode)).toEqual(['110102017', '110102018']);
    expect(problems).toEqual([{ line: 4, fields: { order_number: 'appears twice in the file' } }]);
  });

  it('refuses instants the hub cannot keep and deadlines before receipt, by line and column', () => {
    // Before, 2026-02-30 was stored as 2 March, a deadline before receipt was taken, and an instant in year 10000
    // after UTC failed the whole import with INTERNAL_SERVER_ERROR (PostgreSQL refused the value).
    const line = (received: string, respond: string, resolve: string) =>
      `H-9,${received},王小明,13812345678,广安门北街20号院,110102017,T1,T1.1,漏水,${respond},${resolve}`;
    const lines = [
      line('2026-02-30T09:00+08:00', '2026-03-02T11:00+08:00', '2026-03-08T09:00+08:00'),
      line('2024-03-01T09:00+08:00', '9999-12-31T23:00-05:00', '2024-03-08T09:00+08:00'),
      line('2024-03-01T09:00+08:00', '2024-03-01T08:59+08:00', '2024-02-28T09:00+08:00'),
    ].map((l, i) => l.replace('H-9', `H-9${i}`));
    const { orders, problems } = readOrderCsv(parseCsv(`${header}\n${lines.join('\n')}\n`), 'so', NOW);
    expect(orders).toEqual([]);
    expect(problems).toEqual([
      { line: 2, fields: { received_at: expect.stringMatching(/real ISO 8601 instant/) } },
      { line: 3, fields: { respond_by: expect.stringMatching(/years 1000–9999/) } },
      {
        line: 4,
        fields: { respond_by: 'not before the order was received', resolve_by: 'not before the order was received' },
      },
    ]);
  });

  it('stops reading at the bad line after the ones a refusal lists', () => {
    // 200,000 one-character lines: every one was read and held with its eight problems before (90 MB).
    const { orders, problems, unread } = readOrderCsv(
      parseCsv(`${header}\n${good}\n${'x\n'.repeat(200_000)}`),
      'so',
      NOW,
    );
    expect(orders).toHaveLength(1);
    expect(problems).toHaveLength(REPORTED_ORDER_CSV_LINES + 1);
    expect(problems.at(-1)?.line).toBe(REPORTED_ORDER_CSV_LINES + 3);
    expect(unread).toBe(true);
    // When the last line read is the last of the file, nothing is left unread.
    const exact = readOrderCsv(parseCsv(`${header}\n${'x\n'.repeat(REPORTED_ORDER_CSV_LINES + 1)}`), 'so', NOW);
    expect([exact.problems.length, exact.unread]).toEqual([REPORTED_ORDER_CSV_LINES + 1, false]);
  });

  it('refuses a file without the header', () => {
    expect(readOrderCsv(parseCsv(good), 'so', NOW).problems).toEqual([
      { line: 1, fields: { header: expect.stringContaining('order_number,received_at') } },
    ]);
  });

  it('refuses an order received after now, beyond five minutes of clock skew', () => {
    // Before, a backfill could date an order in 2030 and take its number ahead of the hotline's own order.
    const at = (receivedAt: string) =>
      `H-9,${receivedAt},王小明,13812345678,广安门北街20号院,110102017,T1,T1.1,漏水,2030-03-01T11:00:00+08:00,2030-03-08T09:00:00+08:00`;
    const read = (receivedAt: string) => readOrderCsv(parseCsv(`${header}\n${at(receivedAt)}\n`), 'so', NOW).problems;
    expect(read('2030-03-01T09:00:00+08:00')).toEqual([
      { line: 2, fields: { received_at: expect.stringMatching(/later than now/) } },
    ]);
    expect(read('2024-03-10T12:05:00+08:00')).toEqual([]);
    expect(read('2024-03-10T12:05:01+08:00')).toHaveLength(1);
  });
});
