import { fireEvent, screen, waitFor } from '@testing-library/react';
import { addDays } from '../../kernel/calendar';
import { todayInChina } from '../../kernel/clock';
import { parseYuan } from '../../kernel/money';
import { OverdueSmallClaims, ReportForm } from './screens/referrals';
import { Answer, Call } from './test-client';
import { renderAnswering } from './test-render';

const referralId = '00000000-0000-4000-8000-000000000020';
const reported: Answer = { data: { reportCourtEvent: { id: referralId, status: 'DOCKETED', caseNumber: 'x' } } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const choose = async (name: string, option: string) => {
  fireEvent.mouseDown(screen.getByRole('combobox', { name }));
  fireEvent.click(await screen.findByTitle(option));
};

describe('报告审理进展 form (a court clerk’s reports)', () => {
  it('dockets in the procedure the clerk chooses, the hub’s proposal preselected, dated by the day given', async () => {
    // Before, every docketing was sent as SMALL_CLAIMS and dated by the press.
    const calls: Call[] = [];
    const done: boolean[] = [];
    renderAnswering(
      <ReportForm referralId={referralId} proposedProcedure="SIMPLE_OR_ORDINARY" onReported={() => done.push(true)} />,
      () => reported,
      calls,
    );
    fireEvent.change(screen.getByLabelText('案号'), { target: { value: ' (2026)京0102民初90001号 ' } });
    fireEvent.change(screen.getByLabelText('发生日期'), { target: { value: '2026-10-10' } });
    fireEvent.click(screen.getByRole('button', { name: '提交报告' }));
    await waitFor(() => expect(done).toEqual([true]));
    expect(calls).toEqual([
      {
        name: 'ReportCourtEvent',
        variables: {
          eventId: expect.stringMatching(UUID),
          report: {
            referralId,
            kind: 'DOCKETED',
            occurredAt: expect.stringMatching(/^2026-10-10T\d{2}:\d{2}:\d{2}\+08:00$/),
            caseNumber: '(2026)京0102民初90001号',
            procedure: 'SIMPLE_OR_ORDINARY',
          },
        },
      },
    ]);
    // Reported: the same entry again is a new report (a new eventId), not the first one's retry.
    fireEvent.change(screen.getByLabelText('案号'), { target: { value: ' (2026)京0102民初90001号 ' } });
    fireEvent.change(screen.getByLabelText('发生日期'), { target: { value: '2026-10-10' } });
    fireEvent.click(screen.getByRole('button', { name: '提交报告' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1].variables.eventId).not.toBe(calls[0].variables.eventId);
  });

  it('asks for the procedure when the hub proposed none, and refuses a day after today', async () => {
    const calls: Call[] = [];
    renderAnswering(
      <ReportForm referralId={referralId} proposedProcedure="UNDETERMINED" onReported={() => undefined} />,
      () => reported,
      calls,
    );
    expect((screen.getByLabelText('发生日期') as HTMLInputElement).value).toBe(todayInChina());
    fireEvent.change(screen.getByLabelText('案号'), { target: { value: '(2026)京0102民初90001号' } });
    fireEvent.change(screen.getByLabelText('发生日期'), { target: { value: addDays(todayInChina(), 1) } });
    fireEvent.click(screen.getByRole('button', { name: '提交报告' }));
    expect(await screen.findByText('请选择审理程序')).toBeTruthy();
    expect(screen.getByText('发生日期不能晚于今天')).toBeTruthy();
    expect(calls).toEqual([]);
    await choose('审理程序', '小额诉讼程序（当事人约定适用）');
    fireEvent.change(screen.getByLabelText('发生日期'), { target: { value: todayInChina() } });
    fireEvent.click(screen.getByRole('button', { name: '提交报告' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].variables.report).toMatchObject({ procedure: 'SMALL_CLAIMS_BY_CONSENT' });
  });

  it('reports a small claim converted to the simple or ordinary procedure (art. 169) with that procedure', async () => {
    // Before, the form had no such step: a clerk could only docket the case again, which the hub dropped.
    const calls: Call[] = [];
    renderAnswering(<ReportForm referralId={referralId} onReported={() => undefined} />, () => reported, calls);
    await choose('事项', '小额诉讼转简易或普通程序');
    // The docketing's case number and procedure leave the form: the procedure is the conversion's own.
    await waitFor(() => expect(screen.queryByLabelText('案号')).toBeNull());
    expect(screen.queryByLabelText('审理程序')).toBeNull();
    fireEvent.change(screen.getByLabelText('发生日期'), { target: { value: '2026-11-02' } });
    fireEvent.click(screen.getByRole('button', { name: '提交报告' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].variables.report).toEqual({
      referralId,
      kind: 'PROCEDURE_CHANGED',
      occurredAt: expect.stringMatching(/^2026-11-02T\d{2}:\d{2}:\d{2}\+08:00$/),
      procedure: 'SIMPLE_OR_ORDINARY',
    });
  });

  it('sends a settlement’s amount, and a press repeating a failed one as its retry (the same eventId)', async () => {
    // Before, a SETTLED report sent no amount and the hub refused every one.
    const calls: Call[] = [];
    const refusal: Answer = { errors: [{ message: 'The hub is busy', extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
    renderAnswering(<ReportForm referralId={referralId} onReported={() => undefined} />, () => refusal, calls);
    await choose('事项', '调解结案');
    fireEvent.change(await screen.findByLabelText('调解金额（元）'), { target: { value: '1234.56' } });
    fireEvent.change(screen.getByLabelText('发生日期'), { target: { value: '2026-11-02' } });
    fireEvent.click(screen.getByRole('button', { name: '提交报告' }));
    await screen.findByText(/The hub is busy/);
    fireEvent.click(screen.getByRole('button', { name: '提交报告' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    fireEvent.change(screen.getByLabelText('调解金额（元）'), { target: { value: '1234.50' } });
    fireEvent.click(screen.getByRole('button', { name: '提交报告' }));
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls[0].variables.report).toEqual({
      referralId,
      kind: 'SETTLED',
      occurredAt: expect.stringMatching(/^2026-11-02T\d{2}:\d{2}:\d{2}\+08:00$/),
      settledFen: 123456,
    });
    // …with the same instant, so that the retry is the same report (its time of day is the first press's).
    expect(calls[1].variables).toEqual(calls[0].variables);
    expect(calls[2].variables.eventId).not.toBe(calls[0].variables.eventId);
    expect(calls[2].variables.report).toMatchObject({ settledFen: 123450 });
  });
  /** Reports a settlement of `yuanText` on a fresh form: the calls made and the form's message, if any. */
  const settle = async (yuanText: string) => {
    const calls: Call[] = [];
    const { unmount } = renderAnswering(
      <ReportForm referralId={referralId} onReported={() => undefined} />,
      () => reported,
      calls,
    );
    await choose('事项', '调解结案');
    fireEvent.change(await screen.findByLabelText('调解金额（元）'), { target: { value: yuanText } });
    fireEvent.change(screen.getByLabelText('发生日期'), { target: { value: '2026-11-02' } });
    fireEvent.click(screen.getByRole('button', { name: '提交报告' }));
    await waitFor(() =>
      expect(calls.length + document.querySelectorAll('.ant-form-item-explain-error').length).toBe(1),
    );
    const refusal = document.querySelector('.ant-form-item-explain-error')?.textContent;
    unmount();
    return { calls, refusal };
  };

  it.each([' ', '1.234', '01', '-5', '1e3', '１２', '12.', '.5', '1,234'])(
    'refuses an amount the parser refuses (%p), the one rule of kernel/money.ts',
    async (yuanText) => {
      expect(parseYuan(yuanText)).toBeUndefined();
      expect(await settle(yuanText)).toEqual({ calls: [], refusal: '金额，最多两位小数' });
    },
  );

  it('takes every amount the parser reads, up to the API’s ceiling of an amount (before, a pattern of its own)', async () => {
    // The parser trims; the form's own pattern refused the spaces and sent nothing.
    expect(await settle(' 100000000 ')).toMatchObject({
      refusal: undefined,
      calls: [{ variables: { report: { kind: 'SETTLED', settledFen: 10_000_000_000 } } }],
    });
    expect(await settle('100000000.01')).toEqual({ calls: [], refusal: '金额不能超过 100,000,000.00元' });
  });

  it('sends the enforcement case number (执行案号) with the start of enforcement where the clerk gives one', async () => {
    // Before, the field was offered with a listing only, and a number sent with ENFORCEMENT_STARTED was dropped.
    const calls: Call[] = [];
    renderAnswering(<ReportForm referralId={referralId} onReported={() => undefined} />, () => reported, calls);
    await choose('事项', '执行立案');
    fireEvent.change(await screen.findByLabelText('执行案号'), { target: { value: ' (2026)京0102执1001号 ' } });
    fireEvent.click(screen.getByRole('button', { name: '提交报告' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].variables.report).toMatchObject({
      kind: 'ENFORCEMENT_STARTED',
      caseNumber: '(2026)京0102执1001号',
    });
    // Optional there: none given, none sent (the form was reset after the first report).
    await choose('事项', '执行立案');
    await screen.findByLabelText('执行案号');
    fireEvent.click(screen.getByRole('button', { name: '提交报告' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1].variables.report).toMatchObject({ kind: 'ENFORCEMENT_STARTED' });
    expect((calls[1].variables.report as Record<string, unknown>).caseNumber).toBeUndefined();
  });
});

describe('超审限小额诉讼 (a court clerk’s overdue small claims)', () => {
  it('says which due dates await the next year’s holiday arrangement (Civil Code art. 203)', async () => {
    const overdue = (caseNumber: string, dueOn: string, daysOverdue: number, awaitsHolidayYear: number | null) => ({
      dueOn,
      daysOverdue,
      extended: false,
      provisional: awaitsHolidayYear !== null,
      awaitsHolidayYear,
      referral: {
        id: `00000000-0000-4000-8000-00000000003${daysOverdue % 10}`,
        areaName: '学院南路32号院',
        caseNumber,
      },
    });
    renderAnswering(<OverdueSmallClaims />, () => ({
      data: {
        overdueSmallClaims: [
          overdue('(2026)京0102民初1号', '2026-10-08', 81, null),
          overdue('(2026)京0102民初2号', '2026-12-26', 2, 2027),
        ],
      },
    }));
    expect(await screen.findByText('2026年10月8日')).toBeTruthy();
    expect(screen.getByText('2026年12月26日（暂按自然日计，待2027年节假日安排）')).toBeTruthy();
  });
});
