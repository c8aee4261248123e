import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Client, CombinedError, Provider } from 'urql';
import { fromValue } from 'wonka';
import { ReturnDialog } from './screens/filing-review';
import { ConsoleProvider } from './theme';

/** A client that answers every mutation with `result`: the component's own behaviour, without a hub. */
function answering(result: { data?: unknown; error?: CombinedError }, calls: unknown[] = []) {
  return {
    executeMutation: (operation: { variables: unknown }) => {
      calls.push(operation.variables);
      return fromValue({ operation, ...result });
    },
  } as unknown as Client;
}

const filing = { id: '00000000-0000-4000-8000-000000000001', currentVersion: 2, area: { name: '红居南街6号院' } };

describe('退回补正 dialog', () => {
  it('asks for a field and a reason before anything is sent', async () => {
    const calls: unknown[] = [];
    render(
      <ConsoleProvider>
        <Provider value={answering({}, calls)}>
          <ReturnDialog filing={filing} onClose={() => undefined} />
        </Provider>
      </ConsoleProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '退回' }));
    expect(await screen.findByText('请填写所涉字段或材料')).toBeTruthy();
    expect(screen.getByText('请填写退回理由')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('sends the reasons with the version and shows the API’s refusal with its code and field', async () => {
    const calls: unknown[] = [];
    const error = new CombinedError({
      graphQLErrors: [
        {
          message: 'The filing changed since you read it',
          extensions: { code: 'VERSION_CONFLICT', details: { fields: [{ field: 'version', message: 'now 3' }] } },
        },
      ],
    });
    const closed: boolean[] = [];
    render(
      <ConsoleProvider>
        <Provider value={answering({ error }, calls)}>
          <ReturnDialog filing={filing} onClose={(done) => closed.push(done)} />
        </Provider>
      </ConsoleProvider>,
    );
    fireEvent.change(screen.getByLabelText('字段 1'), { target: { value: 'feeSchedule.classes[0]' } });
    fireEvent.change(screen.getByLabelText('退回理由 1'), { target: { value: '收费标准与合同正文不一致' } });
    fireEvent.click(screen.getByRole('button', { name: '退回' }));
    expect(await screen.findByText('The filing changed since you read it（VERSION_CONFLICT）')).toBeTruthy();
    expect(screen.getByText('now 3')).toBeTruthy();
    await waitFor(() =>
      expect(calls).toEqual([
        {
          filingId: filing.id,
          version: 2,
          reasons: [{ field: 'feeSchedule.classes[0]', reason: '收费标准与合同正文不一致' }],
        },
      ]),
    );
    expect(closed).toEqual([]);
  });
});
