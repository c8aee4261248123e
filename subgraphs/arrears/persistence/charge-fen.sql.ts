/**
 * chargeFen (kernel/money.ts) in SQL: floor area × rate for `days` of a month of `monthDays` days, rounded once, half
 * up, in exact integers: round(x / y) is (2x + y) div 2y with x = area × rate × days and y = 100 × monthDays, which
 * for every day of the month is the whole month's (area × rate + 50) div 100. Each argument is an SQL expression (a
 * column or `?::int`); `monthDays` appears twice, so a `?` there takes two parameters, in the order days, monthDays,
 * monthDays.
 */
export const chargeFenSql = (area: string, rate: string, days: string, monthDays: string): string =>
  `(${area}::bigint * ${rate} * ${days} * 2 + 100 * ${monthDays}) / (200 * ${monthDays})`;

/** Σ rate × days over a monthly fee's parts (`rate_parts`, domain/billing.ts rateDaysOf); null for a fee of one rate. */
export const partsRateDaysSql = (charge: string): string =>
  `(select sum((p->>'rateFen')::int * (p->>'days')::int) from jsonb_array_elements(${charge}.rate_parts) p)`;

/** A month's days as an SQL literal: an integer from 28 to 31, checked, so it is never text from outside. */
const monthDaysLiteral = (monthDays: number): string => {
  if (!Number.isInteger(monthDays) || monthDays < 28 || monthDays > 31)
    throw new Error(`not a month's days: ${monthDays}`);
  return String(monthDays);
};

/**
 * What the monthly fee `charge` comes to for `days` (an SQL expression) of a month of `monthDays` days: chargeFenSql
 * at its rate; a fee billed in parts (two contracts of the company within the month, `rate_parts`) for its own days
 * or more, its parts' sum; for fewer, 0: which part's days went unserved is not the fee's to tell, so the whole of it
 * exceeds them.
 */
export const feeForDaysSql = (charge: string, days: string, monthDays: number): string => {
  const md = monthDaysLiteral(monthDays);
  return `(case when ${charge}.rate_parts is null then ${chargeFenSql(`${charge}.floor_area_centi_m2`, `${charge}.rate_fen`, days, md)}
         when ${days} >= coalesce(${charge}.served_days, ${md}) then ${chargeFenSql(`${charge}.floor_area_centi_m2`, partsRateDaysSql(charge), '1', md)}
         else 0 end)`;
};
