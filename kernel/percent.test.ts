import { percentHalfUp } from './percent';

describe('percentages rounded half up without floats', () => {
  it.each([
    [5770, 7784, 2, '74.13'], // seed 003: consenting households of participants
    [954, 1080, 1, '88.3'], // seed 002: households that paid the levy
    [1, 8, 1, '12.5'],
    [1, 16, 1, '6.3'], // 6.25 → 6.3, half up
    [2, 3, 0, '67'],
    [0, 5, 2, '0.00'],
    [5, 5, 1, '100.0'],
  ])('%i/%i at %i decimals is %s', (n, d, decimals, expected) => {
    expect(percentHalfUp(n, d, decimals)).toBe(expected);
  });

  it('refuses a zero denominator or fractional counts', () => {
    expect(() => percentHalfUp(1, 0, 1)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => percentHalfUp(1.5, 3, 1)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
