import { screen, waitFor } from '@testing-library/react';
import { CompoundsScreen } from './screens/compounds';
import { Call } from './test-client';
import { renderAnswering } from './test-render';

const compound = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  name: `小区${n}`,
  kind: 'COMMERCIAL',
  governanceModel: 'CONTRACT_BASED',
  statistics: { buildings: 1, households: 10 },
});

const answering = (count: number, calls: Call[]) =>
  renderAnswering(
    <CompoundsScreen />,
    (call) =>
      call.name === 'Compounds'
        ? { data: { compounds: [...Array(count).keys()].map(compound) } }
        : { data: { overdueGovernanceBodies: [] } },
    calls,
  );

describe('小区与住户', () => {
  it('asks for one compound more than the 500 it lists and says the list is cut when that one exists (before, only the first 100 were listed)', async () => {
    const calls: Call[] = [];
    answering(501, calls);
    expect(await screen.findByText('仅显示按名称排序的前 500 个小区')).toBeTruthy();
    expect(calls.find((c) => c.name === 'Compounds')?.variables).toEqual({ first: 501 });
    // 500 listed, 20 a page: 25 pages, the 501st compound not among them.
    expect(screen.getByTitle('25')).toBeTruthy();
    expect(screen.queryByTitle('26')).toBeNull();
  });

  it('does not say the list is cut when the street has exactly 500 compounds (before, it did)', async () => {
    const calls: Call[] = [];
    answering(500, calls);
    expect(await screen.findByText('小区0')).toBeTruthy();
    expect(screen.getByTitle('25')).toBeTruthy();
    expect(screen.queryByText('仅显示按名称排序的前 500 个小区')).toBeNull();
    await waitFor(() => expect(calls.find((c) => c.name === 'Compounds')?.variables).toEqual({ first: 501 }));
  });
});
