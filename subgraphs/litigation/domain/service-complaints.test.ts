import { serviceComplaintWindow } from './service-complaints';

describe('the 24 months of complaints a case package lists', () => {
  it('runs from the day after the same day two years before to the referral day', () => {
    expect(serviceComplaintWindow('2026-12-01')).toEqual({ from: '2024-12-02', to: '2026-12-01' });
  });

  it('takes the last day of February when the year before has no 29th (Civil Code art. 202)', () => {
    expect(serviceComplaintWindow('2028-02-29')).toEqual({ from: '2026-03-01', to: '2028-02-29' });
  });
});
