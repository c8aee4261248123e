import { fireEvent, screen, waitFor } from '@testing-library/react';
import { todayInChina } from '../../kernel/clock';
import { addDays } from '../../kernel/calendar';
import { MediationSessionList, OutcomeForm, SessionForm } from './screens/mediation';
import { print } from 'graphql';
import { MediationAccountDocument } from './gql/graphql';
import { Call } from './test-client';
import { renderAnswering } from './test-render';

const accountId = '00000000-0000-4000-8000-000000000010';
const recorded = { data: { recordCollectionAction: { id: accountId, status: 'MEDIATION' } } };

const renderWith = renderAnswering;

describe('登记调解 form', () => {
  it('asks for the day and the mediator, refuses a day after today, and sends nothing until both are right', async () => {
    const calls: Call[] = [];
    renderWith(
      <SessionForm accountId={accountId} chargeIds={['c-1']} onRecorded={() => undefined} />,
      () => recorded,
      calls,
    );
    fireEvent.click(screen.getByRole('button', { name: '登记调解' }));
    expect(await screen.findByText('请填写调解日期')).toBeTruthy();
    expect(screen.getByText('请填写调解员')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('调解日期'), { target: { value: addDays(todayInChina(), 1) } });
    fireEvent.change(screen.getByLabelText('调解员'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: '登记调解' }));
    expect(await screen.findByText('调解日期不能晚于今天')).toBeTruthy();
    expect(screen.getByText('请填写调解员')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('records a pending session for the account’s charges in arrears, and shows the API’s refusal with its field', async () => {
    const calls: Call[] = [];
    const done: boolean[] = [];
    renderWith(
      <SessionForm accountId={accountId} chargeIds={['c-1', 'c-2']} onRecorded={() => done.push(true)} />,
      () => ({
        errors: [
          {
            message: 'A collection step cannot be recorded before it happens',
            extensions: { code: 'BAD_USER_INPUT', details: { fields: { on: 'not after today (2026-12-01)' } } },
          },
        ],
      }),
      calls,
    );
    const today = todayInChina();
    fireEvent.change(screen.getByLabelText('调解日期'), { target: { value: today } });
    fireEvent.change(screen.getByLabelText('调解员'), { target: { value: ' 王调解员 ' } });
    fireEvent.click(screen.getByRole('button', { name: '登记调解' }));
    expect(
      await screen.findByText('A collection step cannot be recorded before it happens（BAD_USER_INPUT）'),
    ).toBeTruthy();
    expect(screen.getByText('on')).toBeTruthy();
    expect(screen.getByText('not after today (2026-12-01)')).toBeTruthy();
    expect(calls).toEqual([
      {
        name: 'RecordMediationSession',
        variables: {
          accountId,
          action: {
            kind: 'MEDIATION_SESSION',
            on: today,
            chargeIds: ['c-1', 'c-2'],
            mediator: '王调解员',
            note: null,
            outcome: 'PENDING',
          },
          idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
        },
      },
    ]);
    expect(done).toEqual([]);
    // Pressed again after the refusal (or a lost answer): the same attempt, the same key (before, a second session).
    fireEvent.click(screen.getByRole('button', { name: '登记调解' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1].variables.idempotencyKey).toBe(calls[0].variables.idempotencyKey);
  });
});

describe('调解结果 form', () => {
  const session = { actionId: '00000000-0000-4000-8000-000000000020', on: '2026-11-20' };

  it('asks for the outcome and refuses a date before the session', async () => {
    const calls: Call[] = [];
    renderWith(<OutcomeForm session={session} onRecorded={() => undefined} />, () => recorded, calls);
    fireEvent.click(screen.getByRole('button', { name: '登记结果' }));
    expect(await screen.findByText('请选择结果')).toBeTruthy();
    expect(screen.getByText('请填写结果日期')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('结果日期'), { target: { value: '2026-11-19' } });
    fireEvent.click(screen.getByRole('button', { name: '登记结果' }));
    expect(await screen.findByText('结果日期不能早于调解日期')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('sends the outcome and its date for the session', async () => {
    const calls: Call[] = [];
    const done: boolean[] = [];
    renderWith(
      <OutcomeForm session={session} onRecorded={() => done.push(true)} />,
      () => ({ data: { recordMediationOutcome: { id: accountId, status: 'IN_COLLECTION' } } }),
      calls,
    );
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '结果' }));
    fireEvent.click(await screen.findByText('达成协议'));
    fireEvent.change(screen.getByLabelText('结果日期'), { target: { value: '2026-11-25' } });
    fireEvent.click(screen.getByRole('button', { name: '登记结果' }));
    await waitFor(() => expect(done).toEqual([true]));
    expect(calls).toEqual([
      {
        name: 'RecordMediationOutcome',
        variables: { actionId: session.actionId, outcome: 'AGREED', outcomeOn: '2026-11-25' },
      },
    ]);
  });
});

describe('调解记录 list', () => {
  const row = (n: number, outcome: string, outcomeOn: string | null) => ({
    actionId: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
    accountId: `00000000-0000-4000-8000-0000000002${String(n).padStart(2, '0')}`,
    companyId: '91110102MA0000MEDA',
    area: { id: 'area-1', name: '红居南街6号院' },
    household: { id: `h-${n}`, ownerName: n === 1 ? '张**' : null },
    unit: '1单元',
    room: `${100 + n}`,
    on: '2026-11-20',
    mediator: '广安门外街道人民调解委员会',
    outcome,
    outcomeOn,
  });

  it('shows each session with its compound, household, company, day and outcome, and pages by the API', async () => {
    const calls: Call[] = [];
    const opened: string[] = [];
    renderWith(
      <MediationSessionList onOpen={(id) => opened.push(id)} />,
      ({ variables }) => ({
        data: {
          mediationSessions: {
            totalCount: 21,
            items:
              variables.offset === 0
                ? [row(1, 'PENDING', null), row(2, 'AGREED', '2026-11-25')]
                : [row(21, 'FAILED', '2026-11-26')],
          },
        },
      }),
      calls,
    );
    expect(await screen.findByText('张**')).toBeTruthy();
    expect(screen.getAllByText('红居南街6号院')).toHaveLength(2);
    expect(screen.getAllByText('91110102MA0000MEDA')).toHaveLength(2);
    expect(screen.getByText('调解中')).toBeTruthy();
    expect(screen.getByText('达成协议 2026年11月25日')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '查看 1单元101' }));
    expect(opened).toEqual([row(1, 'PENDING', null).accountId]);
    fireEvent.click(screen.getByTitle('2'));
    expect(await screen.findByText('调解不成 2026年11月26日')).toBeTruthy();
    // The test client has no cache, so a page may be asked for more than once: the pages asked for, in order.
    const asked = calls.map((c) => JSON.stringify([c.name, c.variables]));
    expect(asked.filter((a, i) => asked.indexOf(a) === i).map((a) => JSON.parse(a))).toEqual([
      ['MediationSessions', { offset: 0, first: 20 }],
      ['MediationSessions', { offset: 20, first: 20 }],
    ]);
  });

  it('shows the API’s refusal', async () => {
    renderWith(
      <MediationSessionList onOpen={() => undefined} />,
      () => ({
        errors: [{ message: 'Mediation sessions are read by the street office', extensions: { code: 'FORBIDDEN' } }],
      }),
      [],
    );
    expect(await screen.findByText('Mediation sessions are read by the street office（FORBIDDEN）')).toBeTruthy();
    expect(screen.getByText('尚无调解记录')).toBeTruthy();
  });
});

describe('the street office’s account drawer', () => {
  it('asks for no note of the company’s steps: it shows the mediation sessions only (a console audit)', () => {
    const actions = /actions \{([^}]*)\}/.exec(print(MediationAccountDocument))?.[1] ?? '';
    expect(actions).toMatch(/\bmediator\b/);
    expect(actions).not.toMatch(/\bnote\b/);
  });
});
