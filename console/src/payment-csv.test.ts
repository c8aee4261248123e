import { webcrypto } from 'node:crypto';
import { csvRecords, fenOfYuan, parsePaymentsCsv } from './payment-csv';

// jsdom's window has no SubtleCrypto: Node's own, as the browser's.
Object.defineProperty(globalThis.crypto, 'subtle', { value: webcrypto.subtle, configurable: true });

const ACCOUNT = '00000000-0000-4000-8000-0000000000a1';
const HEADER = 'account_id,amount_yuan,paid_on,method,payer_reference';

describe('a payments statement (CSV) read into importPayments lines', () => {
  it('reads quoted fields, CRLF and a byte-order mark, numbering records by the line they start on', () => {
    expect(csvRecords('\uFEFFa,b\r\n"x,1","say ""hi""\nthere"\r\n\r\nlast,')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x,1', 'say "hi"\nthere'] },
      { line: 5, fields: ['last', ''] },
    ]);
  });

  it('turns yuan into whole fen without floating point', () => {
    expect(fenOfYuan('1409.5')).toBe(140950);
    expect(fenOfYuan('1,409.50')).toBe(140950);
    expect(fenOfYuan('12,345,678')).toBe(1234567800);
    // A comma anywhere else is no thousands separator: a decimal comma was read as ¥125.00.
    for (const odd of ['12,5', '1,40', '1,4090.50', ',100', '100,', '1,409,5']) expect(fenOfYuan(odd)).toBeUndefined();
    expect(fenOfYuan('0.07')).toBe(7);
    expect(fenOfYuan('19.99')).toBe(1999);
    expect(fenOfYuan('1.234')).toBeUndefined();
    expect(fenOfYuan('-3')).toBeUndefined();
    expect(fenOfYuan('')).toBeUndefined();
  });

  it('lists every bad line and column, and gives no payment while one is bad', async () => {
    const parsed = await parsePaymentsCsv(
      [
        HEADER,
        `${ACCOUNT},100.00,2026-11-30,BANK_TRANSFER,BK-1`,
        `${ACCOUNT},-3,2026-11-31,POSTAL,BK-2`,
        `,12.5,2026-11-30,现金`,
      ].join('\n'),
    );
    expect(parsed.payments).toEqual([]);
    expect(parsed.bad).toEqual([
      { line: 3, field: 'amount_yuan', problem: expect.stringMatching(/^金额/) },
      { line: 3, field: 'paid_on', problem: expect.stringMatching(/^日期/) },
      { line: 3, field: 'method', problem: expect.stringMatching(/^以下之一/) },
      { line: 4, field: '', problem: '应有 5 列，实有 4 列' },
      { line: 4, field: 'account_id', problem: '请填写账户编号' },
    ]);
  });

  it('names the line of a quote never closed, and a method named after an Object property as bad', async () => {
    // Before, the reader's error escaped and the import stayed at "reading"; `constructor` passed as a method.
    expect(
      await parsePaymentsCsv(`${HEADER}\n${ACCOUNT},100,2026-11-30,CASH,BK-1\n"${ACCOUNT},100,2026-11-30`),
    ).toEqual({
      payments: [],
      lines: [],
      bad: [{ line: 3, field: '', problem: expect.stringMatching(/^引号未闭合/) }],
    });
    const parsed = await parsePaymentsCsv(`${HEADER}\n${ACCOUNT},100,2026-11-30,constructor,BK-1`);
    expect(parsed.bad).toEqual([{ line: 2, field: 'method', problem: expect.stringMatching(/^以下之一/) }]);
  });

  it('refuses a header without the required columns or with unknown ones, and more than 1,000 payments', async () => {
    expect((await parsePaymentsCsv('account_id,amount,paid_on,method\nx,1,2026-11-30,CASH')).bad).toEqual([
      { line: 1, field: 'amount', problem: '未知的列' },
      { line: 1, field: 'amount_yuan', problem: '缺少此列' },
    ]);
    const many = [HEADER, ...Array.from({ length: 1001 }, (_, i) => `${ACCOUNT},1,2026-11-30,CASH,R-${i}`)];
    expect((await parsePaymentsCsv(many.join('\n'))).bad).toEqual([
      { line: 1, field: '', problem: '每个文件最多 1000 笔收款，本文件 1001 笔' },
    ]);
    expect((await parsePaymentsCsv('')).bad).toEqual([{ line: 1, field: '', problem: '文件为空' }]);
  });

  it('makes each line’s key from the payment and its occurrence: the same file gives the same keys, equal lines differ, mending one line keeps the others’', async () => {
    const lines = [
      `${ACCOUNT},100.00,2026-11-30,BANK_TRANSFER,BK-1`,
      `${ACCOUNT},100.00,2026-11-30,BANK_TRANSFER,BK-1`,
      `${ACCOUNT},50,2026-11-29,微信支付,`,
    ];
    const first = await parsePaymentsCsv([HEADER, ...lines].join('\n'));
    const again = await parsePaymentsCsv([HEADER, ...lines].join('\n'));
    const mended = await parsePaymentsCsv(
      [HEADER, lines[0], lines[1], `${ACCOUNT},60,2026-11-29,微信支付,`].join('\n'),
    );
    expect(first.bad).toEqual([]);
    expect(first.lines).toEqual([2, 3, 4]);
    expect(first.payments[0]).toEqual({
      accountId: ACCOUNT,
      amountFen: 10000,
      paidOn: '2026-11-30',
      method: 'BANK_TRANSFER',
      purpose: 'SERVICE_FEE',
      levyId: null,
      payerReference: 'BK-1',
      idempotencyKey: expect.stringMatching(/^csv:[0-9a-f]{40}$/),
    });
    expect(first.payments[2]).toMatchObject({ method: 'WECHAT_PAY', amountFen: 5000, payerReference: null });
    expect(again.payments.map((p) => p.idempotencyKey)).toEqual(first.payments.map((p) => p.idempotencyKey));
    expect(new Set(first.payments.map((p) => p.idempotencyKey)).size).toBe(3);
    expect(mended.payments.slice(0, 2).map((p) => p.idempotencyKey)).toEqual(
      first.payments.slice(0, 2).map((p) => p.idempotencyKey),
    );
    expect(mended.payments[2].idempotencyKey).not.toBe(first.payments[2].idempotencyKey);
  });

  it('keeps the file’s own keys, refusing one named twice, and reads levy payments', async () => {
    const header = 'account_id,amount_yuan,paid_on,method,purpose,levy_id,idempotency_key';
    const parsed = await parsePaymentsCsv(
      [header, `${ACCOUNT},200,2026-11-30,CASH,LEVY,levy-1,K-0001`, `${ACCOUNT},1,2026-11-30,CASH,,,K-0001`].join('\n'),
    );
    expect(parsed.bad).toEqual([{ line: 3, field: 'idempotency_key', problem: '与第 2 行重复' }]);
    const levy = await parsePaymentsCsv([header, `${ACCOUNT},200,2026-11-30,CASH,LEVY,levy-1,K-0001`].join('\n'));
    expect(levy.payments[0]).toMatchObject({ purpose: 'LEVY', levyId: 'levy-1', idempotencyKey: 'K-0001' });
    expect((await parsePaymentsCsv([header, `${ACCOUNT},200,2026-11-30,CASH,LEVY,,`].join('\n'))).bad).toEqual([
      { line: 2, field: 'levy_id', problem: '专项收费须填写专项编号' },
    ]);
  });
});
