/**
 * Floor areas come from property certificates (房本面积) with two decimals. They are kept as integer hundredths of
 * a square metre so sums and statutory ratios (Civil Code art. 278 counts exclusive-part area) stay exact.
 */
export type CentiSquareMetres = number;

const DECIMAL_M2 = /^(0|[1-9][0-9]{0,6})(\.[0-9]{1,2})?$/;

/** "85.36" → 8536; undefined when not a non-negative decimal with at most two places. */
export function parseSquareMetres(text: string): CentiSquareMetres | undefined {
  const trimmed = text.trim();
  if (!DECIMAL_M2.test(trimmed)) return undefined;
  const [whole, fraction = ''] = trimmed.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 8536 → "85.36" */
export function formatSquareMetres(centi: CentiSquareMetres | bigint | string): string {
  const value = BigInt(centi);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}
