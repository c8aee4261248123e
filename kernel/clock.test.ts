import { timeOfDayInChina, todayInChina } from './clock';

describe('today in China Standard Time', () => {
  it.each([
    ['2026-03-15T15:59:59Z', '2026-03-15'], // 23:59:59 in Beijing
    ['2026-03-15T16:00:00Z', '2026-03-16'], // midnight in Beijing, still the 15th in UTC
    ['2025-12-31T20:00:00Z', '2026-01-01'],
  ])('%s is %s in Beijing', (instant, expected) => {
    expect(todayInChina(new Date(instant))).toBe(expected);
  });
});

describe('the time of day in China', () => {
  it.each([
    ['2026-03-15T15:59:59Z', '23:59:59'],
    ['2026-03-15T16:00:00Z', '00:00:00'],
    ['2026-03-15T04:05:06.789Z', '12:05:06'],
  ])('%s is %s in Beijing', (instant, expected) => {
    expect(timeOfDayInChina(new Date(instant))).toBe(expected);
  });
});
