import { chineseDate, chineseMonth, yuanFigures, yuanInWords } from './chinese-format';

describe('yuanInWords (PBOC 支付结算办法 rules)', () => {
  it.each([
    [140950, '壹仟肆佰零玖元伍角整'],
    [10000000, '壹拾万元整'],
    [0, '零元整'],
    [1, '壹分'],
    [50, '伍角整'],
    [55, '伍角伍分'],
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [1500, '壹拾伍元整'],
    [600714, '陆仟零柒元壹角肆分'],
    [32504, '叁佰贰拾伍元零肆分'],
    [168032, '壹仟陆佰捌拾元叁角贰分'],
    [100000, '壹仟元整'],
    [1000500, '壹万零伍元整'],
    [100000000, '壹佰万元整'],
    [1000000000000, '壹佰亿元整'],
    [10000010000, '壹亿零壹佰元整'],
    [10100000000, '壹亿零壹佰万元整'],
    [1234567890, '壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角整'],
    [10010, '壹佰元壹角整'],
    [9482, '玖拾肆元捌角贰分'],
    [200000100, '贰佰万零壹元整'],
    [2000010000, '贰仟万零壹佰元整'],
    [2010000000, '贰仟零壹拾万元整'],
  ])('%i fen → %s', (fen, words) => {
    expect(yuanInWords(fen)).toBe(words);
  });

  it('refuses what is not whole fen, 0 or more', () => {
    expect(() => yuanInWords(-1)).toThrow('An amount must be whole fen, 0 or more');
    expect(() => yuanInWords(1.5)).toThrow('An amount must be whole fen, 0 or more');
    // Past Number.MAX_SAFE_INTEGER (some 90 trillion yuan) fen are no longer whole.
    expect(() => yuanInWords(1e16)).toThrow('An amount must be whole fen, 0 or more');
  });
});

describe('figures and dates', () => {
  it('writes yuan with two decimals and thousands separators', () => {
    expect(yuanFigures(140950)).toBe('1,409.50');
    expect(yuanFigures(5)).toBe('0.05');
    expect(yuanFigures(123456789)).toBe('1,234,567.89');
  });

  it('writes dates and months without leading zeros', () => {
    expect(chineseDate('2026-12-01')).toBe('2026年12月1日');
    expect(chineseDate('2025-03-09')).toBe('2025年3月9日');
    expect(chineseMonth('2024-07')).toBe('2024年7月');
    expect(() => chineseDate('2026-12')).toThrow('A date must be YYYY-MM-DD');
  });
});
