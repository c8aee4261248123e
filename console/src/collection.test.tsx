import { fireEvent, screen } from '@testing-library/react';
import { CollectionScreen } from './screens/collection';
import { renderAnswering } from './test-render';

const rate = (key: string, households: number, percent: string | null) => ({
  key,
  households,
  paidHouseholds: households,
  billedFen: households * 100,
  collectedFen: households * 100,
  byHouseholds: { percent },
  byAmount: { percent },
});

describe('物业费收缴率 table', () => {
  it('labels household-months as such over several months, and a rate with nothing due as —', async () => {
    renderAnswering(<CollectionScreen />, (call) => ({
      data: {
        collectionRates:
          call.variables.groupBy === 'MONTH' ? [rate('2026-10', 72, null)] : [rate('area-1', 864, '98.0')],
      },
    }));
    // By month: households (before, a month with nothing due read "—%").
    expect(await screen.findByRole('columnheader', { name: '应缴户数' })).toBeTruthy();
    expect(screen.getAllByRole('cell', { name: '—' }).length).toBe(2);
    // By area, over every billed month: household-months (before, 应缴户数 beside twelve months' sum).
    fireEvent.click(screen.getByRole('radio', { name: '按物业管理区域' }));
    expect(await screen.findByRole('columnheader', { name: '应缴户·月' })).toBeTruthy();
    expect(screen.getAllByRole('cell', { name: '98.0%' })).toHaveLength(2);
  });
});
