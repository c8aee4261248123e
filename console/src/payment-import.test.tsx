import { webcrypto } from 'node:crypto';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { PaymentImportScreen } from './screens/payment-import';
import { Answer, Call } from './test-client';
import { renderAnswering } from './test-render';

// jsdom has no Web Crypto digest; the browser's is the same standard API.
Object.defineProperty(globalThis.crypto, 'subtle', { value: webcrypto.subtle, configurable: true });

const ACCOUNT = '00000000-0000-4000-8000-0000000000a1';
const HEADER = 'account_id,amount_yuan,paid_on,method,payer_reference';

function renderImport(answer: (call: Call) => Answer, calls: Call[]) {
  renderAnswering(<PaymentImportScreen />, answer, calls);
}

function importFile(lines: string[]) {
  const file = new File([[HEADER, ...lines].join('\n')], 'statement.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText('CSV 文件'), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: '导入收款' }));
}

describe('收款导入 (payments CSV)', () => {
  it('lists every bad line of the file in a table and sends nothing', async () => {
    const calls: Call[] = [];
    renderImport(() => ({ data: {} }), calls);
    importFile([`${ACCOUNT},100,2026-11-30,BANK_TRANSFER,BK-1`, `${ACCOUNT},1.234,2026-11-30,POSTAL,BK-2`]);
    expect(await screen.findByText('有问题的行（共 2 处）')).toBeTruthy();
    expect(screen.getByRole('row', { name: /^3 amount_yuan 金额/ })).toBeTruthy();
    expect(screen.getByRole('row', { name: /^3 method 以下之一/ })).toBeTruthy();
    expect(screen.getByText('文件未通过检查，未记录任何收款。')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('shows the hub’s refusal of one payment at the file’s line and column', async () => {
    const calls: Call[] = [];
    renderImport(
      () => ({
        errors: [
          {
            message: 'Payment 2: The payment is invalid',
            extensions: {
              code: 'BAD_USER_INPUT',
              details: { index: 1, fields: { paidOn: 'not after today (2026-12-01)' } },
            },
          },
        ],
      }),
      calls,
    );
    importFile([`${ACCOUNT},100,2026-11-30,BANK_TRANSFER,BK-1`, `${ACCOUNT},20.5,2026-12-09,现金,`]);
    expect(await screen.findByText('Payment 2: The payment is invalid（BAD_USER_INPUT）')).toBeTruthy();
    expect(screen.getByRole('row', { name: /^3 paid_on not after today \(2026-12-01\)/ })).toBeTruthy();
    expect(screen.queryByText(/导入完成/)).toBeNull();
    expect(calls).toHaveLength(1);
    expect(calls[0].name).toBe('ImportPayments');
    expect(calls[0].variables.payments).toEqual([
      expect.objectContaining({
        accountId: ACCOUNT,
        amountFen: 10000,
        method: 'BANK_TRANSFER',
        payerReference: 'BK-1',
      }),
      expect.objectContaining({ amountFen: 2050, paidOn: '2026-12-09', method: 'CASH', payerReference: null }),
    ]);
  });

  it('shows the receipts, their total in yuan and the progress bar complete', async () => {
    const calls: Call[] = [];
    renderImport(
      () => ({
        data: {
          importPayments: [
            {
              paymentId: 'p-1',
              receiptNumber: 'R2026-00000001',
              accountId: ACCOUNT,
              amountFen: 140950,
              creditFen: 0,
              paidOn: '2026-11-30',
              paidInto: 'PROPERTY_SERVICE_FEES',
              recordedAt: '2026-11-30T02:00:00.000Z',
              reversedOn: null,
              replayed: false,
            },
            {
              paymentId: 'p-0',
              receiptNumber: 'R2026-00000000',
              accountId: ACCOUNT,
              amountFen: 2050,
              creditFen: 0,
              paidOn: '2026-11-29',
              paidInto: 'PROPERTY_SERVICE_FEES',
              recordedAt: '2026-11-29T16:30:00.000Z',
              reversedOn: '2026-12-01',
              replayed: true,
            },
          ],
        },
      }),
      calls,
    );
    importFile([`${ACCOUNT},1409.50,2026-11-30,BANK_TRANSFER,BK-1`, `${ACCOUNT},20.50,2026-11-29,CASH,`]);
    // A line an earlier file had recorded is told apart (before, it was counted as imported and never recorded).
    expect(await screen.findByText('导入完成：新记录 1 笔，合计 1,409.50元；1 笔此前已记录，未重复记账')).toBeTruthy();
    expect(screen.getByText('1 笔与此前导入的收款相同，返回的是原收据')).toBeTruthy();
    // …with when it was recorded (its day in China) and its reversal, if any.
    expect(
      screen.getByRole('row', { name: /R2026-00000000 此前已记录（2026年11月30日），已于2026年12月1日冲正/ }),
    ).toBeTruthy();
    expect(
      screen.getByRole('row', { name: /R2026-00000001 新记录 .* 1,409\.50元 0\.00元 2026年11月30日 物业费账户/ }),
    ).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('progressbar', { name: '导入进度' }).getAttribute('aria-valuenow')).toBe('100'),
    );
  });
});
