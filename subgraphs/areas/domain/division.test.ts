import { parentCodeOf, validateDivision } from './division';

describe('administrative divisions', () => {
  it.each([
    ['110102', 'DISTRICT', undefined],
    ['110102014', 'STREET', '110102'],
    ['110102014001', 'COMMUNITY', '110102014'],
  ])('%s is a %s under %s', (code, level, parent) => {
    expect(validateDivision({ code, name: '西城区' })).toMatchObject({ level, parentCode: parent });
    expect(parentCodeOf(code)).toBe(parent);
  });

  it('rejects codes of other lengths', () => {
    expect(() => validateDivision({ code: '1101', name: 'x' })).toThrow(/invalid/);
  });
});
