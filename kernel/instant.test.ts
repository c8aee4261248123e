import { utcInstant } from './instant';

describe('instants as outsiders write them', () => {
  it('reads an instant with its offset into UTC, to the minute, second or millisecond', () => {
    expect(utcInstant('2026-03-01T07:00+08:00')).toBe('2026-02-28T23:00:00.000Z');
    expect(utcInstant('2026-03-01T07:00:05Z')).toBe('2026-03-01T07:00:05.000Z');
    expect(utcInstant('2024-02-29T23:59:59.5-05:30')).toBe('2024-03-01T05:29:59.500Z');
    expect(utcInstant('2026-03-01T07:00:05.123456789+08:00')).toBe('2026-02-28T23:00:05.123Z');
  });

  it('refuses what is not a real date or time, and years the database cannot keep', () => {
    for (const text of [
      '2026-02-30T10:00+08:00', // Date.parse takes this for 2 March
      '2025-02-29T10:00Z',
      '2026-03-01T24:00Z',
      '2026-03-01T10:60Z',
      '2025-12-31T23:59:60Z', // a leap second: Date refuses it with a RangeError later
      '2026-03-01T10:00+15:00',
      '2026-03-01T10:00', // no offset: whose 10 o'clock?
      '9999-12-31T23:00-05:00', // year 10000 in UTC
      '1000-01-01T00:30+01:00', // year 999 in UTC
      '0000-01-01T00:00Z',
      ' 2026-03-01T10:00Z',
      '2026-03-01',
      undefined,
      20260301,
    ])
      expect(utcInstant(text)).toBeUndefined();
    expect(utcInstant('9999-12-31T23:59:59.999Z')).toBe('9999-12-31T23:59:59.999Z');
    expect(utcInstant('1000-01-01T00:00Z')).toBe('1000-01-01T00:00:00.000Z');
  });
});
