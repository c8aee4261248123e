import { InvalidInputError } from './errors';

/**
 * Money is integer fen (分): ¥1.78 is 178. Fee standards are published in yuan with two decimals ("1.78元/平方米/月",
 * seed 003), so yuan text converts to fen exactly, without ever passing through a float.
 */
export type Fen = number;

const YUAN = /^(0|[1-9][0-9]{0,12})(\.[0-9]{1,2})?$/;

/** "1.78" → 178, "1" → 100, "0.78" → 78; undefined when not a non-negative amount with at most two decimals. */
export function parseYuan(text: string): Fen | undefined {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (!YUAN.test(trimmed)) return undefined;
  const [whole, fraction = ''] = trimmed.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 178 → "1.78", 100 → "1.00": the inverse of parseYuan for every whole, non-negative amount of fen. */
export function formatYuan(fen: Fen): string {
  if (!Number.isSafeInteger(fen) || fen < 0)
    throw new InvalidInputError('An amount must be whole fen, 0 or more', { value: fen });
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** The days of a month a fee covers when its service began or ended within the month: 16 of 31. */
export interface ServedDays {
  days: number;
  monthDays: number;
}

const isServedDays = (s: ServedDays): boolean =>
  Number.isInteger(s.monthDays) &&
  s.monthDays >= 28 &&
  s.monthDays <= 31 &&
  Number.isInteger(s.days) &&
  s.days >= 0 &&
  s.days <= s.monthDays;

/**
 * Floor area × monthly rate, rounded half up (四舍五入) to the fen. Hundredths of m² × fen per m² is hundredths of a
 * fen, so the exact product is an integer and one integer division rounds it: add 50, divide by 100, drop the rest
 * (in bigint, so no product overflows). Half up, not GB/T 8170's round-half-even, because it is the rule owners
 * check their bills with; the amounts are never negative, so half up and half away from zero agree.
 * 56.78 m² at ¥1.67 is 9,482.26 fen → 9,482; at ¥0.50, 0.25 m² is 12.5 fen → 13.
 *
 * A month served in part (`served`: a contract beginning or ending within it) is charged for its days: floor area ×
 * rate × days ÷ the month's days, rounded once, half up, in the same exact integers. 56.78 m² at ¥1.67 for 16 of 31
 * days is 4,894.07 fen → 4,894.
 */
export function chargeFen(floorAreaCentiM2: number, rateFenPerM2Month: number, served?: ServedDays): Fen {
  const fields: Record<string, string> = {};
  if (!Number.isSafeInteger(floorAreaCentiM2) || floorAreaCentiM2 < 0) {
    fields.floorAreaCentiM2 = 'the floor area must be a whole number of hundredths of m², 0 or more';
  }
  if (!Number.isSafeInteger(rateFenPerM2Month) || rateFenPerM2Month < 0) {
    fields.rateFenPerM2Month = 'the rate must be whole fen per m² per month, 0 or more';
  }
  if (Object.keys(fields).length > 0)
    throw new InvalidInputError('A charge needs a valid floor area and rate', { fields });
  if (served && !isServedDays(served))
    throw new InvalidInputError('A part of a month is 0 to its days, of a month of 28 to 31 days', { served });
  // round(x / y) half up is (2x + y) div 2y; for the whole month (days = monthDays) it is (area × rate + 50) div 100.
  const [days, of] = served ? [BigInt(served.days), BigInt(served.monthDays)] : [1n, 1n];
  const x = BigInt(floorAreaCentiM2) * BigInt(rateFenPerM2Month) * days;
  const fen = (2n * x + 100n * of) / (200n * of);
  if (fen > BigInt(Number.MAX_SAFE_INTEGER))
    throw new InvalidInputError('The charge is too large to bill', { floorAreaCentiM2, rateFenPerM2Month });
  return Number(fen);
}

/** A part of a month's fee: a rate (fen per m² per month) for some days of it. */
export interface RatedPart {
  rateFen: number;
  days: number;
}

/** Σ rate × days over the parts of a month's fee (partsChargeFen). */
export const rateDaysOf = (parts: readonly RatedPart[]): number =>
  parts.reduce((sum, p) => sum + p.rateFen * p.days, 0);

/**
 * The fee of a month billed in parts (one of the company's contracts ending within it and its renewal beginning, at
 * another rate): floor area × Σ rate × days ÷ the month's days, rounded once, half up (chargeFen with Σ rate × days as
 * the rate for 1 day), never part by part. 100 m² at ¥1.50 for 15 days and ¥2.00 for 16 days of March: 10,000 ×
 * (150 × 15 + 200 × 16) ÷ (100 × 31) = 17,580.6 → ¥175.81. One part is the fee by the day, as chargeFen has it.
 */
export const partsChargeFen = (floorAreaCentiM2: number, parts: readonly RatedPart[], monthDays: number): Fen =>
  chargeFen(floorAreaCentiM2, rateDaysOf(parts), { days: 1, monthDays });
