import { parseCsv } from '../../../kernel/csv';
import { ORDER_CSV_COLUMNS, REPORTED_ORDER_CSV_LINES, readOrderCsv } from './order-csv';

const header = ORDER_CSV_COLUMNS.join(',');
const good =
  'H-1,2024-03-01T09:00:00+08:00,王小明,13812345678,广安门北街20号院,110102017,T1,T1.1,漏水,2024-03-01T11:00:00+08:00,2024-03-08T09:00:00+08:00';

describe('the hotline order CSV', () => {
  it('reads good lines as orders', () => {
    const { orders, problems } = readOrderCsv(parseCsv(`${header}\n${good}\n`), 'so-017');
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
    const { orders, problems } = readOrderCsv(parseCsv(`${header}\n${good}\n${bad}\n${good}\n`), 'so');
    expect(orders).toHaveLength(1);
    expect(problems.map((p) => [p.line, Object.keys(p.fields).sort()])).toEqual([
      [3, ['address', 'order_number', 'received_at', 'street_code']],
      [4, ['order_number']],
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/yesterday|1101/);
  });

  it('stops reading at the bad line after the ones a refusal lists', () => {
    // 200,000 one-character lines: every one was read and held with its eight problems before (90 MB).
    const { orders, problems, unread } = readOrderCsv(parseCsv(`${header}\n${good}\n${'x\n'.repeat(200_000)}`), 'so');
    expect(orders).toHaveLength(1);
    expect(problems).toHaveLength(REPORTED_ORDER_CSV_LINES + 1);
    expect(problems.at(-1)?.line).toBe(REPORTED_ORDER_CSV_LINES + 3);
    expect(unread).toBe(true);
    // When the last line read is the last of the file, nothing is left unread.
    const exact = readOrderCsv(parseCsv(`${header}\n${'x\n'.repeat(REPORTED_ORDER_CSV_LINES + 1)}`), 'so');
    expect([exact.problems.length, exact.unread]).toEqual([REPORTED_ORDER_CSV_LINES + 1, false]);
  });

  it('refuses a file without the header', () => {
    expect(readOrderCsv(parseCsv(good), 'so').problems).toEqual([
      { line: 1, fields: { header: expect.stringContaining('order_number,received_at') } },
    ]);
  });
});
