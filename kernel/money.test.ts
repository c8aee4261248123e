import { DomainError } from './errors';
import { chargeFen, formatYuan, parseYuan } from './money';

describe('yuan and fen', () => {
  it.each<[string, number, string]>([
    ['1.78', 178, '1.78'], // seed 003: assessed, low-rise
    ['2.45', 245, '2.45'], // assessed, high-rise
    ['1', 100, '1.00'], // "低楼1元": owners, low-rise
    ['1.67', 167, '1.67'], // owners, high-rise
    ['0.78', 78, '0.78'], // subsidy
    ['17.93', 1_793, '17.93'], // seed 002's elevator levy per m²
    ['420000', 42_000_000, '420000.00'], // seed 002: the company's advance
    ['0.5', 50, '0.50'],
    ['0', 0, '0.00'],
  ])('%s yuan is %i fen, shown as %s', (text, fen, shown) => {
    expect(parseYuan(text)).toBe(fen);
    expect(formatYuan(fen)).toBe(shown);
    expect(parseYuan(formatYuan(fen))).toBe(fen);
  });

  it.each([['-1'], ['1.234'], ['01.00'], ['1,000'], ['¥1'], [''], ['.5']])('does not read %j as yuan', (text) => {
    expect(parseYuan(text)).toBeUndefined();
  });

  it('formats only whole, non-negative fen', () => {
    expect(() => formatYuan(1.5)).toThrow(DomainError);
    expect(() => formatYuan(-1)).toThrow(DomainError);
  });
});

describe('charges: floor area × rate, rounded half up to the fen', () => {
  it.each<[string, number, number, number]>([
    ['56.78 m² at ¥1.00 (owner, low-rise)', 5_678, 100, 5_678],
    ['56.78 m² at ¥1.67 (owner, high-rise): 9,482.26', 5_678, 167, 9_482],
    ['56.78 m² at ¥1.78 (assessed, low-rise): 10,106.84', 5_678, 178, 10_107],
    ['56.78 m² at ¥2.45 (assessed, high-rise): 13,911.10', 5_678, 245, 13_911],
    ['56.78 m² at ¥0.78 (subsidy): 4,428.84', 5_678, 78, 4_429],
    ['85.50 m² at ¥1.67: 14,278.50, half rounds up', 8_550, 167, 14_279],
    ['85.36 m² at ¥1.67: 14,255.12', 8_536, 167, 14_255],
    ['0.25 m² at ¥0.50: 12.50', 25, 50, 13],
    ['0.49 m² at ¥0.01: 0.49', 49, 1, 0],
    ['0.50 m² at ¥0.01: 0.50', 50, 1, 1],
    ['no area', 0, 245, 0],
    ['a zero rate', 5_678, 0, 0],
  ])('%s', (_label, area, rate, fen) => {
    expect(chargeFen(area, rate)).toBe(fen);
  });

  it('stays exact where a float product would not', () => {
    // 100.50 m² at ¥0.01 is ¥1.005; as a float, 1.005 * 100 is 100.49999999999999 and would round down to 100 fen.
    expect(chargeFen(10_050, 1)).toBe(101);
    expect(chargeFen(Number.MAX_SAFE_INTEGER, 100)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each<[number, number, string[]]>([
    [-1, 100, ['floorAreaCentiM2']],
    [56.78, 100, ['floorAreaCentiM2']],
    [5_678, 1.67, ['rateFenPerM2Month']],
    [-1, -1, ['floorAreaCentiM2', 'rateFenPerM2Month']],
  ])('rejects area %p and rate %p', (area, rate, fields) => {
    try {
      chargeFen(area, rate);
      throw new Error('expected a rejection');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect(Object.keys((e as DomainError).details?.fields as object).sort()).toEqual(fields);
    }
  });

  it('refuses a charge beyond safe integers', () => {
    expect(() => chargeFen(Number.MAX_SAFE_INTEGER, 101)).toThrow(DomainError);
  });

  it.each<[string, number, number, number, number, number]>([
    // 5,678 × 167 × 16 ÷ 3,100 = 4,894.07
    ['56.78 m² at ¥1.67 for 16 of 31 days', 5_678, 167, 16, 31, 4_894],
    // 10,000 × 100 × 15 ÷ 3,000 = 5,000 exactly
    ['100 m² at ¥1.00 for 15 of 30 days', 10_000, 100, 15, 30, 5_000],
    // 1 × 50 × 1 ÷ 2,800 = 0.0179 → 0; 100 × 14 ÷ 2,800 = 0.5 → 1 (half up)
    ['0.01 m² at ¥0.50 for 1 of 28 days', 1, 50, 1, 28, 0],
    ['1.00 m² at ¥0.01 for 14 of 28 days: half a fen, up', 100, 1, 14, 28, 1],
    ['no day served', 5_678, 167, 0, 31, 0],
  ])('charges a month served in part: %s', (_label, area, rate, days, monthDays, fen) => {
    expect(chargeFen(area, rate, { days, monthDays })).toBe(fen);
  });

  it('charges every day of the month as the whole month', () => {
    for (const [area, rate] of [
      [5_678, 167],
      [25, 50],
      [10_050, 1],
      [12_345, 245],
    ])
      for (const monthDays of [28, 29, 30, 31])
        expect(chargeFen(area, rate, { days: monthDays, monthDays })).toBe(chargeFen(area, rate));
  });

  it.each([
    { days: -1, monthDays: 31 },
    { days: 32, monthDays: 31 },
    { days: 10, monthDays: 27 },
    { days: 1.5, monthDays: 30 },
  ])('refuses a part of a month that is none: %p', (served) => {
    expect(() => chargeFen(5_678, 167, served)).toThrow(DomainError);
  });
});
