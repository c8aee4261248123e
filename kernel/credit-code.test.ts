import { CREDIT_CODE_WEIGHTS, creditCodeCheckCharacter, isValidCreditCode } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it('has the weights 3^(i−1) mod 31', () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => 3 ** i % 31));
  });

  it.each(['91110000802100433B', '91350100M000100Y43', '91110108551385082Q', '91440300708461136T'])(
    'accepts the published code %s',
    (code) => {
      expect(isValidCreditCode(code)).toBe(true);
    },
  );

  it('computes the check character, 31 standing for 0', () => {
    expect(creditCodeCheckCharacter('91110000802100433')).toBe('B');
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    // A 17-character prefix whose weighted sum is a multiple of 31 checks as 0.
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });

  it.each([
    ['a changed check character', '91110000802100433C'],
    ['a changed body character', '91110000802100434B'],
    ['a letter outside the set (I, O, S, V, Z)', '9111000080210043IB'],
    ['lower case', '91110000802100433b'],
    ['17 characters', '9111000080210043B'],
    ['19 characters', '91110000802100433BB'],
  ])('refuses %s', (_, code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });
});
