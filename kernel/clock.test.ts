import { todayInChina } from './clock';

describe('today in China Standard Time', () => {
  it.each([
    ['2026-03-15T15:59:59Z', '2026-03-15'], // 23:59:59 in Beijing
    ['2026-03-15T16:00:00Z', '2026-03-16'], // midnight in Beijing, still the 15th in UTC
    ['2025-12-31T20:00:00Z', '2026-01-01'],
  ])('%s is %s in Beijing', (instant, expected) => {
    expect(todayInChina(new Date(instant))).toBe(expected);
  });
});
