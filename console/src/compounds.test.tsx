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

describe('小区与住户', () => {
  it('asks for up to 500 compounds and says when the street has more (before, only the first 100 were listed)', async () => {
    const calls: Call[] = [];
    renderAnswering(
      <CompoundsScreen />,
      (call) =>
        call.name === 'Compounds'
          ? { data: { compounds: [...Array(500).keys()].map(compound) } }
          : { data: { overdueGovernanceBodies: [] } },
      calls,
    );
    expect(await screen.findByText('仅显示按名称排序的前 500 个小区')).toBeTruthy();
    await waitFor(() => expect(calls.find((c) => c.name === 'Compounds')?.variables).toEqual({ first: 500 }));
  });
});
