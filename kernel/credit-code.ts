/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》:
 * 18 characters from a 31-character set (digits and capital letters without I, O, Z, S, V); the 18th is a check
 * character over the first 17 (clause 5 and annex: weights 3^(i−1) mod 31, check = 31 − (Σ cᵢ·wᵢ mod 31), where 31
 * stands for 0).
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters; null when they are not 17 characters of the code's set. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (typeof first17 !== 'string' || first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[check === 31 ? 0 : check];
}

/** True when the code is 18 characters of the set and its last one is the check character of the others. */
export function isValidCreditCode(code: string): boolean {
  return typeof code === 'string' && code.length === 18 && creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}
